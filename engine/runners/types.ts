/**
 * The one shape every model kind implements. The executor knows the graph, never the model: it
 * hands a runner a batch of items (one per workflow input that reached this node) and gets one
 * answer per item back, so a bad input fails only its own output.
 */
import type { Data, OutputConfig } from '../../contract/clarifai';
import type { PreparedInput } from '../media/types';

export interface RunnerItem {
  /** The workflow input, with its media already decoded (image bytes, text). */
  readonly input: PreparedInput;
  /** The data of this node's parents for the same input, in `node_inputs` order. */
  readonly parents: readonly Data[];
}

export interface RunnerError {
  readonly code: number;
  readonly description?: string;
  readonly details?: string;
}

/**
 * `timeMs` is the runner's own compute time for this item (not time spent queued behind other
 * requests); the benchmark sums it to tell engine overhead from model time. A runner that
 * computes a batch at once splits its time across the items.
 */
export type RunnerItemResult =
  | { readonly data: Data; readonly timeMs: number }
  | { readonly error: RunnerError; readonly timeMs?: number };

export interface PredictContext {
  /** Aborted when the client goes away; long runners should stop early. */
  readonly signal: AbortSignal;
  /** The request's `output_config` (e.g. `sample_ms` for video runners). */
  readonly outputConfig: OutputConfig;
}

export interface Runner {
  /**
   * Loads weights or checks external tools. Memoised: concurrent callers share one promise; a
   * failed load is retried by the next caller. Throw a `RunnerFailure` to choose the status code.
   */
  load(): Promise<void>;
  /** One result per item, in item order. Throwing fails every item of the batch. */
  predict(
    items: readonly RunnerItem[],
    params: Readonly<Record<string, unknown>>,
    ctx: PredictContext,
  ): Promise<RunnerItemResult[]>;
  /** Frees workers and processes; the runner may be loaded again afterwards. */
  close(): Promise<void>;
}
