import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadVideo, type VideoDownloadOptions } from './video-download';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lens-download-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const url = new URL('https://example.test/v.mp4');
const options = (
  fetch: typeof globalThis.fetch,
  overrides: Partial<VideoDownloadOptions> = {},
): VideoDownloadOptions => ({
  fetch,
  idleTimeoutMs: 1000,
  maxBytes: 1000,
  ...overrides,
});

function chunks(parts: Uint8Array[], init: ResponseInit = {}): typeof fetch {
  return async () =>
    new Response(
      new ReadableStream({
        start(controller) {
          parts.forEach((part) => controller.enqueue(part));
          controller.close();
        },
      }),
      init,
    );
}

describe('downloadVideo', () => {
  it('streams the body into the file', async () => {
    const file = path.join(dir, 'ok');
    const size = await downloadVideo(
      url,
      file,
      options(chunks([new Uint8Array([1, 2]), new Uint8Array([3])])),
    );
    expect(size).toBe(3);
    expect([...(await readFile(file))]).toEqual([1, 2, 3]);
  });

  it('refuses a declared or an actual size over the cap (30105), and a failed download (30002)', async () => {
    const file = path.join(dir, 'big');
    const declared = chunks([new Uint8Array(10)], { headers: { 'content-length': '5000' } });
    await expect(downloadVideo(url, file, options(declared))).rejects.toMatchObject({
      code: 30105,
      message: 'video at https://example.test/v.mp4 is over the 1000 bytes limit for a video by URL: trim it',
    });
    const undeclared = chunks([new Uint8Array(600), new Uint8Array(600)]);
    await expect(downloadVideo(url, file, options(undeclared))).rejects.toMatchObject({ code: 30105 });
    await expect(downloadVideo(url, file, options(chunks([], { status: 404 })))).rejects.toMatchObject({
      code: 30002,
      message: expect.stringContaining('HTTP 404'),
    });
  });

  it('gives up on a download that stalls, however long it has been running', async () => {
    const stalling: typeof fetch = async (_url, init) =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new Uint8Array(10));
            init?.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
          },
        }),
      );
    await expect(
      downloadVideo(url, path.join(dir, 'stall'), options(stalling, { idleTimeoutMs: 50 })),
    ).rejects.toMatchObject({ code: 30002, message: expect.stringContaining('stalled: no data for 50 ms') });
  });
});
