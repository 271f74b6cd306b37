import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BYTES_MARKER } from '../../contract/clarifai';
import { MalformedBody, readSpooledBody } from './spool-body';

let tempDir: string;
beforeEach(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), 'lens-spool-'));
});
afterEach(async () => {
  // Every test leaves the folder as it found it: files are removed by dispose or on failure.
  expect(await readdir(tempDir)).toEqual([]);
  await rm(tempDir, { recursive: true, force: true });
});

/** The text as a stream cut into pieces of `size` bytes, so every boundary case is crossed. */
function streamOf(text: string, size: number): ReadableStream<Uint8Array> {
  const bytes = Buffer.from(text);
  return new ReadableStream({
    start(controller) {
      for (let at = 0; at < bytes.length; at += size) controller.enqueue(bytes.subarray(at, at + size));
      controller.close();
    },
  });
}

const read = (text: string, size: number, maxBytes = 1024 * 1024) =>
  readSpooledBody(streamOf(text, size), { tempDir, maxBytes });

describe('readSpooledBody', () => {
  const clip = Buffer.from(Array.from({ length: 3001 }, (_, i) => (i * 7) % 256));

  it.each([1, 5, 64, 1 << 20])(
    'decodes each input’s video.base64 to a file and keeps the rest of the JSON (chunks of %i bytes)',
    async (size) => {
      const text = JSON.stringify({
        inputs: [
          { id: 'a "quoted" \\ id', data: { image: { base64: 'aW1hZ2U=' } } },
          { data: { video: { base64: clip.toString('base64'), url: 'https://example.test/v.mp4' } } },
        ],
        output_config: { sample_ms: 500 },
      });
      const body = await read(text, size);
      expect(body.value).toEqual({
        inputs: [
          { id: 'a "quoted" \\ id', data: { image: { base64: 'aW1hZ2U=' } } },
          { data: { video: { base64: BYTES_MARKER, url: 'https://example.test/v.mp4' } } },
        ],
        output_config: { sample_ms: 500 },
      });
      const video = body.videos.get(1);
      expect(video).toMatchObject({ size: clip.length, valid: true });
      expect(await readFile(video?.path ?? '')).toEqual(clip);
      expect(body.videos.has(0)).toBe(false);
      await body.dispose();
    },
  );

  it('reads JSON escapes, line breaks and URL-safe characters inside the base64', async () => {
    const bytes = Buffer.from([0xfb, 0xff, 0xbf, 0x41]);
    const urlSafe = bytes.toString('base64url'); // "-_-_QQ"
    for (const size of [1, 3, 100]) {
      const body = await read(
        `{"inputs":[{"data":{"video":{"base64":"${urlSafe.slice(0, 2)}\\n\\/${urlSafe.slice(3)}"}}}]}`,
        size,
      );
      const standard = await read(`{"inputs":[{"data":{"video":{"base64":"+\\u002f+/QQ=="}}}]}`, size);
      expect(await readFile(standard.videos.get(0)?.path ?? '')).toEqual(bytes);
      expect(body.videos.get(0)?.valid).toBe(true);
      await Promise.all([body.dispose(), standard.dispose()]);
    }
  });

  it('leaves an empty string empty, and notes whitespace only, bad characters and late padding', async () => {
    const empty = await read('{"inputs":[{"data":{"video":{"base64":""}}}]}', 3);
    expect(empty.value).toEqual({ inputs: [{ data: { video: { base64: '' } } }] });
    expect(empty.videos.size).toBe(0);
    const blank = await read('{"inputs":[{"data":{"video":{"base64":"  "}}}]}', 3);
    expect(blank.videos.get(0)).toMatchObject({ characters: 0 });
    const bad = await read('{"inputs":[{"data":{"video":{"base64":"QUJD$"}}}]}', 3);
    expect(bad.videos.get(0)).toMatchObject({ valid: false });
    const padded = await read('{"inputs":[{"data":{"video":{"base64":"QQ==QUJD"}}}]}', 3);
    expect(padded.videos.get(0)).toMatchObject({ valid: false });
    await Promise.all([empty.dispose(), blank.dispose(), bad.dispose(), padded.dispose()]);
  });

  it('counts the whole size past the limit but writes no more than the limit', async () => {
    const big = Buffer.alloc(5000, 1);
    const body = await read(
      JSON.stringify({ inputs: [{ data: { video: { base64: big.toString('base64') } } }] }),
      512,
      1000,
    );
    expect(body.videos.get(0)?.size).toBe(5000);
    expect((await readFile(body.videos.get(0)?.path ?? '')).length).toBeLessThanOrEqual(1000);
    await body.dispose();
  });

  it('refuses malformed JSON, a body cut off inside the video, and raw control characters, leaving no file', async () => {
    for (const text of [
      '{"inputs":[{"data":{"video":{"base64":"QUJD"}}}]',
      '{"inputs":[{"data":{"video":{"base64":"QUJD',
      '{"inputs":[{"data":{"video":{"base64":"QU\tJD"}}}]}',
      '{"inputs":[{"data":{"video":{"base64":"QU\\xJD"}}}]}',
      'hello',
    ]) {
      await expect(read(text, 4)).rejects.toBeInstanceOf(MalformedBody);
    }
  });

  it('keeps a base64 string anywhere else in the JSON as it was', async () => {
    const text = JSON.stringify({
      base64: 'QUJD',
      inputs: [{ data: { audio: { base64: 'QUJD' } }, video: { base64: 'QUJD' } }],
    });
    const body = await read(text, 2);
    expect(body.value).toEqual(JSON.parse(text));
    expect(body.videos.size).toBe(0);
  });
});
