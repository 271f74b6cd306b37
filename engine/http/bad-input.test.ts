/**
 * Bad input, one case per row: each answers its exact status code and HTTP status, the engine
 * stays up (health check) and a good request right after it succeeds. No traffic leaves loopback:
 * refused addresses are refused before any connection; the loopback servers are allowed by port.
 * The body cap is scaled down (4 MB, text 1 MB) so the over-the-cap cases stream a few MB, not 170.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync, crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BaseResponse, PostWorkflowResultsResponse } from '../../contract/clarifai';
import type { Runner } from '../runners/types';
import { fakeModel } from '../test/fake-models';
import type { TestEngine } from '../test/fixtures';
import { sleepyRunner, startPlantedEngine } from '../test/planted';

const MB = 1024 * 1024;

/** Answers the image's size as text: enough to prove an image got through preparation. */
const imageSizeRunner = (): Runner => ({
  load: async () => undefined,
  predict: async (items) =>
    items.map((item) =>
      item.input.image
        ? { data: { text: { raw: `${item.input.image.width}x${item.input.image.height}` } }, timeMs: 1 }
        : { error: { code: 30104, details: 'no image' } },
    ),
  close: async () => undefined,
});

let t: TestEngine;
let servers: Server[] = [];
let pngServer: Server;
let htmlServer: Server;
let redirector: Server;
let toFile: Server;
let png: Buffer;
const port = (server: Server) => (server.address() as AddressInfo).port;
const at = (server: Server, path = '/') => `http://127.0.0.1:${port(server)}${path}`;
let served = 0;

async function listen(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return server;
}

beforeAll(async () => {
  png = await sharp({ create: { width: 40, height: 20, channels: 3, background: 'white' } })
    .png()
    .toBuffer();
  pngServer = await listen((_request, response) => {
    served++;
    response.writeHead(200, { 'content-type': 'image/png' });
    response.end(png);
  });
  htmlServer = await listen((_request, response) => {
    // Labelled as a PNG; the bytes say otherwise.
    response.writeHead(200, { 'content-type': 'image/png' });
    response.end('<!DOCTYPE html><html><body>not an image</body></html>');
  });
  // Allowed itself, it redirects to pngServer's port, which only some engines allow.
  redirector = await listen((_request, response) => {
    response.writeHead(302, { location: at(pngServer, '/moved.png') });
    response.end();
  });
  toFile = await listen((_request, response) => {
    response.writeHead(301, { location: 'file:///etc/passwd' });
    response.end();
  });
  t = await startPlantedEngine(
    { echo: ['echo'], look: ['image-size'] },
    [fakeModel('echo', () => sleepyRunner(0)), fakeModel('image-size', imageSizeRunner)],
    {
      // The PNG server is allowed only in the direct-fetch case below, through a second engine.
      urlAllowList: [redirector, htmlServer, toFile].map((server) => `127.0.0.1:${port(server)}`),
      limits: { requestBytes: 4 * MB, textBytes: 1 * MB },
    },
  );
});

afterAll(async () => {
  await t.close();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
});

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const imageB64 = (bytes: Buffer | string) => ({
  inputs: [{ id: 'in', data: { image: { base64: Buffer.from(bytes).toString('base64') } } }],
});
const imageUrl = (url: string) => ({ inputs: [{ id: 'in', data: { image: { url } } }] });
const look = '/v2/workflows/look/results';
const echo = '/v2/workflows/echo/results';

/** A PNG whose header claims `width` × `height` (valid signature, IHDR and CRC), with no pixels. */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(16))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An MP4's first bytes: an `ftyp` box. */
const mp4Head = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypisom\0\0\x02\0isomiso2', 'latin1'),
]);

/** A body of `size` bytes sent in 64 KB chunks, never held whole. */
function streamedBody(size: number): RequestInit {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) {
        controller.close();
        return;
      }
      const chunk = new Uint8Array(Math.min(64 * 1024, size - sent)).fill(0x20);
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  const init: RequestInit & { duplex: 'half' } = {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    duplex: 'half',
  };
  return init;
}

interface Case {
  readonly name: string;
  readonly path: string;
  readonly init: () => RequestInit | Promise<RequestInit>;
  /** The request's status code and HTTP status. */
  readonly code: number;
  readonly http: number;
  /** The first input's status code, for input-level failures. */
  readonly input?: number;
  /** Words its details must contain. */
  readonly details?: RegExp;
}

const cases: Case[] = [
  {
    name: 'malformed JSON',
    path: echo,
    init: () => json('{"inputs": ['),
    code: 11100,
    http: 400,
    details: /not valid JSON/,
  },
  { name: 'a JSON null body', path: echo, init: () => json('null'), code: 11100, http: 400 },
  { name: 'a body that is not JSON at all', path: echo, init: () => json('hello'), code: 11100, http: 400 },
  {
    name: 'inputs not an array',
    path: echo,
    init: () => json({ inputs: { data: { text: { raw: 'x' } } } }),
    code: 11100,
    http: 400,
  },
  {
    name: 'data a string',
    path: echo,
    init: () => json({ inputs: [{ data: 'text' }] }),
    code: 11100,
    http: 400,
  },
  {
    name: 'text.raw a number',
    path: echo,
    init: () => json({ inputs: [{ data: { text: { raw: 42 } } }] }),
    code: 11100,
    http: 400,
  },
  {
    name: 'empty data',
    path: echo,
    init: () => json({ inputs: [{ data: {} }] }),
    code: 10020,
    http: 400,
    input: 30104,
  },
  {
    name: 'empty inputs',
    path: echo,
    init: () => json({ inputs: [] }),
    code: 40001,
    http: 400,
    details: /1 to 32 inputs/,
  },
  {
    name: '33 inputs',
    path: echo,
    init: () => json({ inputs: Array.from({ length: 33 }, () => ({ data: { text: { raw: 'x' } } })) }),
    code: 40001,
    http: 400,
    details: /this one has 33/,
  },
  {
    name: 'zero-byte image',
    path: look,
    init: () => json(imageB64('')),
    code: 10020,
    http: 400,
    input: 30104,
  },
  {
    name: 'truncated PNG',
    path: look,
    init: () => json(imageB64(png.subarray(0, 20))),
    code: 10020,
    http: 400,
    input: 30300,
  },
  {
    name: 'a text file labelled image',
    path: look,
    init: () => json(imageB64('hello, plain text')),
    code: 10020,
    http: 400,
    input: 30300,
  },
  {
    name: '86-megapixel PNG (header only, refused before decoding)',
    path: look,
    init: () => json(imageB64(pngHeader(10_000, 8_600))),
    code: 10020,
    http: 400,
    input: 30105,
    details: /86\.0 megapixels/,
  },
  {
    name: 'invalid base64',
    path: look,
    init: () => json({ inputs: [{ data: { image: { base64: 'not base64!' } } }] }),
    code: 10020,
    http: 400,
    input: 30300,
  },
  {
    name: 'a video given as image',
    path: look,
    init: () => json(imageB64(mp4Head)),
    code: 10020,
    http: 400,
    input: 30300,
    details: /MP4 video, not an image: send it as data\.video/,
  },
  {
    name: 'an HTML page served as image/png (type judged from the bytes)',
    path: look,
    init: () => json(imageUrl(at(htmlServer, '/a.png'))),
    code: 10020,
    http: 400,
    input: 30300,
    details: /HTML page, not an image/,
  },
  {
    name: 'two videos',
    path: look,
    init: () =>
      json({
        inputs: [
          { data: { video: { url: 'http://10.0.0.1/a.mp4' } } },
          { data: { video: { url: 'http://10.0.0.1/b.mp4' } } },
        ],
      }),
    code: 40001,
    http: 400,
    details: /one video, this one has 2/,
  },
  {
    name: 'sample_ms 99',
    path: echo,
    init: () => json({ inputs: [{ data: { text: { raw: 'x' } } }], output_config: { sample_ms: 99 } }),
    code: 40001,
    http: 400,
  },
  {
    name: 'sample_ms 60001',
    path: echo,
    init: () => json({ inputs: [{ data: { text: { raw: 'x' } } }], output_config: { sample_ms: 60001 } }),
    code: 40001,
    http: 400,
  },
  {
    name: 'unknown workflow',
    path: '/v2/workflows/nope/results',
    init: () => json({ inputs: [{ data: { text: { raw: 'x' } } }] }),
    code: 22102,
    http: 404,
  },
  {
    name: 'unknown version',
    path: '/v2/users/local/apps/main/workflows/echo/versions/nope/results',
    init: () => json({ inputs: [{ data: { text: { raw: 'x' } } }] }),
    code: 11101,
    http: 404,
  },
  {
    name: 'unknown model',
    path: '/v2/models/no-such-model',
    init: () => ({ method: 'GET' }),
    code: 21200,
    http: 404,
  },
  {
    name: 'workflow id with ../',
    path: '/v2/workflows/..%2F..%2Fetc%2Fpasswd/results',
    init: () => json({ inputs: [{ data: { text: { raw: 'x' } } }] }),
    code: 22102,
    http: 404,
  },
  {
    name: 'version id with ../',
    path: '/v2/users/local/apps/main/workflows/echo/versions/..%2F..%2Fecho%2Fv1/results',
    init: () => json({ inputs: [{ data: { text: { raw: 'x' } } }] }),
    code: 11101,
    http: 404,
  },
  {
    name: 'PATCH of a workflow id with ../',
    path: '/v2/workflows',
    init: () => ({
      ...json({ action: 'overwrite', workflows: [{ id: '../echo', nodes: [] }] }),
      method: 'PATCH',
    }),
    code: 22102,
    http: 404,
  },
  {
    name: 'URL to 127.0.0.1',
    path: look,
    init: () => json(imageUrl('http://127.0.0.1:1/a.png')),
    code: 10020,
    http: 400,
    input: 30002,
    details: /127\.0\.0\.1 is a loopback address; set ENGINE_URL_ALLOWLIST/,
  },
  {
    name: 'URL to [::1]',
    path: look,
    init: () => json(imageUrl('http://[::1]:1/a.png')),
    code: 10020,
    http: 400,
    input: 30002,
    details: /::1 is a loopback address/,
  },
  {
    name: 'URL to localhost',
    path: look,
    init: () => json(imageUrl('http://localhost:1/a.png')),
    code: 10020,
    http: 400,
    input: 30002,
    details: /localhost resolves to .* loopback address/,
  },
  {
    name: 'URL to 10.0.0.1',
    path: look,
    init: () => json(imageUrl('http://10.0.0.1/a.png')),
    code: 10020,
    http: 400,
    input: 30002,
    details: /10\.0\.0\.1 is a private address/,
  },
  {
    name: 'URL to 169.254.169.254',
    path: look,
    init: () => json(imageUrl('http://169.254.169.254/latest/meta-data/')),
    code: 10020,
    http: 400,
    input: 30002,
    details: /cloud metadata address/,
  },
  {
    name: 'URL to metadata.google.internal',
    path: look,
    init: () => json(imageUrl('http://metadata.google.internal/')),
    code: 10020,
    http: 400,
    input: 30002,
    details: /cloud metadata service/,
  },
  {
    name: 'text by URL to 192.168.1.1',
    path: echo,
    init: () => json({ inputs: [{ data: { text: { url: 'http://192.168.1.1/a.txt' } } }] }),
    code: 10020,
    http: 400,
    input: 30002,
  },
  {
    name: 'audio by URL to 10.0.0.1',
    path: echo,
    init: () => json({ inputs: [{ data: { audio: { url: 'http://10.0.0.1/a.wav' } } }] }),
    code: 10020,
    http: 400,
    input: 30002,
  },
  {
    name: 'video by URL to 169.254.169.254',
    path: look,
    init: () => json({ inputs: [{ data: { video: { url: 'http://169.254.169.254/v.mp4' } } }] }),
    code: 10020,
    http: 400,
    input: 30002,
    details: /cloud metadata address/,
  },
  {
    name: 'a file:// URL',
    path: look,
    init: () => json(imageUrl('file:///etc/passwd')),
    code: 10020,
    http: 400,
    input: 30106,
  },
  {
    name: 'a ftp:// URL',
    path: look,
    init: () => json(imageUrl('ftp://example.com/a.png')),
    code: 10020,
    http: 400,
    input: 30106,
  },
  {
    name: 'not a URL',
    path: look,
    init: () => json(imageUrl('::not a url::')),
    code: 10020,
    http: 400,
    input: 30106,
  },
  {
    name: 'a loopback server redirecting to another loopback port',
    path: look,
    init: () => json(imageUrl(at(redirector, '/a.png'))),
    code: 10020,
    http: 400,
    input: 30002,
    details:
      /redirect 1 to http:\/\/127\.0\.0\.1:\d+\/moved\.png: refused: 127\.0\.0\.1 is a loopback address/,
  },
  {
    name: 'a redirect to file://',
    path: look,
    init: () => json(imageUrl(at(toFile, '/a.png'))),
    code: 10020,
    http: 400,
    input: 30106,
    details: /redirect 1 to file:\/\/\/etc\/passwd: only http and https/,
  },
  {
    name: 'a body over the cap, streamed without a length',
    path: echo,
    init: () => streamedBody(5 * MB),
    code: 11100,
    http: 400,
    details: /over the 4 MB limit for a JSON body/,
  },
  {
    name: 'a body declaring 200 MB',
    path: echo,
    init: () => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(200 * MB) },
      body: '{}',
    }),
    code: 11100,
    http: 400,
  },
  {
    name: 'a huge text (over the text limit)',
    path: echo,
    init: () => json({ inputs: [{ data: { text: { raw: 'a'.repeat(1 * MB + 1) } } }] }),
    code: 10020,
    http: 400,
    input: 30105,
    details: /over the limit of 1 MB/,
  },
  {
    name: 'one bad input among good ones',
    path: echo,
    init: () =>
      json({ inputs: [{ data: { text: { raw: 'ok' } } }, { data: { image: { url: 'http://10.0.0.1/' } } }] }),
    code: 10010,
    http: 200,
    input: 10000,
  },
  { name: 'GET on results', path: echo, init: () => ({ method: 'GET' }), code: 11101, http: 404 },
  {
    name: 'unknown fields (accepted)',
    path: echo,
    init: () => json({ inputs: [{ data: { text: { raw: 'x', mood: 'odd' } }, extra: 1 }], surprise: true }),
    code: 10000,
    http: 200,
    input: 10000,
  },
];

async function goodRequestSucceeds(): Promise<void> {
  expect((await t.app.request('/healthz')).status).toBe(200);
  const response = await t.app.request(echo, json({ inputs: [{ data: { text: { raw: 'still here' } } }] }));
  expect(response.status).toBe(200);
  const parsed = PostWorkflowResultsResponse.parse(await response.json());
  expect(parsed.status.code).toBe(10000);
  expect(parsed.results?.[0]?.outputs?.[0]?.data?.text?.raw).toBe('still here');
}

describe('bad input', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('$name → $code / $http', async ({ path, init, code, http, input, details }) => {
    const response = await t.app.request(path, await init());
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body: unknown = await response.json();
    const parsed = PostWorkflowResultsResponse.safeParse(body);
    const status = BaseResponse.parse(body).status;
    const inputStatus = parsed.success ? parsed.data.results?.[0]?.status : undefined;
    expect({ code: status.code, http: response.status, input: inputStatus?.code }).toEqual({
      code,
      http,
      input,
    });
    if (details) expect(`${status.details ?? ''} ${inputStatus?.details ?? ''}`).toMatch(details);
    await goodRequestSucceeds();
  });

  it('echoes HTML and script in text inputs as plain JSON text', async () => {
    const raw = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const response = await t.app.request(echo, json({ inputs: [{ data: { text: { raw } } }] }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const parsed = PostWorkflowResultsResponse.parse(await response.json());
    expect(parsed.results?.[0]?.input?.data?.text?.raw).toBe(raw);
    expect(parsed.results?.[0]?.outputs?.[0]?.data?.text?.raw).toBe(raw);
    await goodRequestSucceeds();
  });

  it('never contacted the PNG server that was not allowed', () => {
    expect(served).toBe(0);
  });

  it('serves an image from an allowed loopback server, and after a redirect when both ports are allowed', async () => {
    const allowed = await startPlantedEngine(
      { look: ['image-size'] },
      [fakeModel('image-size', imageSizeRunner)],
      {
        urlAllowList: `127.0.0.1:${port(pngServer)},127.0.0.1:${port(redirector)}`,
      },
    );
    try {
      for (const url of [at(pngServer, '/a.png'), at(redirector, '/a.png')]) {
        const response = await allowed.app.request(look, json(imageUrl(url)));
        const parsed = PostWorkflowResultsResponse.parse(await response.json());
        expect([response.status, parsed.status.code]).toEqual([200, 10000]);
        expect(parsed.results?.[0]?.outputs?.[0]?.data?.text?.raw).toBe('40x20');
      }
      expect(served).toBe(2);
    } finally {
      await allowed.close();
    }
  });
});
