/**
 * The first prediction of each model on a cold engine: models load on first use, so the first
 * request to reach a model pays its load (the outputs' own `status.time_ms` count the prediction
 * only). One request per workflow family, in an order where each brings its own models (together
 * they reach every offline model), timed end to end, then the same requests again warm. Reported,
 * not budgeted: it is what a person waits for once, per model.
 */
import { renderTextPng } from '../../engine/test/fixtures';
import { manPortrait } from '../../engine/vision/testing/fixtures';
import { spokenWav } from '../../e2e/support/speech';
import { startEngine, type BenchRow } from '../support';

interface Probe {
  workflow: string;
  data: Record<string, unknown>;
}

interface OutputTime {
  model: string;
  ms: number;
}

async function predict(url: string, probe: Probe): Promise<{ wallMs: number; outputs: OutputTime[] }> {
  const started = performance.now();
  const response = await fetch(`${url}/v2/users/local/apps/main/workflows/${probe.workflow}/results`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ inputs: [{ data: probe.data }] }),
  });
  const body = (await response.json()) as {
    results?: { outputs?: { model?: { id?: string }; status?: { code?: number; time_ms?: number } }[] }[];
  };
  const outputs = (body.results?.[0]?.outputs ?? []).flatMap((output) =>
    output.model?.id && output.status?.time_ms !== undefined && output.status.code === 10000
      ? [{ model: output.model.id, ms: output.status.time_ms }]
      : [],
  );
  return { wallMs: performance.now() - started, outputs };
}

export async function firstPredictions(port: number): Promise<BenchRow[]> {
  const sign = (await renderTextPng(['OPEN DAILY'])).toString('base64');
  const face = (await manPortrait()).toString('base64');
  const speech = await spokenWav('the weather is lovely today');
  const text = {
    text: { raw: 'I love how fast this runs. The results were terrible yesterday. Tomorrow looks better.' },
  };
  const probes: Probe[] = [
    { workflow: 'ocr-translate', data: { image: { base64: sign } } },
    { workflow: 'Face-Sentiment', data: { image: { base64: face } } },
    { workflow: 'Demographics', data: { image: { base64: face } } },
    { workflow: 'General-Detection', data: { image: { base64: face } } },
    { workflow: 'Person-Segmentation', data: { image: { base64: face } } },
    { workflow: 'Upscale', data: { image: { base64: sign } } },
    { workflow: 'Moderation', data: { image: { base64: face } } },
    { workflow: 'Face-Search', data: { image: { base64: face } } },
    { workflow: 'text-classifier', data: text },
    { workflow: 'Language-Understanding', data: text },
    { workflow: 'summarization', data: text },
    { workflow: 'text-to-audio', data: { text: { raw: 'Hello from Workflow Lens.' } } },
    { workflow: 'asr-sentiment', data: { audio: { base64: speech.bytes.toString('base64') } } },
  ];
  const engine = await startEngine(port);
  try {
    const seen = new Set<string>();
    const cold: { workflow: string; wallMs: number; models: string[] }[] = [];
    for (const probe of probes) {
      const { wallMs, outputs } = await predict(engine.url, probe);
      const models = [...new Set(outputs.map((output) => output.model))].filter((model) => !seen.has(model));
      for (const model of models) seen.add(model);
      cold.push({ workflow: probe.workflow, wallMs, models });
    }
    const warm = new Map<string, number>();
    for (const probe of probes) warm.set(probe.workflow, (await predict(engine.url, probe)).wallMs);
    const slowest = Math.max(...cold.map((entry) => entry.wallMs));
    return [
      {
        name: 'first prediction of each model (cold engine)',
        measured: Number((slowest / 1000).toFixed(2)),
        unit: 's slowest first request',
        detail: `${seen.size} models; first request (warm) in ms, with the models it loaded: ${cold
          .map(
            (entry) =>
              `${entry.workflow} ${Math.round(entry.wallMs)} (${Math.round(warm.get(entry.workflow) ?? NaN)}) [${entry.models.join(', ')}]`,
          )
          .join('; ')}`,
      },
    ];
  } finally {
    await engine.stop();
    await speech.dispose();
  }
}
