import type { Context } from 'hono';
import { z } from 'zod';
import { StatusCode } from '../../contract/clarifai';
import type { AppEnv } from './deps';
import { fail } from './reply';

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
