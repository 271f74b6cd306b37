import type { Context } from 'hono';
import { z } from 'zod';
import { StatusCode } from '../../contract/clarifai';
import type { SpooledVideo } from '../media/types';
import type { AppEnv } from './deps';
import { fail } from './reply';
import { MalformedBody, readSpooledBody, type SpooledBody, type SpoolOptions } from './spool-body';

/** The body parsed and validated, or the 11100 response to send instead. */
export async function readJsonBody<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
): Promise<{ ok: true; value: z.infer<S> } | { ok: false; response: Response }> {
  const parsed = await parseJsonBody(c, schema);
  if (parsed.ok) return parsed;
  return { ok: false, response: fail(c, StatusCode.CONN_MALFORMED, parsed.details) };
}

/** The body parsed and validated, or why not (the details of an 11100). */
export async function parseJsonBody<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
): Promise<{ ok: true; value: z.infer<S> } | { ok: false; details: string }> {
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    return { ok: false, details: 'the request body is not valid JSON' };
  }
  return validate(schema, raw);
}

/**
 * A predict body read as a stream, every uploaded video decoded to a temporary file on the way
 * (`spool-body.ts`), then validated like any body. The caller disposes of the files once answered;
 * on failure they are already gone.
 */
export async function parseSpooledBody<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
  options: SpoolOptions,
): Promise<
  | { ok: true; value: z.infer<S>; videos: ReadonlyMap<number, SpooledVideo>; dispose: () => Promise<void> }
  | { ok: false; details: string }
> {
  let body: SpooledBody;
  try {
    body = await readSpooledBody(c.req.raw.body, options);
  } catch (error) {
    if (!(error instanceof MalformedBody)) throw error;
    return { ok: false, details: 'the request body is not valid JSON' };
  }
  const parsed = validate(schema, body.value);
  if (!parsed.ok) await body.dispose();
  return parsed.ok ? { ...parsed, videos: body.videos, dispose: body.dispose } : parsed;
}

function validate<S extends z.ZodType>(
  schema: S,
  raw: unknown,
): { ok: true; value: z.infer<S> } | { ok: false; details: string } {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const details = z.prettifyError(parsed.error).replaceAll('\n', ' ');
    return { ok: false, details: `invalid request body: ${truncate(details, 500)}` };
  }
  return { ok: true, value: parsed.data };
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
