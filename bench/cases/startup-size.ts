/**
 * Cold start: from spawning the engine to its first answer on /healthz (models load lazily, so
 * this is what a person waits for after `npm run engine`). Initial JavaScript: the gzip size of the
 * scripts the built index.html loads before anything is clicked (its entry and modulepreloads).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { appDist } from '../app-support';
import { startEngine, type BenchRow } from '../support';

export async function coldStart(port: number): Promise<BenchRow[]> {
  const started = performance.now();
  const engine = await startEngine(port);
  try {
    const health = await fetch(`${engine.url}/healthz`);
    if (!health.ok) throw new Error(`healthz answered ${health.status}`);
    const readyMs = performance.now() - started;
    return [
      {
        name: 'engine cold start to first answer',
        measured: Number((readyMs / 1000).toFixed(2)),
        unit: 's',
        budget: { max: 5 },
        detail: 'spawn → /healthz answered; models load on first use',
      },
    ];
  } finally {
    await engine.stop();
  }
}

export function initialJavaScript(): BenchRow[] {
  const dist = appDist;
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const scripts = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((match) => match[1] ?? '');
  const files = [...new Set(scripts)].filter(Boolean);
  const gzipBytes = files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(path.join(dist, file))).length,
    0,
  );
  return [
    {
      name: 'initial JavaScript (gzip)',
      measured: Number((gzipBytes / 1024).toFixed(1)),
      unit: 'KB',
      budget: { max: 150 },
      detail: `${files.length} file(s) loaded by index.html`,
    },
  ];
}
