/**
 * The pool's failure isolation, through the real worker entry and its `debug` operations (which
 * load no model, so these run in well under a second each).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { VisionError } from './errors';
import { WorkerPool, defaultPoolSize, type PoolOptions } from './pool';
import { visionSpecs, type VisionSpecs } from './protocol';

let pool: WorkerPool<VisionSpecs> | undefined;

function makePool(options: Partial<PoolOptions<VisionSpecs>> = {}): WorkerPool<VisionSpecs> {
  pool = new WorkerPool({ specs: visionSpecs, size: 1, taskTimeoutMs: 10_000, ...options });
  return pool;
}

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

async function failure(promise: Promise<unknown>): Promise<VisionError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof VisionError)) throw new Error(`expected a VisionError, got ${String(error)}`);
  return error;
}

describe('WorkerPool', () => {
  it('runs a task and moves its bytes both ways', async () => {
    const p = makePool();
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const out = await p.run('debug', 'echo', { bytes }, { transfer: [bytes.buffer] });
    expect(Array.from(out.result.bytes)).toEqual([1, 2, 3, 4]);
    expect(out.result.threadId).toBeGreaterThan(0);
    expect(bytes.byteLength).toBe(0); // Transferred, not copied.
    expect(out.timeMs).toBeGreaterThanOrEqual(0);
    expect(out.loadMs).toBeGreaterThanOrEqual(0); // First use of the model in that worker.
    const again = await p.run('debug', 'echo', { bytes: new Uint8Array([9]) });
    expect(again.loadMs).toBeUndefined();
  });

  it('fails a task that throws with 21313 and keeps the worker', async () => {
    const p = makePool();
    const error = await failure(p.run('debug', 'throw', { message: 'boom' }));
    expect(error.code).toBe(21313);
    expect(error.kind).toBe('failed');
    expect(error.message).toContain('boom');
    await expect(p.run('debug', 'sleep', { ms: 1 })).resolves.toMatchObject({ result: { slept: 1 } });
    expect(p.stats().spawned).toBe(1);
  });

  it('fails an invalid payload without running it', async () => {
    const p = makePool();
    // @ts-expect-error deliberately wrong payload: the worker must check what crosses the thread boundary.
    const error = await failure(p.run('debug', 'sleep', { ms: 'soon' }));
    expect(error.code).toBe(21313);
    expect(error.message).toContain('invalid payload');
  });

  it('replaces a worker killed mid-task: only that task fails, the next succeeds', async () => {
    const p = makePool({ size: 2 });
    const slow = p.run('debug', 'sleep', { ms: 300 });
    const crash = failure(p.run('debug', 'crash', {}));
    const error = await crash;
    expect(error.code).toBe(21313);
    expect(error.message).toMatch(/exited with code 3/);
    expect(p.stats().live).toBe(1);
    // The task on the other worker is untouched.
    await expect(slow).resolves.toMatchObject({ result: { slept: 300 } });
    // Two tasks at once need two workers again: the crashed one is replaced.
    const next = await Promise.all([p.run('debug', 'sleep', { ms: 20 }), p.run('debug', 'sleep', { ms: 20 })]);
    expect(next.map((r) => r.result.slept)).toEqual([20, 20]);
    expect(p.stats()).toMatchObject({ live: 2, spawned: 3 });
  });

  it('fails a task over its time limit with 40032 and replaces the worker', async () => {
    const p = makePool();
    const error = await failure(p.run('debug', 'sleep', { ms: 5_000 }, { timeoutMs: 100 }));
    expect(error.code).toBe(40032);
    expect(error.kind).toBe('timeout');
    const next = await p.run('debug', 'sleep', { ms: 1 });
    expect(next.result.slept).toBe(1);
    expect(p.stats().spawned).toBe(2);
  });

  it('refuses work beyond the queue bound with a clear error', async () => {
    const p = makePool({ maxQueue: 2 });
    await p.run('debug', 'sleep', { ms: 1 }); // The worker is up, so the next task starts at once.
    const running = p.run('debug', 'sleep', { ms: 200 });
    expect(p.stats()).toMatchObject({ busy: 1, queued: 0 });
    const queued = [p.run('debug', 'sleep', { ms: 1 }), p.run('debug', 'sleep', { ms: 1 })];
    const error = await failure(p.run('debug', 'sleep', { ms: 1 }));
    expect(error.kind).toBe('queue_full');
    expect(error.code).toBe(11005);
    expect(error.message).toContain('queue is full');
    await Promise.all([running, ...queued]);
  });

  it('drops a queued task when its signal aborts, and stops a running one', async () => {
    const p = makePool();
    const controller = new AbortController();
    const running = p.run('debug', 'sleep', { ms: 2_000 }, { signal: controller.signal });
    const queuedController = new AbortController();
    const queued = p.run('debug', 'sleep', { ms: 1 }, { signal: queuedController.signal });
    queuedController.abort();
    expect((await failure(queued)).kind).toBe('aborted');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    controller.abort();
    expect((await failure(running)).kind).toBe('aborted');
    // The worker stops at its next checkpoint and is free well before the 2 s sleep would end.
    await p.run('debug', 'sleep', { ms: 1 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(p.stats().spawned).toBe(1);
    const already = AbortSignal.abort();
    expect((await failure(p.run('debug', 'sleep', { ms: 1 }, { signal: already }))).kind).toBe('aborted');
  });

  it('runs tasks in parallel across workers', async () => {
    const p = makePool({ size: 2 });
    // Two tasks at once start both workers.
    await Promise.all([p.run('debug', 'sleep', { ms: 50 }), p.run('debug', 'sleep', { ms: 50 })]);
    expect(p.stats()).toMatchObject({ live: 2, busy: 0, spawned: 2 });
    // On a loaded machine the second worker may still be booting (one worker can run both sleeps),
    // so two echoes at once reach two threads only once both are ready: give it a few tries.
    let threads = 0;
    for (let attempt = 0; attempt < 20 && threads < 2; attempt++) {
      const echoes = await Promise.all([p.run('debug', 'echo', { bytes: new Uint8Array(1) }), p.run('debug', 'echo', { bytes: new Uint8Array(1) })]);
      threads = new Set(echoes.map((r) => r.result.threadId)).size;
      if (threads < 2) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(threads).toBe(2);
    const started = Date.now();
    await Promise.all([p.run('debug', 'sleep', { ms: 400 }), p.run('debug', 'sleep', { ms: 400 })]);
    expect(Date.now() - started).toBeLessThan(750);
  });

  it('fails pending work on close and refuses new work', async () => {
    const p = makePool();
    const running = failure(p.run('debug', 'sleep', { ms: 2_000 }));
    const queued = failure(p.run('debug', 'sleep', { ms: 1 }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await p.close();
    expect((await running).kind).toBe('closed');
    expect((await queued).kind).toBe('closed');
    expect((await failure(p.run('debug', 'sleep', { ms: 1 }))).kind).toBe('closed');
    expect(p.stats().live).toBe(0);
  });

  it('sizes itself from VISION_WORKERS, else the core count', () => {
    expect(defaultPoolSize({ VISION_WORKERS: '3' })).toBe(3);
    expect(defaultPoolSize({ VISION_WORKERS: 'zero' })).toBeGreaterThanOrEqual(1);
    expect(defaultPoolSize({})).toBeGreaterThanOrEqual(1);
  });
});
