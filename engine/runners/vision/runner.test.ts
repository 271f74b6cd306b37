/**
 * The vision runner's own behaviour (batching, per-item statuses, params, the pool's lifetime,
 * answering inside regions) over a scripted pool, so no model loads here. The real models run in
 * engine/workflows/vision-workflows.test.ts.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Data } from '../../../contract/clarifai';
import { VisionError, type Vision } from '../../vision';
import { RunnerFailure } from '../failure';
import type { RunnerItem } from '../types';
import type { VisionHost } from './host';
import { createFaceAttributeRunner, createFaceDetectorRunner } from './models';

function scriptedVision(overrides: Partial<Vision>): Vision {
  const unused = () => Promise.reject(new Error('not scripted'));
  return {
    detectFaces: unused,
    faceAttributes: unused,
    detectObjects: unused,
    embedImage: unused,
    moderate: unused,
    segmentPerson: unused,
    upscale: unused,
    stats: () => ({ size: 0, live: 0, busy: 0, queued: 0, spawned: 0 }),
    close: async () => undefined,
    ...overrides,
  };
}

function scriptedHost(vision: Vision) {
  const counts = { acquired: 0, released: 0, inFlight: 0, peak: 0 };
  const host: VisionHost = {
    acquire: () => {
      counts.acquired++;
      return vision;
    },
    release: async () => {
      counts.released++;
    },
    async schedule(task) {
      counts.inFlight++;
      counts.peak = Math.max(counts.peak, counts.inFlight);
      try {
        return await task(vision);
      } finally {
        counts.inFlight--;
      }
    },
  };
  return { host, counts };
}

const ctx = { signal: new AbortController().signal, outputConfig: {} };
const box = { top_row: 0.25, left_col: 0.25, bottom_row: 0.75, right_col: 0.75 };

function imageItem(id: string, bytes: Buffer, parents: Data[] = []): RunnerItem {
  return {
    input: { id, data: {}, image: { bytes, format: 'png', width: 8, height: 8, orientation: 1 } },
    parents,
  };
}

describe('createVisionRunner (through the face detector)', () => {
  it('answers every item at once, each with its own result or status, and its own model time', async () => {
    const vision = scriptedVision({
      async detectFaces(image) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        if (image.toString() === 'broken') throw new VisionError('bad_input', 'image could not be decoded');
        return { faces: [{ box, score: 0.9 }], width: 8, height: 8, timeMs: 12 };
      },
    });
    const { host, counts } = scriptedHost(vision);
    const runner = createFaceDetectorRunner('face-detection', host);
    await runner.load();
    const textOnly: RunnerItem = { input: { id: 't', data: {}, text: 'hello' }, parents: [] };
    const results = await runner.predict(
      [
        imageItem('a', Buffer.from('ok')),
        imageItem('b', Buffer.from('broken')),
        textOnly,
        imageItem('c', Buffer.from('ok')),
      ],
      { min_value: 0.5, max_objects: 5 },
      ctx,
    );
    expect(results.map((r) => ('error' in r ? r.error.code : 10000))).toEqual([10000, 30300, 30104, 10000]);
    expect(results[0]).toMatchObject({
      timeMs: 12,
      data: { regions: [{ value: 0.9, region_info: { bounding_box: box } }] },
    });
    expect(results[1]).toEqual({
      error: { code: 30300, details: 'face-detection: image could not be decoded' },
    });
    expect(counts.peak).toBe(3); // the three image items were in the pool together
    await runner.close();
    expect([counts.acquired, counts.released]).toEqual([1, 1]);
  });

  it('fails the whole node on an invalid parameter, before running anything', async () => {
    const { host, counts } = scriptedHost(scriptedVision({}));
    const runner = createFaceDetectorRunner('face-detection', host);
    const error: unknown = await runner
      .predict([imageItem('a', Buffer.from('x'))], { max_objects: 0 }, ctx)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunnerFailure);
    expect(error).toMatchObject({ code: 21313, message: expect.stringContaining('max_objects') });
    expect(counts.peak).toBe(0);
  });
});

describe('answering inside regions (through the emotion classifier)', () => {
  const emotions = [
    { id: 'happiness', name: 'happiness', value: 0.7 },
    { id: 'neutral', name: 'neutral', value: 0.2 },
    { id: 'fear', name: 'fear', value: 0.1 },
  ];

  it("reads a crop's own image, cuts a detection's box from the input, and mirrors the regions", async () => {
    const seen: { width?: number; height?: number }[] = [];
    const vision = scriptedVision({
      async faceAttributes(image, which) {
        seen.push(await sharp(image).metadata());
        expect(which).toEqual(['emotion']);
        return { emotion: emotions, timeMs: 5 };
      },
    });
    const runner = createFaceAttributeRunner(
      'face-sentiment-recognition',
      'emotion',
      scriptedHost(vision).host,
    );
    const input = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#888' } })
      .png()
      .toBuffer();
    const crop = await sharp({ create: { width: 6, height: 7, channels: 3, background: '#fff' } })
      .jpeg()
      .toBuffer();
    const regions = [
      {
        id: 'crop',
        region_info: { bounding_box: box },
        data: { image: { base64: crop.toString('base64') } },
      },
      {
        id: 'detection',
        region_info: { bounding_box: box },
        value: 0.9,
        data: { concepts: [{ id: 'face' }] },
      },
    ];
    const [result] = await runner.predict(
      [imageItem('a', input, [{ regions }])],
      { min_value: 0.15, max_concepts: 0 },
      ctx,
    );
    // The two regions run concurrently: which one's metadata is read first is not fixed.
    expect(seen.map((m) => [m.width, m.height]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))).toEqual([
      [6, 7],
      [20, 10],
    ]);
    expect(result).toMatchObject({
      data: {
        regions: [
          { id: 'crop', region_info: { bounding_box: box }, data: { concepts: emotions.slice(0, 2) } },
          { id: 'detection', region_info: { bounding_box: box }, data: { concepts: emotions.slice(0, 2) } },
        ],
      },
    });
    // Only id, place and the answer: not the parent's image, concepts or value.
    expect(result && 'data' in result ? result.data.regions?.[1] : undefined).toEqual({
      id: 'detection',
      region_info: { bounding_box: box },
      data: { concepts: emotions.slice(0, 2) },
    });
    expect(result && 'timeMs' in result ? result.timeMs : 0).toBeGreaterThanOrEqual(10);
  });

  it('classifies the whole image without a detector, and answers no regions when none were found', async () => {
    const vision = scriptedVision({ faceAttributes: async () => ({ emotion: emotions, timeMs: 5 }) });
    const runner = createFaceAttributeRunner(
      'face-sentiment-recognition',
      'emotion',
      scriptedHost(vision).host,
    );
    const image = Buffer.from('image');
    const [whole, none] = await runner.predict(
      [imageItem('a', image), imageItem('b', image, [{ regions: [] }])],
      { min_value: 0, max_concepts: 1 },
      ctx,
    );
    expect(whole).toEqual({ data: { concepts: [emotions[0]] }, timeMs: 5 });
    expect(none).toEqual({ data: { regions: [] }, timeMs: 0 });
  });
});
