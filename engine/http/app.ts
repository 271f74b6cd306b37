/** The HTTP app: Clarifai's `/v2` routes, long and short form. Built here, started in main.ts. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { StatusCode } from '../../contract/clarifai';
import { newId } from '../ids';
import { formatBytes } from '../media/base64';
import { requireApiKey } from './access';
import type { AppDeps, AppEnv } from './deps';
import { fail, reply } from './reply';
import { modelRoutes } from './routes/models';
import { workflowRoutes } from './routes/workflows';

export function createApp(deps: AppDeps): Hono<AppEnv> {
  // strict: false makes `/v2/workflows/` the same route as `/v2/workflows`, as Clarifai does.
  const app = new Hono<AppEnv>({ strict: false });

  app.use(async (c, next) => {
    c.set('reqId', newId());
    await next();
  });

  // Liveness for scripts and the proxy: no disk, no models.
  app.get('/healthz', (c) => reply(c, { code: StatusCode.SUCCESS }));

  // Before the body limit, so a caller without a key cannot even make the engine read a body.
  if (deps.apiKeys && deps.apiKeys.length > 0) app.use('/v2/*', requireApiKey(deps.apiKeys));

  // The cap counts JSON text, in which media travel as base64 (4/3 of their size): see limits.ts.
  const maxSize = deps.media.limits.requestBytes;
  app.use(
    '/v2/*',
    bodyLimit({
      maxSize,
      onError: (c) =>
        fail(
          c,
          StatusCode.CONN_MALFORMED,
          `the request body is over the ${formatBytes(maxSize)} limit for a JSON body (${formatBytes(deps.media.limits.mediaBytes)} of media as base64, plus the JSON around it): send large media, such as a video, by URL`,
        ),
    }),
  );

  for (const [prefix, longForm] of [
    ['/v2/users/:user_id/apps/:app_id', true],
    ['/v2', false],
  ] as const) {
    app.route(prefix, workflowRoutes(deps, { longForm }));
    app.route(prefix, modelRoutes(deps));
  }

  app.notFound((c) =>
    fail(c, StatusCode.CONN_DOES_NOT_EXIST, `no such endpoint: ${c.req.method} ${c.req.path}`),
  );
  app.onError((error, c) => {
    console.error(`engine: ${c.req.method} ${c.req.path} failed`, error);
    return fail(c, StatusCode.INTERNAL, 'internal error: see the engine log');
  });
  return app;
}
