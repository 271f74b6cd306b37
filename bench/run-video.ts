/**
 * The app's video cases on their own (`node --import tsx bench/run-video.ts [timeline] [upload]`,
 * both without arguments): the real engine as `bench/run.ts` starts it, the production build in
 * `.tmp/bench-dist` (run.ts builds it; or set BENCH_APP_DIR), and the rows printed.
 */
import { videoTimeline, videoUpload } from './cases/app-video';
import { passes, startEngine, type BenchRow } from './support';

const PORT = Number(process.env.BENCH_ENGINE_PORT ?? 4830);
const asked = process.argv.slice(2);
const wants = (name: string) => asked.length === 0 || asked.includes(name);

const engine = await startEngine(PORT);
try {
  const rows: BenchRow[] = [];
  if (wants('timeline')) rows.push(...(await videoTimeline(engine.url)));
  if (wants('upload')) rows.push(...(await videoUpload(engine.url)));
  for (const row of rows) {
    const verdict = passes(row) === undefined ? 'report' : passes(row) ? 'pass' : 'miss';
    console.log(`${row.name}: ${row.measured} ${row.unit} ${verdict} — ${row.detail ?? ''}`);
  }
  if (rows.some((row) => passes(row) === false)) process.exitCode = 1;
} finally {
  await engine.stop();
}
