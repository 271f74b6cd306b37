/**
 * The shape shared by the in-process text models: parse the node's params once, find each item's
 * text (source.ts), run the model on it, time it. An item without text answers 30104 on its own; a
 * model error fails only its item.
 */
import type { z } from 'zod';
import type { Data } from '../../../contract/clarifai';
import { StatusCode } from '../../../contract/clarifai';
import { loadOnce } from '../load-once';
import { answerEachInTurn } from '../each-item';
import type { Runner } from '../types';
import { parseParams } from '../vision/params';
import { ItemFailure } from '../vision/sources';
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
      return answerEachInTurn(items, spec.model, async (item) => {
        const text = sourceText(item);
        if (text === undefined) {
          throw new ItemFailure(StatusCode.INPUT_INVALID_ARGUMENT, missingText(spec.model, item));
        }
        if (ctx.signal.aborted) throw new ItemFailure(StatusCode.REQUEST_TIMEOUT, 'request was cancelled');
        return spec.run(text, params, ctx.signal);
      });
    },
    async close() {
      loader.reset();
      await spec.close?.();
    },
  };
}
