/** The load gate (11005 / 429 beyond the queue), the request deadline (40032 / 504) and disconnects. */
import { serve } from '@hono/node-server';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { BaseResponse, PostWorkflowResultsResponse } from '../../contract/clarifai';
import { fakeModel } from '../test/fake-models';
import { jsonRequest } from '../test/fixtures';
import { hangingRunner, sleepyRunner, startPlantedEngine, textInput } from '../test/planted';
import { createApp } from './app';
import { LoadGate } from './load-gate';

describe('LoadGate', () => {
  it('runs up to maxConcurrent, queues up to maxQueued in order, refuses the rest', async () => {
    const gate = new LoadGate({ maxConcurrent: 2, maxQueued: 1 });
    const first = await gate.enter();
    const second = await gate.enter();
    const third = gate.enter();
    expect(third).toBeInstanceOf(Promise);
    expect(gate.enter()).toBeUndefined();
    expect(gate.load).toEqual({ active: 2, queued: 1 });
    first?.();
    const release = await third;
    expect(gate.load).toEqual({ active: 2, queued: 0 });
    release?.();
    second?.();
    second?.(); // releasing twice counts once
    expect(gate.load).toEqual({ active: 0, queued: 0 });
  });

  it('drops a waiter whose client left', async () => {
    const gate = new LoadGate({ maxConcurrent: 1, maxQueued: 1 });
    const held = await gate.enter();
    const controller = new AbortController();
    const waiting = gate.enter(controller.signal);
    controller.abort(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
    expect(gate.load).toEqual({ active: 1, queued: 0 });
    held?.();
    expect(gate.load).toEqual({ active: 0, queued: 0 });
  });
});

describe('predictions under load', () => {
  it('answers 11005 / 429 with Retry-After at once beyond the queue; the admitted ones succeed', async () => {
    const t = await startPlantedEngine({ slow: ['slow'] }, [fakeModel('slow', () => sleepyRunner(300))], {
      maxConcurrent: 2,
      maxQueued: 2,
    });
    try {
      const send = () =>
        t.app.request('/v2/workflows/slow/results', jsonRequest('POST', { inputs: [textInput('x')] }));
      const admitted = [send(), send(), send(), send()];
      await new Promise((resolve) => setTimeout(resolve, 50));
      const started = performance.now();
      const refused = await send();
      expect(performance.now() - started).toBeLessThan(100);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(BaseResponse.parse(await refused.json()).status.code).toBe(11005);
      const answers = await Promise.all(admitted);
      expect(answers.map((response) => response.status)).toEqual([200, 200, 200, 200]);
      // Slots come back: the next request is admitted.
      expect((await send()).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('answers 40032 / 504 at the request deadline, aborts the work, and the next request succeeds', async () => {
    const record = { aborted: 0, started: 0 };
    const t = await startPlantedEngine(
      { slow: ['slow'], hang: ['hang'], quick: ['quick'] },
      [
        fakeModel('slow', () => sleepyRunner(10_000, record)),
        fakeModel('hang', () => hangingRunner()),
        fakeModel('quick', () => sleepyRunner(0)),
      ],
      { requestTimeoutMs: 200, maxConcurrent: 1, maxQueued: 0 },
    );
    try {
      for (const workflow of ['slow', 'hang']) {
        const started = performance.now();
        const response = await t.app.request(
          `/v2/workflows/${workflow}/results`,
          jsonRequest('POST', { inputs: [textInput('x')] }),
        );
        expect(performance.now() - started).toBeLessThan(2000);
        expect(response.status).toBe(504);
        const body = BaseResponse.parse(await response.json());
        expect(body.status.code).toBe(40032);
        expect(body.status.details).toMatch(/longer than 200 ms \(ENGINE_REQUEST_TIMEOUT_MS\)/);
      }
      expect(record).toEqual({ started: 1, aborted: 1 });
      // A hung runner does not keep the (single) slot: the next request is served.
      const next = await t.app.request(
        '/v2/workflows/quick/results',
        jsonRequest('POST', { inputs: [textInput('ok')] }),
      );
      expect(next.status).toBe(200);
      expect(
        PostWorkflowResultsResponse.parse(await next.json()).results?.[0]?.outputs?.[0]?.data?.text?.raw,
      ).toBe('ok');
    } finally {
      await t.close();
    }
  });

  it('holds the slot of a streamed answer until its last line', async () => {
    const t = await startPlantedEngine({ slow: ['slow'] }, [fakeModel('slow', () => sleepyRunner(300))], {
      maxConcurrent: 1,
      maxQueued: 0,
    });
    try {
      const body = { inputs: [textInput('streamed')] };
      const streamed = await t.app.request('/v2/workflows/slow/results', {
        ...jsonRequest('POST', body),
        headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
      });
      expect(streamed.status).toBe(200);
      const meanwhile = await t.app.request('/v2/workflows/slow/results', jsonRequest('POST', body));
      expect(meanwhile.status).toBe(429);
      const lines = (await streamed.text()).trim().split('\n');
      expect(lines.at(-1)).toContain('"code":10000');
      expect((await t.app.request('/v2/workflows/slow/results', jsonRequest('POST', body))).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('aborts the work of a client that disconnects', async () => {
    const record = { aborted: 0, started: 0 };
    const t = await startPlantedEngine({ slow: ['slow'] }, [
      fakeModel('slow', () => sleepyRunner(30_000, record)),
    ]);
    const server = serve({ fetch: createApp(t.engine.deps).fetch, hostname: '127.0.0.1', port: 0 });
    try {
      await new Promise<void>((resolve) => server.once('listening', resolve));
      const { port } = server.address() as AddressInfo;
      const body = JSON.stringify({ inputs: [textInput('x')] });
      const client = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/v2/workflows/slow/results',
        headers: { 'content-type': 'application/json' },
      });
      client.on('error', () => undefined);
      client.end(body);
      while (record.started === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      client.destroy();
      const deadline = Date.now() + 2000;
      while (record.aborted === 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(record.aborted).toBe(1);
      expect(t.engine.deps.gate?.load).toEqual({ active: 0, queued: 0 });
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await t.close();
    }
  });
});
