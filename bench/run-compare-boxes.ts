/**
 * The compare-view boxes case on its own (`node --import tsx bench/run-compare-boxes.ts`): the
 * real engine as `bench/run.ts` starts it, the production build in `dist/` (run `npx vite build`
 * first, or set BENCH_APP_DIR), and the rows printed.
 */
import { compareBoxes } from './cases/compare-boxes';
import { passes, startEngine } from './support';

const PORT = Number(process.env.BENCH_ENGINE_PORT ?? 4820);

const engine = await startEngine(PORT);
try {
  const rows = await compareBoxes(engine.url);
  for (const row of rows) {
    const verdict = passes(row) === false ? 'miss' : 'pass';
    console.log(
      `${row.name}: ${row.measured} ${row.unit} (≤ ${row.budget?.max}) ${verdict} — ${row.detail ?? ''}`,
    );
  }
  if (rows.some((row) => passes(row) === false)) process.exitCode = 1;
} finally {
  await engine.stop();
}
