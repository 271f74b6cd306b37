/** `/models`: the local model catalog, so a client can learn what a node's model outputs. */
import { Hono } from 'hono';
import { StatusCode, type SingleModelResponse } from '../../../contract/clarifai';
import { renderModel } from '../../workflows/render';
import type { AppDeps, AppEnv } from '../deps';
import { notServed, resolveOwner } from '../owner';
import { pageOf, readPage } from '../pagination';
import { fail, reply } from '../reply';

export function modelRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/models', (c) => {
    const { owner, served } = resolveOwner(c, deps);
    if (!served) return fail(c, StatusCode.CONN_DOES_NOT_EXIST, notServed(owner));
    const page = readPage(c);
    if (typeof page === 'string') return fail(c, StatusCode.CONN_INVALID_REQUEST, page);
    const models = pageOf(deps.catalog.list(), page).map((model) => renderModel(model, owner));
    return reply(c, { code: StatusCode.SUCCESS }, { models });
  });

  routes.get('/models/:model_id', (c) => {
    const { owner, served } = resolveOwner(c, deps);
    if (!served) return fail(c, StatusCode.CONN_DOES_NOT_EXIST, notServed(owner));
    const id = c.req.param('model_id');
    const model = deps.catalog.get(id);
    if (!model)
      return fail(c, StatusCode.MODEL_DOES_NOT_EXIST, `model "${id}" is not available in the local engine`);
    return reply(c, { code: StatusCode.SUCCESS }, { model: renderModel(model, owner) } satisfies Omit<
      SingleModelResponse,
      'status'
    >);
  });

  return routes;
}
