/**
 * Runs in a worker thread: reads the word-vector file with WordVectorParser and hands the result
 * to the main thread, the vectors' memory transferred rather than copied. The thread then ends,
 * and everything it allocated while reading goes with it.
 */
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { WordVectorParser } from './parse';

const Job = z.object({ file: z.string() });

async function main(): Promise<void> {
  const { file } = Job.parse(workerData);
  const parser = new WordVectorParser();
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    if (!(chunk instanceof Uint8Array)) throw new Error('word vectors: the file read as text');
    parser.push(chunk);
  }
  const { dimensions, words, vectors } = parser.finish();
  // A Float32Array made with `new` owns a plain ArrayBuffer, which can be transferred.
  const buffer = vectors.buffer instanceof ArrayBuffer ? [vectors.buffer] : [];
  parentPort?.postMessage({ ok: true, dimensions, words, vectors }, buffer);
}

main().catch((error: unknown) => {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
});
