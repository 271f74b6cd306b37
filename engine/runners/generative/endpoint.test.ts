import { describe, expect, it } from 'vitest';
import { endpointClient, endpointFromEnv } from './endpoint';
import { fillTemplate } from './prompt';

const KEY = 'sk-test-0123456789abcdef';
const signal = new AbortController().signal;

function answering(status: number, body: string): typeof fetch {
  return async () => new Response(body, { status, headers: { 'content-type': 'application/json' } });
}

describe('generative endpoint', () => {
  it('is configured from LLM_BASE_URL, and only from it', () => {
    expect(endpointFromEnv({})).toBeUndefined();
    expect(endpointFromEnv({ LLM_BASE_URL: ' ', LLM_API_KEY: KEY })).toBeUndefined();
    expect(
      endpointFromEnv({ LLM_BASE_URL: 'http://127.0.0.1:1/v1', LLM_API_KEY: KEY, LLM_TIMEOUT_MS: '5000' }),
    ).toEqual({
      baseUrl: 'http://127.0.0.1:1/v1',
      apiKey: KEY,
      timeoutMs: 5000,
    });
  });

  it('sends the key as a bearer token and never lets it out in an error', async () => {
    let sent: Headers | undefined;
    const client = endpointClient({
      baseUrl: 'https://user:hunter22@llm.example/v1/',
      apiKey: KEY,
      fetch: async (_url, init) => {
        sent = new Headers(init?.headers);
        return new Response(JSON.stringify({ error: { message: `Incorrect API key provided: ${KEY}` } }), {
          status: 401,
        });
      },
    });
    expect(client.where).toBe('https://llm.example/v1');
    const failure = await client.post('chat/completions', {}, signal).catch((error: unknown) => error);
    expect(sent?.get('authorization')).toBe(`Bearer ${KEY}`);
    expect(failure).toMatchObject({ code: 21313 });
    const message = failure instanceof Error ? failure.message : '';
    expect(message).toContain('answered HTTP 401: Incorrect API key provided: [redacted]');
    expect(message).not.toContain(KEY);
    expect(message).not.toContain('hunter22');
  });

  it('says what went wrong: unreachable, not JSON, timed out', async () => {
    const refused = endpointClient({
      baseUrl: 'http://127.0.0.1:9/v1',
      fetch: async () =>
        Promise.reject(
          new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') }),
        ),
    });
    await expect(refused.post('chat/completions', {}, signal)).rejects.toMatchObject({
      code: 21313,
      details: 'http://127.0.0.1:9/v1/chat/completions is not reachable: connect ECONNREFUSED 127.0.0.1:9',
    });
    const html = endpointClient({ baseUrl: 'http://x.test/v1', fetch: answering(200, '<html>') });
    await expect(html.post('chat/completions', {}, signal)).rejects.toMatchObject({
      details: expect.stringMatching(/did not answer JSON/),
    });
    const slow = endpointClient({
      baseUrl: 'http://x.test/v1',
      timeoutMs: 20,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
    });
    await expect(slow.post('chat/completions', {}, signal)).rejects.toMatchObject({ code: 40032 });
    expect(() => endpointClient({ baseUrl: 'file:///etc/passwd' })).toThrow(/http\(s\) URL/);
  });

  it('fills {data.text.raw} in a prompt template', () => {
    expect(fillTemplate('Summarise: {data.text.raw}. Again: {data.text.raw}', 'hi')).toBe(
      'Summarise: hi. Again: hi',
    );
    expect(fillTemplate(undefined, 'as is')).toBe('as is');
  });
});
