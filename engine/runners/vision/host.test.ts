/** The shared pool's host: one pool for all users, closed with the last, and a cap on tasks in flight. */
import { describe, expect, it } from 'vitest';
import { VisionError } from '../../vision';
import { createVisionHost } from './host';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('createVisionHost', () => {
  it('hands every user the same pool and closes it when the last one releases', async () => {
    const host = createVisionHost({ workers: 1 });
    const a = host.acquire();
    const b = host.acquire();
    expect(b).toBe(a);
    await host.release();
    expect(await host.schedule(async (vision) => vision === a)).toBe(true);
    await host.release();
    await expect(host.schedule(async () => 'ran')).rejects.toMatchObject({ kind: 'closed', code: 21353 });
    // Acquiring again starts a fresh pool.
    expect(host.acquire()).not.toBe(a);
    await host.release();
  });

  it('keeps at most maxInFlight tasks in the pool; the rest wait their turn in order', async () => {
    const host = createVisionHost({ workers: 1, maxInFlight: 2 });
    host.acquire();
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const release: (() => void)[] = [];
    const tasks = [0, 1, 2, 3, 4].map((n) =>
      host.schedule(async () => {
        running++;
        peak = Math.max(peak, running);
        order.push(n);
        await new Promise<void>((resolve) => release.push(resolve));
        running--;
        return n;
      }),
    );
    for (let i = 0; i < 5; i++) {
      await tick();
      release.shift()?.();
    }
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    await host.release();
  });

  it('drops a waiting task whose request is cancelled, without losing a slot', async () => {
    const host = createVisionHost({ workers: 1, maxInFlight: 1 });
    host.acquire();
    let unblock: () => void = () => undefined;
    const blocker = host.schedule(() => new Promise<void>((resolve) => (unblock = resolve)));
    const controller = new AbortController();
    const waiting = host.schedule(async () => 'should not run', controller.signal);
    controller.abort();
    const error: unknown = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VisionError);
    expect(error).toMatchObject({ kind: 'aborted', code: 40032 });
    unblock();
    await blocker;
    expect(await host.schedule(async () => 'next')).toBe('next');
    await host.release();
  });
});
