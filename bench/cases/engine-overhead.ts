/**
 * Engine overhead: end-to-end predict time (HTTP in, JSON out) divided by the runners' own time,
 * warm, median of several runs, for three workflows whose oldest version is a chain (each node
 * waits for the one before), so the runners' times add up to the critical path and the ratio is
 * the cost of everything that is not a model: ocr-translate (tesseract → apertium, a rendered
 * sign), Face-Sentiment (detect → crop → classify, a one-face portrait) and General-Detection
 * (one detector, a photo of a man at a table).
 */
import { renderSign } from '../../e2e/support/media';
import { manAtTable, manPortrait } from '../../engine/vision/testing/fixtures';
import { firstVersion, median, predict, versionResultsUrl, type BenchRow } from '../support';

const RUNS = 9;

const CASES = [
  {
    workflow: 'ocr-translate',
    what: 'two-line sign',
    image: () => renderSign(['THE HOUSE IS RED', 'THE CAT IS BLACK']),
  },
  { workflow: 'Face-Sentiment', what: 'one-face portrait', image: manPortrait },
  { workflow: 'General-Detection', what: 'man at a table', image: manAtTable },
] as const;

export async function engineOverhead(engineUrl: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const { workflow, what, image } of CASES) {
    const bytes = await image();
    const body = { inputs: [{ data: { image: { base64: bytes.toString('base64') } } }] };
    const url = versionResultsUrl(engineUrl, workflow, await firstVersion(engineUrl, workflow));
    await predict(url, body); // warm: loads the models
    await predict(url, body);
    const ratios: number[] = [];
    const walls: number[] = [];
    const runners: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { wallMs, runnerMs } = await predict(url, body);
      const runnersTotal = runnerMs.reduce((a, b) => a + b, 0);
      ratios.push(wallMs / runnersTotal);
      walls.push(wallMs);
      runners.push(runnersTotal);
    }
    rows.push({
      name: `${workflow} v1: end-to-end ÷ runners (warm)`,
      measured: Number(median(ratios).toFixed(3)),
      unit: 'ratio',
      budget: { max: 1.1 },
      detail: `median of ${RUNS}, ${what}; predict ${median(walls).toFixed(0)} ms, runners ${median(runners).toFixed(0)} ms`,
    });
  }
  return rows;
}
