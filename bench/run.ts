/**
 * `npm run bench`: runs every benchmark against the real engine, prints one table, writes JSON to
 * bench/results/ and rewrites the figures table in docs/PERFORMANCE.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { appBoxes } from './cases/app-boxes';
import { compareBoxes } from './cases/compare-boxes';
import { firstPredictions } from './cases/first-predictions';
import { pageInteractive } from './cases/app-page';
import { videoTimeline, videoUpload } from './cases/app-video';
import { batchSpeedup } from './cases/batch';
import { engineOverhead } from './cases/engine-overhead';
import { parallelBranches } from './cases/parallel-branches';
import { shellPipeline } from './cases/shell-pipeline';
import { coldStart, initialJavaScript } from './cases/startup-size';
import { videoMemory, videoThroughput } from './cases/video';
import { appDist } from './app-support';
import { passes, root, startEngine, type BenchRow } from './support';

const PORT = Number(process.env.BENCH_ENGINE_PORT ?? 4310);

function table(rows: readonly BenchRow[]): string {
  const lines = [
    '| benchmark | measured | budget | result | detail |',
    '|---|---|---|---|---|',
    ...rows.map((row) => {
      const budget =
        row.budget?.max !== undefined
          ? `≤ ${row.budget.max}`
          : row.budget?.min !== undefined
            ? `≥ ${row.budget.min}`
            : '—';
      const ok = passes(row);
      return `| ${row.name} | ${row.measured} ${row.unit} | ${budget} | ${ok === undefined ? 'report' : ok ? 'pass' : 'miss'} | ${row.detail ?? ''} |`;
    }),
  ];
  return lines.join('\n');
}

async function main() {
  const runStarted = performance.now();
  const rows: BenchRow[] = [];
  // Each case on its own: a failure becomes a missed row with its reason, and the rest still run.
  const measure = async (name: string, work: () => Promise<BenchRow[]>) => {
    const started = performance.now();
    try {
      const measured = await work();
      rows.push(...measured);
      for (const row of measured) console.log(`  ${row.name}: ${row.measured} ${row.unit}`);
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      rows.push({ name, measured: NaN, unit: '', budget: { max: 0 }, detail: `failed: ${reason}` });
      console.log(`  ${name}: failed: ${reason}`);
    }
    console.log(`  (${name} took ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  };
  await measure('cold start', () => coldStart(PORT + 1));
  await measure('first predictions', () => firstPredictions(PORT + 3));
  // Its own engine over a temporary copy of workflows/, so the versions it adds touch nothing here.
  await measure('parallel branches', () => parallelBranches(PORT + 2));
  const engine = await startEngine(PORT);
  try {
    await measure('ocr-translate overhead', () => engineOverhead(engine.url));
    await measure('batch of 32', () => batchSpeedup(engine.url));
    await measure('shell pipeline', () => shellPipeline(engine.url));
    await measure('video throughput', () => videoThroughput(engine.url));
    const pid = engine.pid;
    if (pid !== undefined) await measure('video memory', () => videoMemory(engine.url, pid));
    // The app figures are taken on the production build, as people get it. A build that fails
    // (the tree mid-change) fails the app rows with that reason; the engine rows still stand.
    const build = spawnSync(
      path.join(root, 'node_modules', '.bin', 'vite'),
      ['build', '--logLevel', 'warn', '--outDir', appDist, '--emptyOutDir'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    const app = (name: string, work: () => Promise<BenchRow[]>) =>
      measure(
        name,
        build.status === 0
          ? work
          : () => Promise.reject(new Error('vite build failed (see its output above)')),
      );
    await app('initial JavaScript', async () => initialJavaScript());
    await app('page interactive', () => pageInteractive(engine.url));
    await app('5,000 boxes', () => appBoxes(engine.url));
    await app('compare view, 2,000 boxes per side', () => compareBoxes(engine.url));
    await app('6,000-frame timeline', () => videoTimeline(engine.url));
    await app('100 MB video upload', () => videoUpload(engine.url));
  } finally {
    await engine.stop();
  }
  const when = new Date().toISOString();
  const summary = table(rows);
  const totalS = (performance.now() - runStarted) / 1000;
  console.log(`\n${summary}\n`);
  console.log(`whole run: ${(totalS / 60).toFixed(1)} min (budget 10 min)`);

  const results = path.join(root, 'bench', 'results');
  mkdirSync(results, { recursive: true });
  const json = JSON.stringify(
    {
      when,
      totalSeconds: Math.round(totalS),
      machine: { cpus: os.cpus().length, node: process.version },
      rows,
    },
    null,
    2,
  );
  writeFileSync(path.join(results, `${when.replace(/[:.]/g, '-')}.json`), json);
  writeFileSync(path.join(results, 'latest.json'), json);

  const doc = path.join(root, 'docs', 'PERFORMANCE.md');
  const text = readFileSync(doc, 'utf8');
  const block = `<!-- bench:start -->\nLatest run: ${when} (${os.cpus().length} cores, Node ${process.version}), the whole run ${(totalS / 60).toFixed(1)} min.\n\n${summary}\n<!-- bench:end -->`;
  writeFileSync(doc, text.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, block));
  console.log(`wrote bench/results/latest.json and docs/PERFORMANCE.md`);
  if (rows.some((row) => passes(row) === false)) process.exitCode = 1;
}

await main();
