import type { Context } from 'hono';
import type { UserAppId } from '../../contract/clarifai';
import type { z } from 'zod';
import type { Owner } from '../workflows/render';
import type { AppDeps, AppEnv } from './deps';

/**
 * Whose resources a request names: the path on long routes (`/v2/users/{u}/apps/{a}/...`), else
 * the body's `user_app_id`, else the default owner. `served` is false for owners this engine does not
 * serve, so each route can answer with its own code (11101, or 22102 for a workflow).
 */
export function resolveOwner(
  c: Context<AppEnv>,
  deps: AppDeps,
  fromBody?: z.infer<typeof UserAppId>,
): { owner: Owner; served: boolean } {
  const [fallback] = deps.owners;
  const user_id = c.req.param('user_id') ?? fromBody?.user_id ?? fallback.user_id;
  const app_id = c.req.param('app_id') ?? fromBody?.app_id ?? fallback.app_id;
  const served = deps.owners.some((owner) => owner.user_id === user_id && owner.app_id === app_id);
  return { owner: { user_id, app_id }, served };
}

export function notServed(owner: Owner): string {
  return `user "${owner.user_id}" app "${owner.app_id}" is not served by the local engine (it serves local/main and clarifai/main)`;
}
