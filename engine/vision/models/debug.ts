/**
 * Operations that exercise the pool's failure paths (a slow task, a throw, a crash) with no model
 * to load, so the pool tests run in milliseconds. Reachable only through `WorkerPool.run`, not
 * through the vision API the executor uses.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { threadId } from 'node:worker_threads';
import { op, throwIfCancelled, type ModelHandlers } from '../handlers';
import { visionSpecs } from '../protocol';
import { ownedBytes } from '../bytes';

export async function loadDebug(): Promise<ModelHandlers<'debug'>> {
  return {
    sleep: op(visionSpecs.debug.sleep.payload, async ({ ms }, ctx) => {
      // Sleep in slices so a cancel arrives between them, like a tiled model would see it.
      const end = Date.now() + ms;
      while (Date.now() < end) {
        throwIfCancelled(ctx);
        await sleep(Math.min(10, end - Date.now()));
      }
      return { result: { slept: ms } };
    }),
    throw: op(visionSpecs.debug.throw.payload, async ({ message }) => {
      throw new Error(message);
    }),
    crash: op(visionSpecs.debug.crash.payload, async () => {
      // Ends this worker thread the way a fatal wasm abort would: mid-task, with no reply.
      process.exit(3);
    }),
    echo: op(visionSpecs.debug.echo.payload, async ({ bytes }) => {
      const copy = ownedBytes(bytes);
      return { result: { bytes: copy, threadId }, transfer: [copy.buffer] };
    }),
  };
}
