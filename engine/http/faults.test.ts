/**
 * Faults: a runner that throws, hangs (in a vision worker, past its time limit) or kills its
 * worker fails only its own output, and the next request succeeds. SIGTERM drains in-flight work.
 */
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostWorkflowResultsResponse } from '../../contract/clarifai';
import type { Runner } from '../runners/types';
import { fakeModel, throwingRunner } from '../test/fake-models';
import { jsonRequest, type TestEngine } from '../test/fixtures';
import { hangingRunner, sleepyRunner, startPlantedEngine, textInput } from '../test/planted';
import { VisionError } from '../vision/errors';
import { WorkerPool } from '../vision/pool';
import { visionSpecs, type VisionSpecs } from '../vision/protocol';
import { createApp } from './app';
import { drainAndClose } from './shutdown';

let pool: WorkerPool<VisionSpecs>;
const dawdled = { aborted: 0, started: 0 };
let t: TestEngine;

/** A runner whose work is a planted task in a real vision worker: one that crashes it or stalls. */
function workerRunner(task: 'crash' | 'stall'): Runner {
  return {
    load: async () => undefined,
    predict: (items, _params, ctx) =>
      Promise.all(
        items.map(async () => {
          try {
            if (task === 'crash') await pool.run('debug', 'crash', {}, { signal: ctx.signal });
            else await pool.run('debug', 'sleep', { ms: 60_000 }, { signal: ctx.signal, timeoutMs: 300 });
            return { data: { text: { raw: 'unexpected' } }, timeMs: 1 };
          } catch (error) {
            if (error instanceof VisionError) return { error: { code: error.code, details: error.message } };
            throw error;
          }
        }),
      ),
    close: async () => undefined,
  };
}

beforeAll(async () => {
  pool = new WorkerPool({ specs: visionSpecs, size: 1, taskTimeoutMs: 10_000 });
  t = await startPlantedEngine(
    {
      throws: ['echo', 'bomb@input'],
      crashes: ['echo', 'crash@input'],
      stalls: ['echo', 'stall@input'],
      hangs: ['echo', 'hang@input'],
      dawdles: ['echo', 'dawdle@input'],
      echo: ['echo'],
    },
    [
      fakeModel('echo', () => sleepyRunner(0)),
      fakeModel('bomb', () => throwingRunner('planted failure')),
      fakeModel('crash', () => workerRunner('crash')),
      fakeModel('stall', () => workerRunner('stall')),
      fakeModel('hang', () => hangingRunner()),
      fakeModel('dawdle', () => sleepyRunner(30_000, dawdled)),
    ],
    { nodeTimeoutMs: 1_000 },
  );
});
afterAll(async () => {
  await t.close();
  await pool.close();
});

async function predict(workflow: string, raw: string) {
  const response = await t.app.request(
    `/v2/workflows/${workflow}/results`,
    jsonRequest('POST', { inputs: [textInput(raw)] }),
  );
  return { http: response.status, body: PostWorkflowResultsResponse.parse(await response.json()) };
}

describe('a failing runner fails only its own output', () => {
  it.each([
    ['throws', 21313, /planted failure/],
    ['crashes', 21313, /exited with code 3/],
    ['stalls', 40032, /took longer than 300 ms/],
    ['hangs', 40032, /did not answer within 1000 ms \(ENGINE_NODE_TIMEOUT_MS\)/],
    ['dawdles', 40032, /did not answer within 1000 ms/],
  ])(
    'a runner that %s: %i on its output, the sibling answers, the next request succeeds',
    async (workflow, code, details) => {
      const { http, body } = await predict(workflow, 'hello');
      expect([http, body.status.code]).toEqual([200, 10010]);
      const outputs = body.results?.[0]?.outputs ?? [];
      expect(outputs.map((output) => output.status?.code)).toEqual([10000, code]);
      expect(outputs[0]?.data?.text?.raw).toBe('hello');
      expect(outputs[1]?.status?.details).toMatch(details);

      const next = await predict('echo', 'next');
      expect([next.http, next.body.status.code]).toEqual([200, 10000]);
      // The worker was replaced: the pool runs a task again.
      await expect(pool.run('debug', 'sleep', { ms: 1 })).resolves.toMatchObject({ result: { slept: 1 } });
    },
  );
});

it('stops the work of a runner past its time limit', () => {
  expect(dawdled).toEqual({ started: 1, aborted: 1 });
});

describe('drainAndClose (SIGTERM)', () => {
  it('stops accepting, lets the request in flight finish, then closes the engine', async () => {
    const slow = await startPlantedEngine({ slow: ['slow'] }, [fakeModel('slow', () => sleepyRunner(400))]);
    const server = serve({ fetch: createApp(slow.engine.deps).fetch, hostname: '127.0.0.1', port: 0 });
    if (!('closeAllConnections' in server)) throw new Error('expected an HTTP/1 server');
    const http1: Server = server;
    try {
      await new Promise<void>((resolve) => http1.once('listening', resolve));
      const base = `http://127.0.0.1:${(http1.address() as AddressInfo).port}`;
      const inFlight = fetch(
        `${base}/v2/workflows/slow/results`,
        jsonRequest('POST', { inputs: [textInput('kept')] }),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      let engineClosed = false;
      const drained = drainAndClose(http1, {
        graceMs: 5_000,
        closeEngine: async () => {
          engineClosed = true;
        },
      });
      // New connections are refused at once...
      await expect(fetch(`${base}/healthz`)).rejects.toThrow();
      // ...the one in flight is answered in full, and only then is the engine closed.
      const response = await inFlight;
      expect(engineClosed).toBe(false);
      const body = PostWorkflowResultsResponse.parse(await response.json());
      expect(body.results?.[0]?.outputs?.[0]?.data?.text?.raw).toBe('kept');
      expect(await drained).toBe('drained');
      expect(engineClosed).toBe(true);
    } finally {
      http1.closeAllConnections();
      await slow.close();
    }
  });

  it('cuts off a request still running after the grace period', async () => {
    const stuck = await startPlantedEngine({ slow: ['slow'] }, [
      fakeModel('slow', () => sleepyRunner(30_000)),
    ]);
    const server = serve({ fetch: createApp(stuck.engine.deps).fetch, hostname: '127.0.0.1', port: 0 });
    if (!('closeAllConnections' in server)) throw new Error('expected an HTTP/1 server');
    const http1: Server = server;
    try {
      await new Promise<void>((resolve) => http1.once('listening', resolve));
      const base = `http://127.0.0.1:${(http1.address() as AddressInfo).port}`;
      const inFlight = fetch(
        `${base}/v2/workflows/slow/results`,
        jsonRequest('POST', { inputs: [textInput('x')] }),
      ).catch((error: unknown) => error);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = performance.now();
      expect(await drainAndClose(http1, { graceMs: 200, closeEngine: async () => undefined })).toBe('forced');
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(await inFlight).toBeInstanceOf(Error);
    } finally {
      await stuck.close();
    }
  });
});
