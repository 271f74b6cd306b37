/** The first-prediction case on its own: `node --import tsx bench/run-first-predictions.ts`. */
import { firstPredictions } from './cases/first-predictions';

for (const row of await firstPredictions(Number(process.env.BENCH_ENGINE_PORT ?? 4313))) {
  console.log(`${row.name}: ${row.measured} ${row.unit}\n  ${row.detail ?? ''}`);
}
