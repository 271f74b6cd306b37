/** Starts the engine: `node --import tsx engine/main.ts` (ENGINE_PORT, WORKFLOWS_DIR). */
import { serve } from '@hono/node-server';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from './create-engine';
import { createApp } from './http/app';
import { drainAndClose } from './http/shutdown';
import { settingsFromEnv } from './settings';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 4010;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`ENGINE_PORT must be a port number (0-65535), not "${raw}"`);
  }
  return port;
}

async function main(): Promise<void> {
  const port = readPort(process.env.ENGINE_PORT);
  const workflowsDir = path.resolve(process.env.WORKFLOWS_DIR || path.join(repoRoot, 'workflows'));
  const engine = await createEngine({ workflowsDir, ...settingsFromEnv() });
  const app = createApp(engine.deps);

  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, (info) => {
    console.log(`engine listening on http://127.0.0.1:${info.port}`);
  });
  server.on('error', (error) => {
    console.error(`engine: cannot listen on 127.0.0.1:${port}: ${error.message}`);
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      // A second Ctrl-C means "now".
      process.exit(1);
    }
    stopping = true;
    console.log(`engine: ${signal}, shutting down`);
    // Requests in flight finish; a stuck one cannot hold the process forever.
    if (!(server instanceof http.Server)) {
      server.close(() => void engine.close().finally(() => process.exit(0)));
      return;
    }
    void drainAndClose(server, { graceMs: 10_000, closeEngine: () => engine.close() }).then((how) => {
      if (how === 'forced') console.error('engine: requests still running after 10 s were cut off');
      process.exit(how === 'drained' ? 0 : 1);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('engine: failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
