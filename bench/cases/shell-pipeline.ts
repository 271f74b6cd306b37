/**
 * Against the shell pipeline: `ocr-translate` v1 (OCR by line → Spanish) through the engine, warm,
 * against the same work done by the command-line tools on the same image,
 * `tesseract sign.png - | apertium -u eng-spa`, each started afresh as a person at a shell would.
 * Median of several runs each; the ratio is engine ÷ pipeline.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderSign } from '../../e2e/support/media';
import { firstVersion, median, predict, versionResultsUrl, type BenchRow } from '../support';

const RUNS = 7;

export async function shellPipeline(engineUrl: string): Promise<BenchRow[]> {
  const image = await renderSign(['THE HOUSE IS RED', 'THE CAT IS BLACK']);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-pipeline-'));
  try {
    const file = path.join(dir, 'sign.png');
    writeFileSync(file, image);
    const pipeline = () => {
      const started = performance.now();
      const result = spawnSync(
        'bash',
        ['-c', 'set -o pipefail; tesseract "$1" - 2>/dev/null | apertium -u eng-spa', 'bash', file],
        {
          encoding: 'utf8',
        },
      );
      const ms = performance.now() - started;
      if (result.status !== 0 || !/casa/i.test(result.stdout)) {
        throw new Error(`shell pipeline failed (${result.status}): ${result.stdout}${result.stderr}`);
      }
      return ms;
    };

    const url = versionResultsUrl(engineUrl, 'ocr-translate', await firstVersion(engineUrl, 'ocr-translate'));
    const body = { inputs: [{ data: { image: { base64: image.toString('base64') } } }] };
    await predict(url, body); // warm
    pipeline(); // warm the file cache for the tools and their data
    const engine: number[] = [];
    const shell: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      engine.push((await predict(url, body)).wallMs);
      shell.push(pipeline());
    }
    const e = median(engine);
    const s = median(shell);
    return [
      {
        name: 'ocr-translate v1: engine ÷ shell pipeline (warm)',
        measured: Number((e / s).toFixed(3)),
        unit: 'ratio',
        budget: { max: 0.5 },
        detail: `median of ${RUNS} each; engine ${e.toFixed(0)} ms, shell pipeline ${s.toFixed(0)} ms`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
