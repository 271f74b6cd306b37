import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BaseResponse } from '../../contract/clarifai';
import { jsonRequest, type TestEngine } from '../test/fixtures';
import { startPlantedEngine, sleepyRunner, textInput } from '../test/planted';
import { fakeModel } from '../test/fake-models';
import { keyMatches } from './access';
import { createHash } from 'node:crypto';

const KEYS = ['first-key-0123456789', 'second-key'];
let t: TestEngine;

beforeAll(async () => {
  t = await startPlantedEngine({ echo: ['echo'] }, [fakeModel('echo', () => sleepyRunner(0))], {
    apiKeys: KEYS,
  });
});
afterAll(() => t.close());

async function statusOf(path: string, init: RequestInit = {}) {
  const response = await t.app.request(path, init);
  return { http: response.status, code: BaseResponse.parse(await response.json()).status.code };
}

describe('ENGINE_API_KEYS', () => {
  it('answers 11009 / 401 without a key, on every /v2 path, before reading the body', async () => {
    expect(await statusOf('/v2/workflows')).toEqual({ http: 401, code: 11009 });
    expect(await statusOf('/v2/users/local/apps/main/workflows/echo')).toEqual({ http: 401, code: 11009 });
    expect(
      await statusOf('/v2/workflows/echo/results', jsonRequest('POST', { inputs: [textInput('x')] })),
    ).toEqual({
      http: 401,
      code: 11009,
    });
    expect(await statusOf('/v2/nowhere')).toEqual({ http: 401, code: 11009 });
  });

  it('answers 11008 / 401 for a wrong key and 11102 for a header that is not "Key <key>"', async () => {
    expect(await statusOf('/v2/workflows', { headers: { authorization: 'Key wrong' } })).toEqual({
      http: 401,
      code: 11008,
    });
    expect(
      await statusOf('/v2/workflows', { headers: { authorization: 'Key first-key-012345678' } }),
    ).toEqual({
      http: 401,
      code: 11008,
    });
    expect(
      await statusOf('/v2/workflows', { headers: { authorization: 'Bearer first-key-0123456789' } }),
    ).toEqual({
      http: 400,
      code: 11102,
    });
  });

  it('serves every configured key; the health check stays open', async () => {
    for (const key of KEYS) {
      expect(await statusOf('/v2/workflows', { headers: { authorization: `Key ${key}` } })).toEqual({
        http: 200,
        code: 10000,
      });
    }
    const predict = await statusOf('/v2/workflows/echo/results', {
      ...jsonRequest('POST', { inputs: [textInput('x')] }),
      headers: { 'content-type': 'application/json', authorization: 'Key second-key' },
    });
    expect(predict).toEqual({ http: 200, code: 10000 });
    expect(await statusOf('/healthz')).toEqual({ http: 200, code: 10000 });
  });

  it('never writes a key to the log or the answer', async () => {
    const spies = (['log', 'error', 'warn', 'info'] as const).map((method) => vi.spyOn(console, method));
    try {
      const response = await t.app.request('/v2/workflows', {
        headers: { authorization: 'Key leaked-guess' },
      });
      expect(await response.text()).not.toContain('leaked-guess');
      for (const spy of spies)
        expect(JSON.stringify(spy.mock.calls)).not.toMatch(/leaked-guess|first-key|second-key/);
    } finally {
      spies.forEach((spy) => spy.mockRestore());
    }
  });

  it('compares digests of every key, whatever matched', () => {
    const digests = KEYS.map((key) => createHash('sha256').update(key).digest());
    expect(keyMatches('first-key-0123456789', digests)).toBe(true);
    expect(keyMatches('second-key', digests)).toBe(true);
    expect(keyMatches('', digests)).toBe(false);
    expect(keyMatches('second-key ', digests)).toBe(false);
  });
});

describe('without ENGINE_API_KEYS', () => {
  it('needs no key', async () => {
    const open = await startPlantedEngine({ echo: ['echo'] }, [fakeModel('echo', () => sleepyRunner(0))]);
    try {
      const response = await open.app.request('/v2/workflows');
      expect(response.status).toBe(200);
    } finally {
      await open.close();
    }
  });
});
