/**
 * The shape shared by the in-process text models: parse the node's params once, find each item's
 * text (source.ts), run the model on it, time it. An item without text answers 30104 on its own; a
 * model error fails only its item.
 */
import type { z } from 'zod';
import type { Data } from '../../../contract/clarifai';
import { StatusCode } from '../../../contract/clarifai';
import { loadOnce } from '../load-once';
import type { Runner, RunnerItemResult } from '../types';
import { parseParams } from '../vision/params';
import { itemError } from '../vision/sources';
import { missingText, sourceText } from './source';

export interface TextModelSpec<S extends z.ZodType> {
  /** The catalog id, named in messages. */
  readonly model: string;
  readonly params: S;
  /** Loads what `run` needs; memoised, retried after a failure. */
  readonly load?: () => Promise<void>;
  readonly close?: () => Promise<void> | void;
  readonly run: (text: string, params: z.infer<S>, signal: AbortSignal) => Data | Promise<Data>;
}

export function createTextRunner<S extends z.ZodType>(spec: TextModelSpec<S>): Runner {
  const loader = loadOnce(spec.load ?? (async () => undefined));
  return {
    load: loader.load,
    async predict(items, rawParams, ctx) {
      await loader.load();
      const params = parseParams(spec.params, rawParams, spec.model);
      const results: RunnerItemResult[] = [];
      for (const item of items) {
        const text = sourceText(item);
        if (text === undefined) {
          results.push({
            error: { code: StatusCode.INPUT_INVALID_ARGUMENT, details: missingText(spec.model, item) },
          });
          continue;
        }
        if (ctx.signal.aborted) {
          results.push({ error: { code: StatusCode.REQUEST_TIMEOUT, details: 'request was cancelled' } });
          continue;
        }
        const started = performance.now();
        try {
          const data = await spec.run(text, params, ctx.signal);
          results.push({ data, timeMs: performance.now() - started });
        } catch (error) {
          results.push({ error: itemError(error, spec.model), timeMs: performance.now() - started });
        }
      }
      return results;
    },
    async close() {
      loader.reset();
      await spec.close?.();
    },
  };
}
