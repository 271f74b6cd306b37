/**
 * The streaming extension (docs/decisions/006-streamed-results.md): with
 * `Accept: application/x-ndjson`, a results request is answered `200` at once and its body is one
 * JSON object per line (contract/lens-stream.ts) as the work goes, the last one being the whole
 * normal response. Without that header nothing changes.
 */
import type { Context } from 'hono';
import { StatusCode } from '../../contract/clarifai';
import type { Status } from '../../contract/clarifai';
import { NDJSON_MEDIA_TYPE, type StreamLine } from '../../contract/lens-stream';
import type { AppEnv } from './deps';
import { replyBody } from './reply';

/** Whether the client asked for the NDJSON stream (an explicit media type, not `*\/*`). */
export function wantsNdjson(c: Context<AppEnv>): boolean {
  const accept = c.req.header('accept') ?? '';
  return accept
    .split(',')
    .map((part) => part.split(';')[0]?.trim().toLowerCase())
    .includes(NDJSON_MEDIA_TYPE);
}

export interface Answer {
  readonly status: Status;
  readonly body?: object;
}

/**
 * Streams `work`: lines it emits go out as they come, then its answer as `{"response": ...}`. The
 * signal given to `work` aborts when the client goes away (request aborted or stream cancelled),
 * so running frames stop and ffmpeg is killed.
 */
export function ndjsonResponse(
  c: Context<AppEnv>,
  work: (emit: (line: StreamLine) => void, signal: AbortSignal) => Promise<Answer>,
): Response {
  const encoder = new TextEncoder();
  const gone = new AbortController();
  const requestSignal = c.req.raw.signal;
  const onRequestAbort = () => gone.abort(new Error('the client went away'));
  if (requestSignal.aborted) onRequestAbort();
  else requestSignal.addEventListener('abort', onRequestAbort, { once: true });
  let open = true;

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const emit = (line: StreamLine) => {
        if (open) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      };
      void work(emit, gone.signal)
        .catch((error: unknown): Answer => {
          console.error(`engine: ${c.req.method} ${c.req.path} failed`, error);
          return { status: { code: StatusCode.INTERNAL, details: 'internal error: see the engine log' } };
        })
        .then((answer) => {
          emit({ response: replyBody(c, answer.status, answer.body) });
          if (open) {
            open = false;
            controller.close();
          }
        })
        .finally(() => requestSignal.removeEventListener('abort', onRequestAbort));
    },
    cancel() {
      open = false;
      gone.abort(new Error('the client went away'));
    },
  });

  return new Response(body, {
    status: 200,
    headers: {
      'content-type': `${NDJSON_MEDIA_TYPE}; charset=utf-8`,
      'x-clarifai-request-id': c.get('reqId'),
      'cache-control': 'no-store',
      // Proxies (nginx) must pass lines on as they come, not buffer the whole answer.
      'x-accel-buffering': 'no',
    },
  });
}
