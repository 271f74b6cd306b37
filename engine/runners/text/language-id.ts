/**
 * Language identification with fastText's lid.176 (176 languages, in-process wasm; shipped inside
 * fasttext.wasm.js, loads in ≈ 70 ms). Concepts are fastText's own codes (`en`, `es`, `als`...),
 * named with the package's reference names ("English", "Spanish", "Swiss German").
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import type { Concept } from '../../../contract/clarifai';
import { StatusCode } from '../../../contract/clarifai';
import { errorMessage, RunnerFailure } from '../failure';
import type { Runner } from '../types';
import { ClassifierParams } from '../vision/params';
import { limitConcepts } from '../vision/shape';
import { createTextRunner } from './runner';

export const LanguageIdParams = ClassifierParams.extend({
  /** fastText's top-k; languages past the fifth are rarely more than noise. */
  max_concepts: z.number().int().min(0).max(176).default(5),
});

const Languages = z.record(z.string(), z.looseObject({ refName: z.string() }));

interface Predictor {
  predict(text: string, k: number): [number, string][];
}

export function createLanguageIdRunner(model: string): Runner {
  let predictor: Predictor | undefined;
  let names: ReadonlyMap<string, string> = new Map();
  return createTextRunner({
    model,
    params: LanguageIdParams,
    async load() {
      try {
        // Imported here, not at engine start: the wasm module is only needed once a text is classified.
        const { getLIDModel } = await import('fasttext.wasm.js');
        const lid = await getLIDModel();
        const fastText = await lid.load();
        predictor = {
          predict(text, k) {
            const found = fastText.predict(text, k, 0);
            try {
              return Array.from({ length: found.size() }, (_, i) => found.get(i));
            } finally {
              found.delete();
            }
          },
        };
        names = languageNames();
      } catch (error) {
        throw new RunnerFailure(
          StatusCode.MODEL_NOT_DEPLOYED,
          `fastText language identification could not load: ${errorMessage(error)} (is fasttext.wasm.js installed? run \`npm ci\`)`,
          { cause: error },
        );
      }
    },
    run(text, params) {
      if (!predictor) throw new Error('fastText is not loaded');
      return {
        concepts: limitConcepts(languageConcepts(predictor, text, params.max_concepts, names), params),
      };
    },
  });
}

/** fastText reads one line; blank text has no language. */
export function languageConcepts(
  predictor: Predictor,
  text: string,
  maxConcepts: number,
  names: ReadonlyMap<string, string>,
): Concept[] {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line === '') return [];
  return predictor.predict(line, maxConcepts > 0 ? maxConcepts : -1).map(([value, label]) => {
    const id = label.replace(/^__label__/, '');
    return { id, name: names.get(id) ?? id, value: Math.min(1, Number(value.toPrecision(6))) };
  });
}

/** The package's map from fastText codes to reference names (a JSON file beside the model). */
function languageNames(): Map<string, string> {
  const main = createRequire(import.meta.url).resolve('fasttext.wasm.js');
  const file = path.join(path.dirname(main), '../models/language-identification/assets/languages.json');
  const parsed = Languages.parse(JSON.parse(readFileSync(file, 'utf8')));
  return new Map(Object.entries(parsed).map(([code, entry]) => [code, entry.refName]));
}
