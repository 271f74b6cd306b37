/** The frame sampler against real ffmpeg: which frames it picks, backpressure, and cleanup. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MediaError } from '../media/media-error';
import { sampleFrames, type FrameStream, type VideoFrame } from './frames';
import { probeVideo } from './probe';
import { planFrames, type FramePlan } from './sampling';
import { grayRampClip, meanLuma, noisyClip } from './test-clips';
import { defaultTools, runningChildren } from './tools';

const tools = defaultTools();
let dir: string;
let ramp: string;
let noisy: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lens-frames-test-'));
  ramp = path.join(dir, 'ramp.mp4');
  noisy = path.join(dir, 'noisy.mp4');
  await writeFile(ramp, await grayRampClip());
  await writeFile(noisy, await noisyClip());
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(async () => {
  // Every test must leave no ffmpeg behind.
  await until(() => runningChildren() === 0);
  expect(runningChildren()).toBe(0);
});

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition() && Date.now() - start < timeoutMs)
    await new Promise((resolve) => setTimeout(resolve, 10));
}

async function collect(stream: FrameStream): Promise<VideoFrame[]> {
  const frames: VideoFrame[] = [];
  for await (const frame of stream) frames.push(frame);
  return frames;
}

/** The ramp's frame i has luma 5·i and lasts 100 ms: which source frame each sample shows. */
async function sourceFrames(plan: FramePlan): Promise<number[]> {
  const frames = await collect(sampleFrames(ramp, plan, { tools }));
  return Promise.all(frames.map(async (frame) => Math.round((await meanLuma(frame.image.bytes)) / 5)));
}

/** The frame on screen at time t of a 10 fps clip. */
const onScreen = (plan: FramePlan) =>
  Array.from({ length: plan.count }, (_, k) => Math.floor((plan.firstMs + k * plan.periodMs) / 100));

describe('sampleFrames', () => {
  it('takes the frame on screen at the middle of each window', async () => {
    const { durationMs } = await probeVideo(ramp, tools, { maxDurationMs: 600_000 });
    expect(durationMs).toBe(5000);
    for (const sampleMs of [1000, 500, 100, 150, 333, 99, 1960]) {
      const plan = planFrames(durationMs, sampleMs);
      expect([sampleMs, await sourceFrames(plan)]).toEqual([sampleMs, onScreen(plan)]);
    }
  });

  it('gives a clip shorter than half a window one frame, from its middle', async () => {
    const plan = planFrames(5000, 60000);
    expect(await sourceFrames(plan)).toEqual([25]);
  });

  it('numbers frames and times them, and reads their size without decoding', async () => {
    const frames = await collect(sampleFrames(ramp, planFrames(5000, 1000), { tools }));
    expect(frames.map((frame) => [frame.index, frame.timeMs])).toEqual([
      [0, 500],
      [1, 1500],
      [2, 2500],
      [3, 3500],
      [4, 4500],
    ]);
    expect(frames[0]?.image).toMatchObject({ width: 64, height: 48 });
  });

  it('pauses ffmpeg while the consumer is behind, and resumes when it catches up', async () => {
    const plan = planFrames(10_000, 100);
    const stream = sampleFrames(noisy, plan, { tools, maxBuffered: 2 });
    const first = await stream.next();
    expect(first.value?.index).toBe(0);

    // The consumer stops taking frames: the reader fills its small buffer and pauses the pipe.
    await until(() => stream.stats.paused);
    expect(stream.stats.paused).toBe(true);
    const held = stream.stats.decoded;
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Nothing more is read while paused: ffmpeg is blocked on the full pipe, not racing ahead.
    expect(stream.stats.decoded).toBe(held);
    expect(stream.stats.buffered).toBeLessThanOrEqual(4);
    expect(stream.stats.decoded).toBeLessThan(plan.count / 2);
    expect(stream.stats.running).toBe(true);

    const rest = await collect(stream);
    expect(rest).toHaveLength(plan.count - 1);
    expect(rest.at(-1)?.timeMs).toBe(9950);
    expect(stream.stats.running).toBe(false);
  });

  it('kills ffmpeg when the signal aborts', async () => {
    const abort = new AbortController();
    const stream = sampleFrames(noisy, planFrames(10_000, 100), { tools, signal: abort.signal });
    await stream.next();
    abort.abort(new Error('client went away'));
    await expect(stream.next()).rejects.toThrow('client went away');
    await stream.close();
    expect(stream.stats.running).toBe(false);
  });

  it('kills ffmpeg when the consumer stops early', async () => {
    const stream = sampleFrames(noisy, planFrames(10_000, 100), { tools });
    for await (const frame of stream) if (frame.index === 2) break;
    expect(stream.stats.running).toBe(false);
  });

  it('answers 30300 for a file that ends early, after the frames it could decode', async () => {
    // The ramp with its index moved to the front, then cut: the header promises 5 s, the data stops.
    const { execFile } = await import('node:child_process');
    const faststart = path.join(dir, 'faststart.mp4');
    await new Promise<void>((resolve, reject) =>
      execFile(
        'ffmpeg',
        ['-v', 'error', '-y', '-i', noisy, '-c', 'copy', '-movflags', '+faststart', faststart],
        (error) => (error ? reject(error) : resolve()),
      ),
    );
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(faststart);
    const cut = path.join(dir, 'cut.mp4');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));

    const { durationMs } = await probeVideo(cut, tools, { maxDurationMs: 600_000 });
    const stream = sampleFrames(cut, planFrames(durationMs, 1000), { tools });
    const got: number[] = [];
    const failure = await (async () => {
      try {
        for await (const frame of stream) got.push(frame.index);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(failure).toBeInstanceOf(MediaError);
    expect(failure).toMatchObject({
      code: 30300,
      message: expect.stringMatching(/truncated or damaged: only \d+ of 10 frames/),
    });
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThan(10);
  });
});
