/**
 * Graceful shutdown (SIGTERM / SIGINT in main.ts): stop accepting connections, let the requests in
 * flight finish, then close the models. A request still running after `graceMs` is cut off so a
 * stuck one cannot hold the process forever.
 */
import type { Server } from 'node:http';

export interface DrainOptions {
  readonly graceMs: number;
  /** Closes models, workers and processes once no request is left. */
  readonly closeEngine: () => Promise<void>;
}

/** Resolves 'drained' when every request finished in time, 'forced' when some were cut off. */
export async function drainAndClose(
  server: Pick<Server, 'close' | 'closeIdleConnections' | 'closeAllConnections'>,
  options: DrainOptions,
): Promise<'drained' | 'forced'> {
  let forced = false;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections with no request in flight would otherwise hold close() open, including
  // those whose request finishes while draining: close them as they become idle.
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      forced = true;
      server.closeAllConnections();
      resolve();
    }, options.graceMs);
  });
  await Promise.race([closed, grace]);
  clearTimeout(timer);
  clearInterval(sweep);
  await options.closeEngine().catch(() => undefined);
  return forced ? 'forced' : 'drained';
}
