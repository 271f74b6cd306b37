import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MEDIA_LIMITS } from './limits';
import { prepareInput, type MediaOptions } from './prepare-input';

const png = () =>
  sharp({ create: { width: 40, height: 20, channels: 3, background: 'white' } })
    .png()
    .toBuffer();

function options(overrides: Partial<MediaOptions> = {}): MediaOptions {
  return {
    fetch: () => Promise.reject(new Error('no network in tests')),
    fetchTimeoutMs: 1000,
    limits: MEDIA_LIMITS,
    ...overrides,
  };
}

/** A fetch that answers every URL with `body`, streamed in chunks. */
function serving(chunks: Uint8Array[], init: ResponseInit = {}): typeof fetch {
  return async () =>
    new Response(
      new ReadableStream({
        start(controller) {
          chunks.forEach((chunk) => controller.enqueue(chunk));
          controller.close();
        },
      }),
      init,
    );
}

async function failure(data: Parameters<typeof prepareInput>[0]['data'], opts = options()) {
  const prepared = await prepareInput({ id: 'in', data }, opts);
  if (prepared.ok) throw new Error('expected the input to fail');
  return prepared.status;
}

describe('prepareInput', () => {
  it('decodes base64 images, probes them and echoes a marker instead of the bytes', async () => {
    const bytes = await png();
    const prepared = await prepareInput({ data: { image: { base64: bytes.toString('base64') } } }, options());
    if (!prepared.ok) throw new Error(prepared.status.details);
    expect(prepared.input.id).toMatch(/^[0-9a-f]{32}$/);
    expect(prepared.input.image).toMatchObject({ format: 'png', width: 40, height: 20 });
    expect(prepared.echo).toEqual({ image: { base64: 'dHJ1ZQ==' } });
  });

  it('answers 30300 for bytes that are not an image or not base64', async () => {
    expect((await failure({ image: { base64: Buffer.from('hello').toString('base64') } })).code).toBe(30300);
    expect((await failure({ image: { base64: 'not base64!' } })).code).toBe(30300);
  });

  it('answers 30105 for images over the byte or pixel limit', async () => {
    const bytes = await png();
    const small = options({ limits: { ...MEDIA_LIMITS, imageBytes: 10 } });
    expect((await failure({ image: { base64: bytes.toString('base64') } }, small)).code).toBe(30105);
    const fewPixels = options({ limits: { ...MEDIA_LIMITS, imagePixels: 100 } });
    const status = await failure({ image: { base64: bytes.toString('base64') } }, fewPixels);
    expect(status).toMatchObject({ code: 30105, details: expect.stringContaining('40x20') });
  });

  it('answers 30106 for URLs it will not fetch', async () => {
    expect((await failure({ image: { url: 'not a url' } })).code).toBe(30106);
    expect((await failure({ image: { url: 'file:///etc/passwd' } })).code).toBe(30106);
  });

  it('downloads http URLs, and answers 30002 when the download fails', async () => {
    const bytes = await png();
    const ok = await prepareInput(
      { data: { image: { url: 'https://example.test/a.png' } } },
      options({ fetch: serving([bytes]) }),
    );
    expect(ok.ok && ok.input.image?.width).toBe(40);
    expect(ok.echo).toEqual({ image: { url: 'https://example.test/a.png' } });

    const notFound = await failure(
      { image: { url: 'https://example.test/missing.png' } },
      options({ fetch: serving([], { status: 404 }) }),
    );
    expect(notFound).toMatchObject({ code: 30002, details: expect.stringContaining('HTTP 404') });
    expect((await failure({ image: { url: 'https://example.test/a.png' } })).code).toBe(30002);
  });

  it('stops reading a download as soon as it passes the size limit', async () => {
    let pulled = 0;
    const endless: typeof fetch = async () =>
      new Response(
        new ReadableStream({
          pull(controller) {
            pulled += 1;
            controller.enqueue(new Uint8Array(1024));
          },
        }),
      );
    const limits = { ...MEDIA_LIMITS, imageBytes: 10 * 1024 };
    const status = await failure(
      { image: { url: 'https://example.test/huge' } },
      options({ fetch: endless, limits }),
    );
    expect(status.code).toBe(30105);
    expect(pulled).toBeLessThan(20);
  });

  it('gives up on a download that takes too long', async () => {
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    const status = await failure(
      { image: { url: 'https://example.test/slow' } },
      options({ fetch: hanging, fetchTimeoutMs: 50 }),
    );
    expect(status).toMatchObject({ code: 30002, details: expect.stringContaining('timed out') });
  });

  it('reads raw text and text by URL', async () => {
    const raw = await prepareInput({ data: { text: { raw: 'hello' } } }, options());
    expect(raw.ok && raw.input.text).toBe('hello');
    const byUrl = await prepareInput(
      { data: { text: { url: 'https://example.test/t.txt' } } },
      options({ fetch: serving([new TextEncoder().encode('from url')]) }),
    );
    expect(byUrl.ok && byUrl.input.text).toBe('from url');
  });

  it('holds text to the text limit, raw or by URL', async () => {
    const limits = { ...MEDIA_LIMITS, textBytes: 8 };
    expect(await failure({ text: { raw: 'ñandú ñandú' } }, options({ limits }))).toMatchObject({
      code: 30105,
      details: 'text.raw is 15 bytes, over the limit of 8 bytes',
    });
    const byUrl = await failure(
      { text: { url: 'https://example.test/long.txt' } },
      options({ limits, fetch: serving([new TextEncoder().encode('more than eight bytes')]) }),
    );
    expect(byUrl.code).toBe(30105);
    expect(MEDIA_LIMITS.textBytes).toBe(20 * 1024 * 1024);
  });

  it('reads audio bytes or downloads audio by URL, under the audio limit', async () => {
    const sent = await prepareInput(
      { data: { audio: { base64: Buffer.from('RIFF....').toString('base64') } } },
      options(),
    );
    expect(sent.ok && sent.input.audio?.toString()).toBe('RIFF....');
    expect(sent.echo.audio?.base64).toBe('dHJ1ZQ==');
    const byUrl = await prepareInput(
      { data: { audio: { url: 'https://example.test/a.mp3' } } },
      options({ fetch: serving([new TextEncoder().encode('ID3...')]) }),
    );
    expect(byUrl.ok && byUrl.input.audio?.toString()).toBe('ID3...');
    const limits = { ...MEDIA_LIMITS, audioBytes: 4 };
    const big = await failure(
      { audio: { url: 'https://example.test/a.mp3' } },
      options({ limits, fetch: serving([new Uint8Array(5)]) }),
    );
    expect(big.code).toBe(30105);
    expect((await failure({ audio: {} })).code).toBe(30104);
  });

  it('answers 30104 for an input with nothing to read', async () => {
    expect((await failure({})).code).toBe(30104);
    expect((await failure({ image: {} })).code).toBe(30104);
  });
});
