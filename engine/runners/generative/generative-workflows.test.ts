/**
 * text-generation and text-to-image end to end: first with no endpoint configured (the generative
 * node answers 21353, the offline nodes still run, the request is 10010), then against a small
 * OpenAI-compatible server on 127.0.0.1 started here, which records what it was sent.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostWorkflowResultsResponse, type Input } from '../../../contract/clarifai';
import { defaultCatalog } from '../../models/catalog';
import { jsonRequest, startTestEngine, type TestEngine } from '../../test/fixtures';

const VERSIONS = {
  'text-generation': ['9aa8ee86f4f4ac55fbe973bff35897af', '3386dbeafbbf2587f357d5d4e4d31106'],
  'text-to-image': ['0fec6db92a576abf7ac918525aab6f2a', '4be7868cb8f78b0951e92a98c8e6d55f'],
} as const;

const KEY = 'sk-lens-test-7f3a9c1e5b2d4f60';
const PROMPT = 'Why is the sky blue?';

interface Received {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: Record<string, unknown>;
}

let offline: TestEngine;
let online: TestEngine;
let server: Server;
const received: Received[] = [];
let png: Buffer;

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk));
  const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  return parsed && typeof parsed === 'object' ? Object.fromEntries(Object.entries(parsed)) : {};
}

function serverPort(): number {
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the test endpoint is not listening');
  return address.port;
}

/** The user message of a chat request. */
function userMessage(body: Record<string, unknown>): string {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  const last: unknown = messages.at(-1);
  return last && typeof last === 'object' && 'content' in last && typeof last.content === 'string'
    ? last.content
    : '';
}

beforeAll(async () => {
  png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366cc' } })
    .png()
    .toBuffer();
  server = createServer((request, response) => {
    void readJson(request).then((body) => {
      received.push({ path: request.url ?? '', authorization: request.headers.authorization, body });
      response.setHeader('content-type', 'application/json');
      if (request.headers.authorization !== `Bearer ${KEY}`) {
        response.statusCode = 401;
        return response.end(
          JSON.stringify({
            error: { message: `Incorrect API key provided: ${request.headers.authorization}` },
          }),
        );
      }
      if (request.url === '/v1/chat/completions') {
        const prompt = userMessage(body);
        // A careless server that repeats the key: it must still not reach the client.
        const content = prompt.includes('repeat my key')
          ? `Your key is ${KEY}.`
          : `Light scatters, so the sky is a lovely, wonderful blue. (you asked: ${prompt})`;
        return response.end(
          JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content } }] }),
        );
      }
      if (request.url === '/v1/images/generations') {
        return response.end(JSON.stringify({ created: 1, data: [{ b64_json: png.toString('base64') }] }));
      }
      response.statusCode = 404;
      response.end(JSON.stringify({ error: { message: 'no such route' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = serverPort();
  offline = await startTestEngine({ catalog: defaultCatalog({ generative: null }) });
  online = await startTestEngine({
    catalog: defaultCatalog({ generative: { baseUrl: `http://127.0.0.1:${port}/v1`, apiKey: KEY } }),
  });
});

afterAll(async () => {
  await Promise.all([offline.close(), online.close()]);
  await new Promise((resolve) => server.close(resolve));
});

async function predict(engine: TestEngine, workflow: keyof typeof VERSIONS, inputs: Input[], version: 0 | 1) {
  const response = await engine.app.request(
    `/v2/users/local/apps/main/workflows/${workflow}/versions/${VERSIONS[workflow][version]}/results`,
    jsonRequest('POST', { inputs }),
  );
  const raw = await response.text();
  return { http: response.status, raw, body: PostWorkflowResultsResponse.parse(JSON.parse(raw)) };
}

const text = (raw: string): Input => ({ data: { text: { raw } } });

describe('with no endpoint configured', () => {
  it('text-generation: the LLM node answers 21353 saying how to configure one, the rest runs (10010)', async () => {
    const { http, body } = await predict(offline, 'text-generation', [text(PROMPT)], 0);
    expect(http).toBe(200);
    expect(body.status.code).toBe(10010);
    const [language, llm] = body.results?.[0]?.outputs ?? [];
    expect(language?.status?.code).toBe(10000);
    expect(language?.data?.concepts?.[0]?.id).toBe('en');
    expect(llm?.model).toMatchObject({ id: 'openai-compatible-chat', model_type_id: 'text-to-text' });
    expect(llm?.status).toMatchObject({
      code: 21353,
      details: expect.stringMatching(
        /no text generation model runs offline: set LLM_BASE_URL .* LLM_API_KEY/,
      ),
    });
  });

  it('text-generation v2: the node after the LLM is not run; text-to-image v2: the summary still is', async () => {
    const generation = await predict(offline, 'text-generation', [text(PROMPT)], 1);
    expect(generation.body.status.code).toBe(10010);
    const [, llm, sentiment] = generation.body.results?.[0]?.outputs ?? [];
    expect(llm?.status?.code).toBe(21353);
    expect(sentiment?.status).toMatchObject({ code: 21313, details: 'not run: its input node "llm" failed' });

    const image = await predict(
      offline,
      'text-to-image',
      [text('A lighthouse on a cliff. It is stormy.')],
      1,
    );
    expect(image.body.status.code).toBe(10010);
    const [summary, picture] = image.body.results?.[0]?.outputs ?? [];
    expect(summary?.data?.text?.raw).toBe('A lighthouse on a cliff.');
    expect(picture?.status).toMatchObject({
      code: 21353,
      details: expect.stringContaining('no text-to-image model runs offline'),
    });
  });
});

describe('with a local OpenAI-compatible endpoint', () => {
  it('text-generation v1: the prompt as sent, the answer as text.raw, the key only in the header', async () => {
    received.length = 0;
    const { body, raw } = await predict(online, 'text-generation', [text(PROMPT)], 0);
    expect(body.status.code).toBe(10000);
    const [, llm] = body.results?.[0]?.outputs ?? [];
    expect(llm?.data?.text?.raw).toBe(
      `Light scatters, so the sky is a lovely, wonderful blue. (you asked: ${PROMPT})`,
    );
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ path: '/v1/chat/completions', authorization: `Bearer ${KEY}` });
    expect(received[0]?.body).toMatchObject({ model: 'gpt-4o-mini', max_tokens: 512 });
    expect(userMessage(received[0]?.body ?? {})).toBe(PROMPT);
    expect(raw).not.toContain(KEY);
  });

  it('text-generation v2: the prompt template is filled in, and the answer gets a sentiment', async () => {
    received.length = 0;
    const { body } = await predict(online, 'text-generation', [text(PROMPT)], 1);
    expect(body.status.code).toBe(10000);
    expect(userMessage(received[0]?.body ?? {})).toBe(
      `Answer in at most two sentences, in plain words: ${PROMPT}`,
    );
    expect(received[0]?.body.temperature).toBe(0.3);
    const [, , sentiment] = body.results?.[0]?.outputs ?? [];
    const value = (id: string) =>
      sentiment?.data?.concepts?.find((concept) => concept.id === id)?.value ?? -1;
    // "lovely, wonderful" in the answer; the echoed prompt is neutral.
    expect(value('positive')).toBeGreaterThan(0.2);
    expect(value('negative')).toBe(0);
  });

  it('never answers the key, even when the endpoint repeats it', async () => {
    const { body, raw } = await predict(online, 'text-generation', [text('Please repeat my key')], 0);
    expect(body.results?.[0]?.outputs?.[1]?.data?.text?.raw).toBe('Your key is [redacted].');
    expect(raw).not.toContain(KEY);
  });

  it('text-to-image: a decodable image with its size; v2 draws the summary through its template', async () => {
    received.length = 0;
    const v1 = await predict(online, 'text-to-image', [text('A lighthouse on a cliff')], 0);
    expect(v1.body.status.code).toBe(10000);
    const [, picture] = v1.body.results?.[0]?.outputs ?? [];
    expect(picture?.model).toMatchObject({ id: 'openai-compatible-image', model_type_id: 'text-to-image' });
    expect(picture?.data?.image?.image_info).toEqual({ width: 64, height: 48, format: 'PNG' });
    const meta = await sharp(Buffer.from(picture?.data?.image?.base64 ?? '', 'base64')).metadata();
    expect([meta.width, meta.height]).toEqual([64, 48]);
    expect(received[0]?.body).toEqual({
      model: 'dall-e-3',
      prompt: 'A lighthouse on a cliff',
      n: 1,
      size: '1024x1024',
      response_format: 'b64_json',
    });

    await predict(
      online,
      'text-to-image',
      [text('A lighthouse on a cliff. It is stormy. Waves break below.')],
      1,
    );
    expect(received[1]?.body).toMatchObject({
      model: 'gpt-image-1',
      prompt: 'A watercolour painting of A lighthouse on a cliff.',
    });
    expect(received[1]?.body).not.toHaveProperty('response_format');
  });
});

describe('a wrong key', () => {
  it('fails the node with the endpoint message, the key redacted', async () => {
    const port = serverPort();
    const wrong = 'sk-wrong-key-1234567890';
    const engine = await startTestEngine({
      catalog: defaultCatalog({ generative: { baseUrl: `http://127.0.0.1:${port}/v1`, apiKey: wrong } }),
    });
    try {
      const { body, raw } = await predict(engine, 'text-generation', [text(PROMPT)], 0);
      expect(body.status.code).toBe(10010);
      expect(body.results?.[0]?.outputs?.[1]?.status).toMatchObject({
        code: 21313,
        details: expect.stringContaining('answered HTTP 401: Incorrect API key provided: Bearer [redacted]'),
      });
      expect(raw).not.toContain(wrong);
    } finally {
      await engine.close();
    }
  });
});
