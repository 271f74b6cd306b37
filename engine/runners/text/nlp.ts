/**
 * One wink-nlp instance with the English lite model, shared by the text models (tokens, stop
 * words, sentences, parts of speech). Imported on first use, not at engine start: the model alone
 * is ~60 ms and ~20 MB to load.
 */
import type { WinkMethods } from 'wink-nlp';

let pending: Promise<WinkMethods> | undefined;

export function loadEnglishNlp(): Promise<WinkMethods> {
  pending ??= Promise.all([import('wink-nlp'), import('wink-eng-lite-web-model')]).then(
    ([wink, model]) => wink.default(model.default),
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  );
  return pending;
}
