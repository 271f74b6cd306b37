/**
 * API keys (`ENGINE_API_KEYS`): when set, every /v2 request carries `Authorization: Key <key>`.
 * Keys are compared in constant time (as SHA-256 digests, so lengths leak nothing either) and are
 * never logged or echoed.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { StatusCode } from '../../contract/clarifai';
import type { AppEnv } from './deps';
import { fail } from './reply';

const digest = (key: string) => createHash('sha256').update(key, 'utf8').digest();

/** Whether `candidate` is one of `keys`; looks at every key whatever matches, in constant time each. */
export function keyMatches(candidate: string, keys: readonly Buffer[]): boolean {
  const given = digest(candidate);
  let found = false;
  for (const key of keys) found = timingSafeEqual(given, key) || found;
  return found;
}

export function requireApiKey(keys: readonly string[]): MiddlewareHandler<AppEnv> {
  const digests = keys.map(digest);
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined || header.trim() === '') {
      return fail(
        c,
        StatusCode.CONN_KEY_NOT_FOUND,
        'this engine needs an API key: send the header "Authorization: Key <key>" with one of ENGINE_API_KEYS',
      );
    }
    const match = /^\s*Key\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) {
      return fail(c, StatusCode.CONN_INVALID_REQUEST, 'the Authorization header must be "Key <key>"');
    }
    if (!keyMatches(match[1], digests)) {
      return fail(c, StatusCode.CONN_KEY_INVALID, 'the API key is not one of ENGINE_API_KEYS');
    }
    await next();
  };
}
