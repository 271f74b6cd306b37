/** Wires the engine's parts together; main.ts and the tests both start from here. */
import type { AppDeps } from './http/deps';
import { LoadGate } from './http/load-gate';
import { MEDIA_LIMITS, type MediaLimits } from './media/limits';
import { createGuardedFetch, parseAllowList, type Resolve } from './media/url-guard';
import { defaultCatalog, type ModelCatalog } from './models/catalog';
import { RunnerRegistry } from './runners/registry';
import { LOAD_DEFAULTS } from './settings';
import { WorkflowStore } from './workflows/store';

export interface EngineOptions {
  readonly workflowsDir: string;
  readonly catalog?: ModelCatalog;
  /** Replaces the guarded fetch (url-guard.ts) entirely: tests that serve media from a stub. */
  readonly fetch?: typeof globalThis.fetch;
  /** `ENGINE_URL_ALLOWLIST`: hosts, addresses or CIDRs (optionally `:port`) media may come from. */
  readonly urlAllowList?: string | readonly string[];
  /** How the guarded fetch resolves names (tests plant a resolver). */
  readonly resolve?: Resolve;
  /** `ENGINE_API_KEYS`: when not empty, /v2 requests need `Authorization: Key <one of them>`. */
  readonly apiKeys?: readonly string[];
  /** `ENGINE_MAX_CONCURRENT` / `ENGINE_MAX_QUEUED`: predictions running / waiting (settings.ts). */
  readonly maxConcurrent?: number;
  readonly maxQueued?: number;
  /** `ENGINE_REQUEST_TIMEOUT_MS`: a prediction's deadline (40032 / 504 after it). */
  readonly requestTimeoutMs?: number;
  /** `ENGINE_NODE_TIMEOUT_MS`: one runner call's limit (40032 on its outputs only). */
  readonly nodeTimeoutMs?: number;
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
      fetch:
        options.fetch ??
        createGuardedFetch({
          allow: parseAllowList(options.urlAllowList),
          ...(options.resolve ? { resolve: options.resolve } : {}),
        }),
      fetchTimeoutMs: options.fetchTimeoutMs ?? 15_000,
      limits: { ...MEDIA_LIMITS, ...options.limits },
    },
    owners: [
      { user_id: 'local', app_id: 'main' },
      { user_id: 'clarifai', app_id: 'main' },
    ],
    ...(options.now ? { now: options.now } : {}),
    apiKeys: options.apiKeys ?? [],
    gate: new LoadGate({
      maxConcurrent: options.maxConcurrent ?? LOAD_DEFAULTS.maxConcurrent,
      maxQueued: options.maxQueued ?? LOAD_DEFAULTS.maxQueued,
    }),
    requestTimeoutMs: options.requestTimeoutMs ?? LOAD_DEFAULTS.requestTimeoutMs,
    nodeTimeoutMs: options.nodeTimeoutMs ?? LOAD_DEFAULTS.nodeTimeoutMs,
  };
  return { deps, close: () => runners.closeAll() };
}
