/**
 * Engine overhead: end-to-end predict time (HTTP in, JSON out) divided by the runners' own time,
 * warm, median of several runs. For a sequential workflow the runners' times add up to the
 * critical path, so the ratio is the cost of everything that is not a model.
 */
import { renderSign } from '../../e2e/support/media';
import { median, predict, type BenchRow } from '../support';

const RUNS = 9;

export async function engineOverhead(engineUrl: string): Promise<BenchRow[]> {
  const image = await renderSign(['THE HOUSE IS RED', 'THE CAT IS BLACK']);
  const body = { inputs: [{ data: { image: { base64: image.toString('base64') } } }] };
  const versions = await fetch(`${engineUrl}/v2/users/local/apps/main/workflows/ocr-translate/versions`).then(
    (r) => r.json() as Promise<{ workflow_versions: { id: string }[] }>,
  );
  // The oldest version is the sequential one (OCR → one translation).
  const sequential = versions.workflow_versions.at(-1)?.id;
  const url = `${engineUrl}/v2/users/local/apps/main/workflows/ocr-translate/versions/${sequential}/results`;

  await predict(url, body); // warm: loads tesseract and the apertium mode
  const ratios: number[] = [];
  const walls: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { wallMs, runnerMs } = await predict(url, body);
    const runnersTotal = runnerMs.reduce((a, b) => a + b, 0);
    ratios.push(wallMs / runnersTotal);
    walls.push(wallMs);
  }
  return [
    {
      name: 'ocr-translate: end-to-end ÷ runners (warm)',
      measured: Number(median(ratios).toFixed(3)),
      unit: 'ratio',
      budget: { max: 1.1 },
      detail: `median of ${RUNS}; median predict ${median(walls).toFixed(0)} ms`,
    },
  ];
}
