/** Wires the engine's parts together; main.ts and the tests both start from here. */
import type { AppDeps } from './http/deps';
import { MEDIA_LIMITS, type MediaLimits } from './media/limits';
import { defaultCatalog, type ModelCatalog } from './models/catalog';
import { RunnerRegistry } from './runners/registry';
import { WorkflowStore } from './workflows/store';

export interface EngineOptions {
  readonly workflowsDir: string;
  readonly catalog?: ModelCatalog;
  readonly fetch?: typeof globalThis.fetch;
  readonly fetchTimeoutMs?: number;
  readonly limits?: Partial<MediaLimits>;
  readonly warn?: (message: string) => void;
  readonly now?: () => Date;
}

export interface Engine {
  readonly deps: AppDeps;
  /** Stops model workers and processes. */
  close(): Promise<void>;
}

export async function createEngine(options: EngineOptions): Promise<Engine> {
  const store = await WorkflowStore.open(options.workflowsDir, {
    ...(options.warn ? { warn: options.warn } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const catalog = options.catalog ?? defaultCatalog();
  const runners = new RunnerRegistry();
  const deps: AppDeps = {
    store,
    catalog,
    runners,
    media: {
      fetch: options.fetch ?? globalThis.fetch,
      fetchTimeoutMs: options.fetchTimeoutMs ?? 15_000,
      limits: { ...MEDIA_LIMITS, ...options.limits },
    },
    owners: [
      { user_id: 'local', app_id: 'main' },
      { user_id: 'clarifai', app_id: 'main' },
    ],
    ...(options.now ? { now: options.now } : {}),
  };
  return { deps, close: () => runners.closeAll() };
}
