/**
 * The production build in Debian's Chromium for the app's figures: `vite preview` on a port of its
 * own in front of the real engine, and a headless browser launched with the same flags every app
 * case uses. Work per update is Chromium's own main-thread `TaskDuration` read over CDP.
 */
import path from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { startProcess } from '../e2e/support/servers';
import { root } from './support';

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
