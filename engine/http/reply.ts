import type { Context } from 'hono';
import { describeStatus, httpStatusFor } from '../../contract/clarifai';
import type { Status } from '../../contract/clarifai';
import type { AppEnv } from './deps';

/**
 * Every answer is JSON with a Clarifai `status` carrying this request's id. The HTTP status follows
 * the code (`httpStatusFor`) unless given.
 */
export function reply(
  c: Context<AppEnv>,
  status: Status,
  body: object = {},
  httpStatus = httpStatusFor(status.code),
): Response {
  return new Response(JSON.stringify(replyBody(c, status, body)), {
    status: httpStatus,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-clarifai-request-id': c.get('reqId') },
  });
}

/** The JSON body `reply` sends (also the last line of a streamed answer). */
export function replyBody(c: Context<AppEnv>, status: Status, body: object = {}): { status: Status } {
  // Status first, as Clarifai orders it: a person reading a long response sees the verdict at once.
  return {
    status: {
      ...status,
      description: status.description ?? describeStatus(status.code),
      req_id: c.get('reqId'),
    },
    ...body,
  };
}

export function fail(c: Context<AppEnv>, code: number, details?: string): Response {
  return reply(c, { code, description: describeStatus(code), ...(details ? { details } : {}) });
}
