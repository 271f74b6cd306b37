/**
 * Rule-based translation with the Debian `apertium` tool. The mode's pipeline is kept running in
 * null-flush mode (pipeline.ts), so a text costs its translation, not the start of a dozen
 * programs. Where that pipeline cannot run (no `.mode` file, no `apertium-wblank-mode`) or fails,
 * apertium is spawned per batch; it opens `/dev/stdin`, which fails on Node's pipes, so text then
 * goes through temporary files.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Data } from '../../../contract/clarifai';
import { StatusCode } from '../../../contract/clarifai';
import { errorMessage, RunnerFailure } from '../failure';
import { loadOnce } from '../load-once';
import type { Runner, RunnerItem, RunnerItemResult } from '../types';
import { joinTexts, splitTexts } from './batch';
import { createWarmPipeline, type WarmPipeline } from './pipeline';

const run = promisify(execFile);

export interface ApertiumOptions {
  /** An apertium mode, e.g. `eng-spa`. */
  readonly mode: string;
  /** The Debian package holding the mode, named in the "not installed" message. */
  readonly debianPackage: string;
  readonly binary?: string;
  readonly timeoutMs?: number;
  /** Where apertium keeps its `.mode` files; the default is Debian's. */
  readonly modesDir?: string;
}

export function createApertiumRunner(options: ApertiumOptions): Runner {
  const binary = options.binary ?? 'apertium';
  const timeout = options.timeoutMs ?? 60_000;
  const install = `apt-get install apertium ${options.debianPackage}`;
  let warm: WarmPipeline | undefined;

  const loader = loadOnce(async () => {
    let listed: string;
    try {
      listed = (await run(binary, ['-l'], { timeout })).stdout;
    } catch (error) {
      if (isNotFound(error)) {
        throw new RunnerFailure(
          StatusCode.MODEL_NOT_DEPLOYED,
          `apertium is not installed: run \`${install}\``,
        );
      }
      throw new RunnerFailure(
        StatusCode.MODEL_NOT_DEPLOYED,
        `apertium does not start: ${errorMessage(error)}`,
        { cause: error },
      );
    }
    const modes = new Set(listed.split('\n').map((line) => line.trim()));
    if (!modes.has(options.mode)) {
      throw new RunnerFailure(
        StatusCode.MODEL_NOT_DEPLOYED,
        `apertium has no ${options.mode} mode: run \`${install}\``,
      );
    }
    // The warm pipeline only for the real apertium (a stand-in binary keeps the spawned path).
    const modeFile = path.join(options.modesDir ?? '/usr/share/apertium/modes', `${options.mode}.mode`);
    const modeText =
      options.binary === undefined ? await readFile(modeFile, 'utf8').catch(() => undefined) : undefined;
    if (modeText) {
      warm = createWarmPipeline(modeText, timeout);
      // Started and its dictionaries loaded now, not on the first request.
      await warm.translate('hello', new AbortController().signal).catch(() => undefined);
    }
  });

  async function translate(texts: readonly string[], signal: AbortSignal): Promise<string[]> {
    if (warm) {
      try {
        const translated: string[] = [];
        for (const text of texts) translated.push(await warm.translate(text, signal));
        return translated;
      } catch (error) {
        if (signal.aborted) throw error;
        // The pipeline failed (it restarts on the next text): this batch goes the spawned way.
      }
    }
    return translateSpawned(texts, signal);
  }

  async function translateSpawned(texts: readonly string[], signal: AbortSignal): Promise<string[]> {
    const dir = await mkdtemp(path.join(tmpdir(), 'lens-apertium-'));
    try {
      const inFile = path.join(dir, 'in.html');
      const outFile = path.join(dir, 'out.html');
      const once = async (document: string): Promise<string> => {
        await writeFile(inFile, document, 'utf8');
        // -u drops the `*` apertium puts before words it does not know.
        await run(binary, ['-u', '-f', 'html-noent', options.mode, inFile, outFile], { timeout, signal });
        return readFile(outFile, 'utf8');
      };
      const batched = splitTexts(await once(joinTexts(texts)), texts.length);
      if (batched) return batched;
      // A separator got lost or duplicated: fall back to one process per text.
      const single: string[] = [];
      for (const text of texts) single.push(splitTexts(await once(joinTexts([text])), 1)?.[0] ?? '');
      return single;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  return {
    load: loader.load,
    async predict(items, _params, ctx) {
      await loader.load();
      const texts = items.map(sourceText);
      const todo = texts.flatMap((text, index) => (text ? [{ text, index }] : []));
      const results: RunnerItemResult[] = texts.map((text) =>
        text === undefined
          ? {
              error: {
                code: StatusCode.INPUT_INVALID_ARGUMENT,
                details: 'translation needs text: a text input or a node that outputs text',
              },
            }
          : { data: { text: { raw: '' } }, timeMs: 0 },
      );
      if (todo.length === 0) return results;

      const started = performance.now();
      let translated: string[];
      try {
        translated = await translate(
          todo.map((entry) => entry.text),
          ctx.signal,
        );
      } catch (error) {
        throw new RunnerFailure(
          StatusCode.MODEL_PREDICTION_FAILED,
          `apertium ${options.mode} failed: ${errorMessage(error)}`,
          { cause: error },
        );
      }
      const timeMs = (performance.now() - started) / todo.length;
      todo.forEach((entry, position) => {
        results[entry.index] = { data: { text: { raw: translated[position] ?? '' } }, timeMs };
      });
      return results;
    },
    async close() {
      warm?.close();
      warm = undefined;
      loader.reset();
    },
  };
}

/** The first parent's text, else the text of its regions (OCR lines), else the workflow input's. */
function sourceText(item: RunnerItem): string | undefined {
  if (item.parents.length === 0) return item.input.text;
  for (const parent of item.parents) {
    const text = textOf(parent);
    if (text !== undefined) return text;
  }
  return undefined;
}

function textOf(data: Data): string | undefined {
  if (data.text?.raw !== undefined) return data.text.raw;
  const lines = (data.regions ?? []).flatMap((region) =>
    region.data?.text?.raw ? [region.data.text.raw] : [],
  );
  return data.regions ? lines.join('\n') : undefined;
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
