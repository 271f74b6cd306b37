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
  const reqId = c.get('reqId');
  // Status first, as Clarifai orders it: a person reading a long response sees the verdict at once.
  const payload = {
    status: { ...status, description: status.description ?? describeStatus(status.code), req_id: reqId },
    ...body,
  };
  return new Response(JSON.stringify(payload), {
    status: httpStatus,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-clarifai-request-id': reqId },
  });
}

export function fail(c: Context<AppEnv>, code: number, details?: string): Response {
  return reply(c, { code, description: describeStatus(code), ...(details ? { details } : {}) });
}
