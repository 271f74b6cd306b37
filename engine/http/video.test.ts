/**
 * Video through the HTTP API: the Video-OCR workflow on a counting clip made here (second s shows
 * the digit s), the frame arithmetic, the request and input limits, and cleanup.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PostWorkflowResultsResponse, type Output } from '../../contract/clarifai';
import { jsonRequest, renderTextPng, startTestEngine, type TestEngine } from '../test/fixtures';
import { countingClip, longTinyClip } from '../video/test-clips';
import { runningChildren } from '../video/tools';
import { createApp } from './app';

const VIDEO_OCR_V1 = '5d9655ff9b6ca2e4594bfd4184edd264';
const VIDEO_OCR_V2 = '538635981a9d5132de246a51ab280eb2';

let t: TestEngine;
let app: ReturnType<typeof createApp>;
let tempDir: string;
let clip: Buffer;
let clipBase64: string;

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), 'lens-video-http-'));
  t = await startTestEngine();
  app = createApp({ ...t.engine.deps, video: { tempDir } });
  clip = await countingClip();
  clipBase64 = clip.toString('base64');
});
afterAll(async () => {
  await t.close();
  await rm(tempDir, { recursive: true, force: true });
});
afterEach(async () => {
  // No request leaves a temporary video or an ffmpeg behind.
  expect(await readdir(tempDir)).toEqual([]);
  expect(runningChildren()).toBe(0);
});

async function predict(
  body: object,
  url = `/v2/users/local/apps/main/workflows/Video-OCR/versions/${VIDEO_OCR_V1}/results`,
  on = app,
) {
  const response = await on.request(url, jsonRequest('POST', body));
  return { http: response.status, body: PostWorkflowResultsResponse.parse(await response.json()) };
}

const video = (sampleMs?: number, data: object = { video: { base64: clipBase64 } }) => ({
  inputs: [{ id: 'clip', data }],
  ...(sampleMs === undefined ? {} : { output_config: { sample_ms: sampleMs } }),
});

const frameTexts = (output: Output | undefined) =>
  output?.data?.frames?.map((frame) => frame.data?.text?.raw);
const frameTimes = (output: Output | undefined) =>
  output?.data?.frames?.map((frame) => frame.frame_info?.time);

describe('Video-OCR', () => {
  it('reads each second of the clip at the default 1000 ms: 5 frames at 500..4500', async () => {
    const { http, body } = await predict(video());
    expect(http).toBe(200);
    expect(body.status.code).toBe(10000);
    const [result] = body.results ?? [];
    expect(result?.status?.code).toBe(10000);
    expect(result?.input).toEqual({ id: 'clip', data: { video: { base64: 'dHJ1ZQ==' } } });
    const [ocr, ...rest] = result?.outputs ?? [];
    expect(rest).toEqual([]);
    expect(ocr?.model?.id).toBe('ocr-tesseract-english');
    expect(ocr?.status).toMatchObject({ code: 10000, time_ms: expect.any(Number) });
    expect(ocr?.data?.frames?.map((frame) => frame.frame_info)).toEqual([
      { index: 0, time: 500 },
      { index: 1, time: 1500 },
      { index: 2, time: 2500 },
      { index: 3, time: 3500 },
      { index: 4, time: 4500 },
    ]);
    expect(frameTexts(ocr)).toEqual(['0', '1', '2', '3', '4']);
    // Each frame carries its own regions, boxes in fractions of the frame.
    const box = ocr?.data?.frames?.[3]?.data?.regions?.[0]?.region_info?.bounding_box;
    expect(box?.top_row).toBeGreaterThan(0);
    expect(box?.bottom_row).toBeLessThan(1);
    expect(ocr?.data?.frames?.[0]?.id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('at 500 ms reads 10 frames, two per second', async () => {
    const { body } = await predict(video(500));
    const [ocr] = body.results?.[0]?.outputs ?? [];
    expect(frameTimes(ocr)).toEqual([250, 750, 1250, 1750, 2250, 2750, 3250, 3750, 4250, 4750]);
    expect(frameTexts(ocr)).toEqual(['0', '0', '1', '1', '2', '2', '3', '3', '4', '4']);
  });

  it('at 60000 ms, longer than the clip, reads one frame at the middle of the clip (2500 ms)', async () => {
    const { body } = await predict(video(60000));
    const [ocr] = body.results?.[0]?.outputs ?? [];
    expect(ocr?.data?.frames?.map((frame) => frame.frame_info)).toEqual([{ index: 0, time: 2500 }]);
    expect(frameTexts(ocr)).toEqual(['2']);
  });

  it('v2 (latest) reads by word and adds the Spanish translation of every frame', async () => {
    const { body } = await predict(video(), '/v2/workflows/Video-OCR/results');
    expect(body.workflow?.version?.id).toBe(VIDEO_OCR_V2);
    const [ocr, spanish] = body.results?.[0]?.outputs ?? [];
    expect(ocr?.data?.frames?.[2]?.data?.regions?.map((region) => region.data?.text?.raw)).toEqual(['2']);
    expect(spanish?.model?.id).toBe('text-translation-english-spanish');
    expect(frameTimes(spanish)).toEqual([500, 1500, 2500, 3500, 4500]);
    expect(frameTexts(spanish)).toEqual(['0', '1', '2', '3', '4']);
  });

  it('reads a WebM whose header states no duration (as a browser records it)', async () => {
    const webm = await countingClip({ format: 'webm', seconds: 3 });
    const { body } = await predict(video(undefined, { video: { base64: webm.toString('base64') } }));
    const [ocr] = body.results?.[0]?.outputs ?? [];
    expect(frameTimes(ocr)).toEqual([500, 1500, 2500]);
    expect(frameTexts(ocr)).toEqual(['0', '1', '2']);
  });

  it('answers a video and an image in one request, each in its own result', async () => {
    const sign = (await renderTextPng(['STOP'])).toString('base64');
    const { body } = await predict({
      inputs: [{ data: { image: { base64: sign } } }, { data: { video: { base64: clipBase64 } } }],
      output_config: { sample_ms: 2000 },
    });
    expect(body.status.code).toBe(10000);
    const [image, clipResult] = body.results ?? [];
    expect(image?.outputs?.[0]?.data?.text?.raw).toBe('STOP');
    expect(image?.outputs?.[0]?.data?.frames).toBeUndefined();
    expect(frameTimes(clipResult?.outputs?.[0])).toEqual([1000, 3000]);
    expect(frameTexts(clipResult?.outputs?.[0])).toEqual(['1', '3']);
  });

  it('downloads a video by URL and echoes the URL', async () => {
    const served: typeof fetch = async () =>
      new Response(new Uint8Array(clip), { headers: { 'content-length': String(clip.length) } });
    const byUrl = createApp({
      ...t.engine.deps,
      media: { ...t.engine.deps.media, fetch: served },
      video: { tempDir },
    });
    const { body } = await predict(
      video(undefined, { video: { url: 'https://example.test/clip.mp4' } }),
      undefined,
      byUrl,
    );
    expect(body.results?.[0]?.input?.data).toEqual({ video: { url: 'https://example.test/clip.mp4' } });
    expect(frameTexts(body.results?.[0]?.outputs?.[0])).toEqual(['0', '1', '2', '3', '4']);
  });
});

describe('video requests that cannot run (40001)', () => {
  it.each([99, 60001, 150.5])('refuses sample_ms %s', async (sampleMs) => {
    const { http, body } = await predict(video(sampleMs));
    expect(http).toBe(400);
    expect(body.status).toMatchObject({ code: 40001, details: expect.stringContaining('sample_ms') });
  });

  it('takes the bounds themselves, 100 and 60000', async () => {
    // (100 ms runs OCR on 50 frames; the planted-runner test below checks all 50. Here: accepted.)
    expect((await predict(video(60000))).body.status.code).toBe(10000);
  });

  it('refuses two videos in one request', async () => {
    const { http, body } = await predict({
      inputs: [
        { data: { video: { base64: clipBase64 } } },
        { data: { video: { url: 'https://example.test/b.mp4' } } },
      ],
    });
    expect(http).toBe(400);
    expect(body.status).toMatchObject({ code: 40001, details: expect.stringContaining('one video') });
  });
});

describe('videos that cannot be used', () => {
  it('answers 30300 for a truncated MP4, and the next request is served', async () => {
    const half = clip.subarray(0, Math.floor(clip.length / 2)).toString('base64');
    const { http, body } = await predict(video(undefined, { video: { base64: half } }));
    expect(http).toBe(400);
    expect(body.status.code).toBe(10020);
    const [result] = body.results ?? [];
    expect(result?.status).toMatchObject({ code: 30300, details: expect.stringContaining('truncated') });
    expect(result?.outputs?.[0]?.status?.code).toBe(30300);

    const again = await predict(video(60000));
    expect(again.body.status.code).toBe(10000);
  });

  it('answers 30300 for bytes that are not a video (a PNG)', async () => {
    const png = (await renderTextPng(['HI'])).toString('base64');
    const { body } = await predict(video(undefined, { video: { base64: png } }));
    expect(body.results?.[0]?.status?.code).toBe(30300);
  });

  it('answers 30105 for a video over 10 minutes', async () => {
    const long = await longTinyClip(601);
    const { body } = await predict(video(undefined, { video: { base64: long.toString('base64') } }));
    expect(body.results?.[0]?.status).toMatchObject({
      code: 30105,
      details: 'video is 10 min 1 s long, over the limit of 10 minutes for a video: trim it',
    });
  });

  it('answers 30105 for uploaded bytes over the limit (small limit), naming both sizes', async () => {
    const small = createApp({
      ...t.engine.deps,
      media: { ...t.engine.deps.media, limits: { ...t.engine.deps.media.limits, mediaBytes: 1024 * 1024 } },
      video: { tempDir },
    });
    const justOver = Buffer.alloc(1024 * 1024 + 1).toString('base64');
    const { http, body } = await predict(video(undefined, { video: { base64: justOver } }), undefined, small);
    expect(http).toBe(400);
    expect(body.results?.[0]?.status).toMatchObject({
      code: 30105,
      details: 'video is 1 MB + 1 byte, over the 1 MB limit for uploaded bytes: trim it or give a URL',
    });
  });

  it('answers 30105 for a video of 128 MB + 1 byte (real size)', async () => {
    const started = performance.now();
    const base64 = Buffer.alloc(128 * 1024 * 1024 + 1).toString('base64');
    const { http, body } = await predict(video(undefined, { video: { base64 } }));
    expect(http).toBe(400);
    expect(body.results?.[0]?.status).toMatchObject({
      code: 30105,
      details: 'video is 128 MB + 1 byte, over the 128 MB limit for uploaded bytes: trim it or give a URL',
    });
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('answers 11100, naming the body limit, when even the JSON body is over its cap (small limit)', async () => {
    const limits = { ...t.engine.deps.media.limits, requestBytes: 4096 };
    const capped = createApp({
      ...t.engine.deps,
      media: { ...t.engine.deps.media, limits },
      video: { tempDir },
    });
    const { http, body } = await predict(
      video(undefined, { video: { base64: 'A'.repeat(8192) } }),
      undefined,
      capped,
    );
    expect(http).toBe(400);
    expect(body.status).toMatchObject({
      code: 11100,
      details: expect.stringMatching(
        /^the request body is over the 4 KB limit for a JSON body \(128 MB of media as base64.*by URL$/,
      ),
    });
  });

  it('answers 30105 for a video by URL over the 300 MB limit (small limit), stopping the download', async () => {
    let pulled = 0;
    const endless: typeof fetch = async () =>
      new Response(
        new ReadableStream({
          pull(controller) {
            pulled += 1;
            controller.enqueue(new Uint8Array(64 * 1024));
          },
        }),
      );
    const capped = createApp({
      ...t.engine.deps,
      media: {
        ...t.engine.deps.media,
        fetch: endless,
        limits: { ...t.engine.deps.media.limits, videoUrlBytes: 1024 * 1024 },
      },
      video: { tempDir },
    });
    const { body } = await predict(
      video(undefined, { video: { url: 'https://example.test/huge.mp4' } }),
      undefined,
      capped,
    );
    expect(body.results?.[0]?.status).toMatchObject({
      code: 30105,
      details: 'video at https://example.test/huge.mp4 is over the 1 MB limit for a video by URL: trim it',
    });
    expect(pulled).toBeLessThan(40);
  });
});
