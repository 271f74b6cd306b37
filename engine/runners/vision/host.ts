/**
 * The one `createVision()` pool every vision runner of a process shares. Each model is its own
 * runner (the registry makes one per model id), but they must not each start a worker per core:
 * the host creates the pool when the first runner loads and closes it when the last one closes,
 * which is what `RunnerRegistry.closeAll()` does on shutdown.
 *
 * Calls also pass through a limit on how many tasks are handed to the pool at once. The pool
 * refuses work beyond its queue (11005), and one request may fan out to hundreds of tasks
 * (32 inputs x several faces x three attribute nodes); waiting here instead keeps every task
 * answerable. Time spent waiting is not model time: results carry the worker's own `timeMs`.
 */
import { createVision, VisionError, type Vision, type VisionOptions } from '../../vision';

export interface VisionHost {
  /** Starts the shared pool if needed and counts one more user. Pair with `release()`. */
  acquire(): Vision;
  /** One user fewer; the pool closes when none is left (pending calls fail with `closed`). */
  release(): Promise<void>;
  /** Runs `task` once fewer than `maxInFlight` tasks are in the pool. */
  schedule<T>(task: (vision: Vision) => Promise<T>, signal?: AbortSignal): Promise<T>;
}

export interface VisionHostOptions extends VisionOptions {
  /** Tasks handed to the pool at once; the rest wait here. Default 32 (the pool queues 64). */
  maxInFlight?: number;
}

export function createVisionHost(options: VisionHostOptions = {}): VisionHost {
  const { maxInFlight = 32, ...visionOptions } = options;
  let vision: Vision | undefined;
  let users = 0;
  let running = 0;
  const waiting: (() => void)[] = [];

  /** Hands the finished task's slot straight to the next waiter, so the count never overshoots. */
  const next = () => {
    const waiter = waiting.shift();
    if (waiter) waiter();
    else running--;
  };

  return {
    acquire() {
      users++;
      vision ??= createVision(visionOptions);
      return vision;
    },
    async release() {
      users = Math.max(0, users - 1);
      if (users > 0 || !vision) return;
      const closing = vision;
      vision = undefined;
      await closing.close();
    },
    async schedule(task, signal) {
      if (running < maxInFlight) running++;
      else {
        // Resolved by `next()`, which passes its slot on: `running` stays as it is.
        await new Promise<void>((resolve, reject) => {
          const go = () => {
            signal?.removeEventListener('abort', drop);
            resolve();
          };
          const drop = () => {
            const at = waiting.indexOf(go);
            if (at >= 0) waiting.splice(at, 1);
            reject(new VisionError('aborted', 'request was cancelled while waiting for a vision worker'));
          };
          if (signal?.aborted) return drop();
          waiting.push(go);
          signal?.addEventListener('abort', drop, { once: true });
        });
      }
      try {
        const current = vision;
        if (!current) throw new VisionError('closed', 'the vision pool is not running: the model was closed');
        return await task(current);
      } finally {
        next();
      }
    },
  };
}

/** The process's host: every built-in vision model uses it unless a test passes its own. */
export const sharedVisionHost: VisionHost = createVisionHost();
