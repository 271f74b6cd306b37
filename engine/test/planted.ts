/**
 * An engine over planted workflows and models (no tesseract, no disk outside a temp folder), for
 * the access, load, fault and bad-input tests.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtinModels, ModelCatalog, type CatalogModel } from '../models/catalog';
import type { Runner } from '../runners/types';
import type { EngineOptions } from '../create-engine';
import { startTestEngine, type TestEngine } from './fixtures';

/**
 * `{workflow id: [model id per node, each reading the one before]}`, version `v1`; a model id
 * ending in `@input` reads the workflow input instead (a branch beside the others).
 */
export type PlantedWorkflows = Readonly<Record<string, readonly string[]>>;

export async function startPlantedEngine(
  workflows: PlantedWorkflows,
  models: readonly CatalogModel[],
  options: Partial<EngineOptions> = {},
): Promise<TestEngine> {
  const root = await mkdtemp(path.join(tmpdir(), 'lens-planted-'));
  const dir = path.join(root, 'workflows');
  for (const [id, chain] of Object.entries(workflows)) {
    await mkdir(path.join(dir, id), { recursive: true });
    const nodes = chain.map((entry, i) => {
      const model = entry.replace(/@input$/, '');
      const inputs = i === 0 || entry.endsWith('@input') ? '' : `, node_inputs: [{node_id: n${i - 1}}]`;
      return `    - {id: n${i}, model: {model_id: ${model}}${inputs}}`;
    });
    await writeFile(
      path.join(dir, id, 'v1.yaml'),
      [
        'workflow:',
        `  id: ${id}`,
        '  version: {id: v1, created_at: "2025-01-01T00:00:00Z"}',
        '  nodes:',
        ...nodes,
      ].join('\n'),
    );
  }
  const catalog = new ModelCatalog([...builtinModels({ generative: null }), ...models]);
  const engine = await startTestEngine({ ...options, dir, catalog });
  return {
    ...engine,
    async close() {
      await engine.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Echoes its text after `delayMs`, stopping early (and recording it) if its signal aborts. */
export function sleepyRunner(
  delayMs: number,
  record: { aborted: number; started: number } = { aborted: 0, started: 0 },
): Runner {
  return {
    load: async () => undefined,
    async predict(items, _params, ctx) {
      record.started++;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delayMs);
        ctx.signal.addEventListener(
          'abort',
          () => {
            record.aborted++;
            clearTimeout(timer);
            resolve();
          },
          { once: true },
        );
      });
      return items.map((item) => ({ data: { text: { raw: item.input.text ?? '' } }, timeMs: 1 }));
    },
    close: async () => undefined,
  };
}

/** Never answers and ignores its signal: only the request deadline gets the client an answer. */
export function hangingRunner(): Runner {
  return {
    load: async () => undefined,
    predict: () => new Promise(() => undefined),
    close: async () => undefined,
  };
}

export function textInput(raw: string, id?: string) {
  return { ...(id ? { id } : {}), data: { text: { raw } } };
}
