import type { LoadGate } from './load-gate';
import type { MediaOptions } from '../media/prepare-input';
import type { ModelCatalog } from '../models/catalog';
import type { RunnerRegistry } from '../runners/registry';
import type { VideoOptions } from '../video/options';
import type { Owner } from '../workflows/render';
import type { WorkflowStore } from '../workflows/store';

/** Everything the HTTP layer needs, injected so tests can plant their own models and media. */
export interface AppDeps {
  readonly store: WorkflowStore;
  readonly catalog: ModelCatalog;
  readonly runners: RunnerRegistry;
  readonly media: MediaOptions;
  /** The user/app pairs served; the first one is the default on short paths. */
  readonly owners: readonly [Owner, ...Owner[]];
  readonly now?: () => Date;
  /** Frame sampling and per-frame execution; defaults in video/options.ts. */
  readonly video?: Partial<VideoOptions>;
  /** When not empty, every /v2 request needs `Authorization: Key <one of these>` (access.ts). */
  readonly apiKeys?: readonly string[];
  /** Bounds predictions running and waiting (load-gate.ts); none = unbounded. */
  readonly gate?: LoadGate;
  /** A prediction's deadline in ms; none = no deadline. */
  readonly requestTimeoutMs?: number;
  /** One runner call's time limit in ms (its outputs fail with 40032); none = no limit. */
  readonly nodeTimeoutMs?: number;
}

export type AppEnv = { Variables: { reqId: string } };
