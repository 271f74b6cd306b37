/**
 * Answers a batch one item at a time, for runners whose model takes a whole core (a spawned program,
 * a single-threaded library): each item is timed on its own, and a throw fails only that item
 * (an `ItemFailure` keeps its status code; anything else is 21313).
 */
import type { Data } from '../../contract/clarifai';
import type { RunnerItem, RunnerItemResult } from './types';
import { itemError } from './vision/sources';

export async function answerEachInTurn(
  items: readonly RunnerItem[],
  model: string,
  work: (item: RunnerItem) => Promise<Data>,
): Promise<RunnerItemResult[]> {
  const results: RunnerItemResult[] = [];
  for (const item of items) {
    const started = performance.now();
    try {
      results.push({ data: await work(item), timeMs: performance.now() - started });
    } catch (error) {
      results.push({ error: itemError(error, model), timeMs: performance.now() - started });
    }
  }
  return results;
}
