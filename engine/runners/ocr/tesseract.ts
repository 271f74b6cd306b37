/**
 * OCR with tesseract.js (wasm, in-process worker thread). One worker serves every request: it
 * recognises one image at a time, so calls are queued here rather than inside tesseract.js, which
 * keeps each item's measured time its own.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import type { OutputInfo } from 'sharp';
import { createWorker, type Worker } from 'tesseract.js';
import { z } from 'zod';
import { StatusCode } from '../../../contract/clarifai';
import { newId } from '../../ids';
import { decodeBase64 } from '../../media/base64';
import { MEDIA_LIMITS } from '../../media/limits';
import { errorMessage, RunnerFailure } from '../failure';
import { loadOnce } from '../load-once';
import type { Runner, RunnerItem, RunnerItemResult } from '../types';
import { pageToData } from './regions';

const Params = z.looseObject({ granularity: z.enum(['line', 'word']).default('line') });

export interface TesseractOptions {
  /** Folder holding `eng.traineddata.gz`; defaults to the `@tesseract.js-data/eng` package. */
  readonly langPath?: string;
}

export function createTesseractRunner(options: TesseractOptions = {}): Runner {
  let worker: Worker | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const loader = loadOnce(async () => {
    try {
      worker = await createWorker('eng', 1 /* OEM.LSTM_ONLY */, {
        langPath: options.langPath ?? defaultLangPath(),
        gzip: true,
        // The default caches the language file into the current directory.
        cacheMethod: 'none',
        // Without a handler tesseract.js rethrows job errors inside its message listener, which
        // kills the process; the rejected promise already reaches the caller.
        errorHandler: () => undefined,
      });
    } catch (error) {
      throw new RunnerFailure(
        StatusCode.MODEL_NOT_DEPLOYED,
        `tesseract could not start: ${errorMessage(error)}`,
        { cause: error },
      );
    }
  });

  /** Runs `task` after every earlier recognition, without letting a failure block the queue. */
  function serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function recognise(
    item: RunnerItem,
    granularity: 'line' | 'word',
    signal: AbortSignal,
  ): Promise<RunnerItemResult> {
    const source = imageBytes(item);
    if (!source) {
      return { error: { code: StatusCode.INPUT_INVALID_ARGUMENT, details: 'OCR needs an image input' } };
    }
    return serialised(async () => {
      if (signal.aborted)
        return { error: { code: StatusCode.REQUEST_TIMEOUT, details: 'request was cancelled' } };
      const started = performance.now();
      let png: { data: Buffer; info: OutputInfo };
      try {
        // Auto-orient so boxes match the image as a browser shows it, and re-encode so tesseract
        // only ever sees a format it reads; a truncated file fails here with a clear status.
        png = await sharp(source).rotate().png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });
      } catch (error) {
        return {
          error: {
            code: StatusCode.INPUT_DECODE_FAILED,
            details: `image could not be decoded: ${errorMessage(error)}`,
          },
          timeMs: performance.now() - started,
        };
      }
      if (!worker) throw new Error('tesseract worker is not loaded');
      const { data: page } = await worker.recognize(png.data, {}, { blocks: true, text: false });
      const data = pageToData(page, png.info, granularity, newId);
      return { data, timeMs: performance.now() - started };
    });
  }

  return {
    load: loader.load,
    async predict(items, rawParams, ctx) {
      const params = Params.safeParse(rawParams);
      if (!params.success) {
        throw new RunnerFailure(
          StatusCode.MODEL_PREDICTION_FAILED,
          `invalid params: granularity must be "line" or "word"`,
        );
      }
      await loader.load();
      const results: RunnerItemResult[] = [];
      for (const item of items) {
        try {
          results.push(await recognise(item, params.data.granularity, ctx.signal));
        } catch (error) {
          results.push({
            error: {
              code: StatusCode.MODEL_PREDICTION_FAILED,
              details: `tesseract failed: ${errorMessage(error)}`,
            },
          });
        }
      }
      return results;
    },
    async close() {
      const current = worker;
      worker = undefined;
      loader.reset();
      await current?.terminate();
    },
  };
}

/** A parent that produced an image (an upscaler, a crop) is read in preference to the input. */
function imageBytes(item: RunnerItem): Buffer | undefined {
  const fromParent = item.parents.find((parent) => parent.image?.base64)?.image?.base64;
  if (fromParent) return decodeBase64(fromParent, MEDIA_LIMITS.imageBytes, 'parent image');
  return item.input.image?.bytes;
}

function defaultLangPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0');
}
