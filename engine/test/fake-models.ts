/** Models with scripted runners, for executor and HTTP tests that must not depend on tesseract. */
import type { Data } from '../../contract/clarifai';
import type { CatalogModel } from '../models/catalog';
import type { Runner, RunnerItem, RunnerItemResult } from '../runners/types';

export interface RunnerCall {
  readonly model: string;
  readonly inputIds: string[];
  readonly started: number;
  ended: number;
}

export function fakeModel(id: string, createRunner: () => Runner, versionId = `${id}-v1`): CatalogModel {
  return {
    id,
    name: `Fake ${id}`,
    description: 'test model',
    modelTypeId: 'text-to-text',
    versionId,
    createdAt: '2025-01-01T00:00:00Z',
    defaultParams: {},
    createRunner,
  };
}

/**
 * A runner that appends its id to the text it reads (`a(input)`, `b(a(input))`), waits `delayMs`
 * and records each call, so tests can check data flow, batching and overlap.
 */
export function tracingRunner(
  id: string,
  calls: RunnerCall[],
  options: { delayMs?: number; failInput?: string; timeMs?: number } = {},
): Runner {
  return {
    load: async () => undefined,
    async predict(items: readonly RunnerItem[]): Promise<RunnerItemResult[]> {
      const call: RunnerCall = {
        model: id,
        inputIds: items.map((item) => item.input.id),
        started: performance.now(),
        ended: 0,
      };
      calls.push(call);
      await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 0));
      call.ended = performance.now();
      return items.map((item) => {
        if (item.input.id === options.failInput)
          return { error: { code: 30104, details: `${id} cannot read ${item.input.id}` } };
        const source = item.parents.map(textOf).join('+') || (item.input.text ?? '');
        return { data: { text: { raw: `${id}(${source})` } }, timeMs: options.timeMs ?? 1 };
      });
    },
    close: async () => undefined,
  };
}

export function throwingRunner(message: string): Runner {
  return {
    load: async () => undefined,
    predict: async () => {
      throw new Error(message);
    },
    close: async () => undefined,
  };
}

function textOf(data: Data): string {
  return data.text?.raw ?? '';
}
