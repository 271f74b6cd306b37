/**
 * The Runner every vision model is built from: parse the node's params once, then answer every
 * item of the batch at the same time (the shared pool spreads them over its workers), each with
 * its own result or its own error status. Models differ only in `run`, one item at a time.
 */
import { setMaxListeners } from 'node:events';
import type { z } from 'zod';
import type { Data } from '../../../contract/clarifai';
import { cropRegions } from '../../vision/models/crop';
import type { CallOptions, Vision } from '../../vision';
import { loadOnce } from '../load-once';
import type { Runner, RunnerItem, RunnerItemResult } from '../types';
import type { VisionHost } from './host';
import { parseParams } from './params';
import { itemError, mirrorRegion, targetsOf, type Targets } from './sources';

export interface Answer {
  readonly data: Data;
  /** Model time for this item: the workers' own compute time, not time queued. */
  readonly timeMs: number;
}

export interface ItemContext<P> {
  readonly item: RunnerItem;
  readonly params: P;
  readonly signal: AbortSignal;
  /** Runs one task on the shared pool (only for runners given a host). */
  readonly call: <T>(task: (vision: Vision, options: CallOptions) => Promise<T>) => Promise<T>;
}

export interface VisionModelSpec<S extends z.ZodType> {
  /** The model id, named in error messages. */
  readonly model: string;
  readonly params: S;
  /** The shared pool; omitted for runners that need no worker (crop, clusterer). */
  readonly host?: VisionHost;
  /** Answers one item; throws an `ItemFailure`, `VisionError` or `MediaError` for its own status. */
  run(ctx: ItemContext<z.infer<S>>): Promise<Answer>;
}

export function createVisionRunner<S extends z.ZodType>(spec: VisionModelSpec<S>): Runner {
  const { host } = spec;
  let holding = false;
  const loader = loadOnce(async () => {
    // Models load inside the workers on first use; here the runner only joins the shared pool.
    if (host && !holding) {
      host.acquire();
      holding = true;
    }
  });

  return {
    load: loader.load,
    async predict(items, rawParams, ctx) {
      const params = parseParams(spec.params, rawParams, spec.model);
      await loader.load();
      // Every task listens for the abort, and a batch of faces makes dozens of tasks: they listen
      // on a signal of this call's own (no listener limit), which listens once on the request's.
      const batch = new AbortController();
      setMaxListeners(0, batch.signal);
      const forward = () => batch.abort(ctx.signal.reason);
      if (ctx.signal.aborted) forward();
      else ctx.signal.addEventListener('abort', forward, { once: true });
      const signal = batch.signal;
      const call = <T>(task: (vision: Vision, options: CallOptions) => Promise<T>): Promise<T> => {
        if (!host) throw new Error(`${spec.model} has no vision pool`);
        return host.schedule((vision) => task(vision, { signal }), signal);
      };
      try {
        return await Promise.all(
          items.map(async (item): Promise<RunnerItemResult> => {
            try {
              return await spec.run({ item, params, signal, call });
            } catch (error) {
              return { error: itemError(error, spec.model) };
            }
          }),
        );
      } finally {
        ctx.signal.removeEventListener('abort', forward);
      }
    },
    async close() {
      loader.reset();
      if (host && holding) {
        holding = false;
        await host.release();
      }
    },
  };
}

/**
 * Runs a per-region model where Clarifai's would (see `targetsOf`): on the whole image (answer at
 * the top level) or inside each region of the parent, repeating its id and box. Regions that
 * carry no image of their own are cut from the image by their box first.
 */
export async function answerTargets(
  item: RunnerItem,
  model: string,
  answer: (image: Buffer) => Promise<Answer>,
): Promise<Answer> {
  const targets: Targets = targetsOf(item, model);
  if (targets.kind === 'image') return answer(targets.image);

  let timeMs = 0;
  const boxed = targets.regions.flatMap((target) => (target.image || !target.box ? [] : [target.box]));
  let cut: Buffer[] = [];
  if (boxed.length > 0 && targets.base) {
    const cropped = await cropRegions(targets.base, boxed, { margin: 1 });
    cut = cropped.crops.map((crop) => crop.image);
    timeMs += cropped.timeMs;
  }
  let nextCut = 0;
  const images = targets.regions.map((target) => target.image ?? cut[nextCut++]);
  const answers = await Promise.all(
    images.map((image, index) => {
      if (!image) throw new Error(`region ${index + 1} has no image`);
      return answer(image);
    }),
  );
  const regions = targets.regions.map((target, index) =>
    mirrorRegion(target.region, answers[index]?.data ?? {}),
  );
  timeMs += answers.reduce((sum, a) => sum + a.timeMs, 0);
  return { data: { regions }, timeMs };
}
