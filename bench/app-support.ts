/**
 * The production build in Debian's Chromium for the app's figures: `vite preview` on a port of its
 * own in front of the real engine, and a headless browser launched with the same flags every app
 * case uses. Work per update is Chromium's own main-thread `TaskDuration` read over CDP.
 */
import path from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { startProcess } from '../e2e/support/servers';
import { median, root, type BenchRow } from './support';

/**
 * The build the app figures are taken on: the bench's own (run.ts builds it), so a build another
 * person starts in `dist/` meanwhile cannot empty it under the preview. BENCH_APP_DIR measures a
 * build made elsewhere (another commit, an unminified one for profiling).
 */
export const appDist = path.resolve(root, process.env.BENCH_APP_DIR ?? '.tmp/bench-dist');

export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--no-first-run',
];

/** Runs `work` with the built app served on `port` (proxying to the engine) and a browser. */
export async function withApp<T>(
  engineUrl: string,
  port: number,
  work: (app: { url: string; browser: Browser }) => Promise<T>,
): Promise<T> {
  const vite = path.join(root, 'node_modules', '.bin', 'vite');
  const preview = await startProcess(
    vite,
    ['preview', '--port', String(port), '--strictPort', '--outDir', appDist],
    { ENGINE_PORT: new URL(engineUrl).port },
    new RegExp(`127\\.0\\.0\\.1:${port}`),
  );
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    return await work({ url: `http://127.0.0.1:${port}`, browser });
  } finally {
    await browser.close();
    await preview.stop();
  }
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Chromium's cumulative main-thread task time, in milliseconds. */
export async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/** Resolves after the second animation frame: the update has been styled, laid out and painted. */
export const twoFrames = (page: Page) =>
  page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );

/** Main-thread work of one update: from just before `update` to the second frame after it. */
export async function workOf(cdp: CDPSession, page: Page, update: () => Promise<unknown>): Promise<number> {
  const before = await taskMs(cdp);
  await update();
  await twoFrames(page);
  return (await taskMs(cdp)) - before;
}

/** Updates measured per kind: enough for a p95 of 60 samples. */
export const UPDATE_STEPS = 60;

/**
 * The two box updates people make, each `UPDATE_STEPS` times: the pointer walking across the
 * boxes in `rect` (entering box after box), and the Threshold slider stepping up and down.
 */
export async function hoverAndThreshold(
  cdp: CDPSession,
  page: Page,
  rect: { x: number; y: number; width: number; height: number },
): Promise<{ hover: number[]; threshold: number[] }> {
  const hover: number[] = [];
  for (let i = 0; i < UPDATE_STEPS; i++) {
    const x = rect.x + (((i * 37) % 100) / 100) * rect.width;
    const y = rect.y + (((i * 53) % 100) / 100) * rect.height;
    hover.push(await workOf(cdp, page, () => page.mouse.move(x, y)));
  }
  await page.mouse.move(0, 0);
  const slider = page.getByRole('slider', { name: 'Threshold' }).first();
  const threshold: number[] = [];
  for (let i = 0; i < UPDATE_STEPS; i++) {
    const value = ((i * 7) % 20) / 20;
    threshold.push(await workOf(cdp, page, () => slider.fill(String(value))));
  }
  return { hover, threshold };
}

/** A row of main-thread work per update against one frame's budget (p95 ≤ 16.7 ms). */
export function frameBudgetRow(
  name: string,
  samples: readonly number[],
  warm: readonly number[] = [],
): BenchRow {
  const warmText = warm.length
    ? ` after ${warm.length} unmeasured ones (those took ${warm.map((ms) => ms.toFixed(0)).join(', ')} ms)`
    : '';
  return {
    name,
    measured: Number(percentile(samples, 95).toFixed(1)),
    unit: 'ms p95',
    budget: { max: 16.7 },
    detail: `main-thread work per update, ${samples.length} updates${warmText}, median ${median(samples).toFixed(1)} ms`,
  };
}
