import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingClip, digitPng } from './test-clips';
import { formatDuration, probeVideo } from './probe';
import { defaultTools } from './tools';

const run = promisify(execFile);
const tools = defaultTools();
const TEN_MINUTES = 600_000;
let dir: string;
let mp4: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lens-probe-test-'));
  mp4 = path.join(dir, 'clip.mp4');
  await writeFile(mp4, await countingClip({ seconds: 2 }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function file(name: string, bytes: Buffer): Promise<string> {
  const target = path.join(dir, name);
  await writeFile(target, bytes);
  return target;
}

describe('probeVideo', () => {
  it('reads the duration and size of the video stream', async () => {
    expect(await probeVideo(mp4, tools, { maxDurationMs: TEN_MINUTES })).toMatchObject({
      durationMs: 2000,
      width: 240,
      height: 180,
      codec: 'h264',
    });
  });

  it('finds the duration of a WebM whose header has none by reading its packets', async () => {
    const webm = await file('clip.webm', await countingClip({ seconds: 3, format: 'webm' }));
    const { stdout } = await run('ffprobe', [
      '-v',
      'error',
      '-show_entries',
      'format=duration',
      '-of',
      'csv=p=0',
      webm,
    ]);
    expect(stdout.trim()).toBe('N/A');
    expect((await probeVideo(webm, tools, { maxDurationMs: TEN_MINUTES })).durationMs).toBe(3000);
  });

  it('answers 30300 for a cut MP4 (its index was at the end) and for an image', async () => {
    const { readFile } = await import('node:fs/promises');
    const whole = await readFile(mp4);
    const cut = await file('cut.mp4', whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(probeVideo(cut, tools, { maxDurationMs: TEN_MINUTES })).rejects.toMatchObject({
      code: 30300,
      message: expect.stringMatching(
        /^video could not be decoded: it is truncated or not a video file ffmpeg can read \(.*moov atom not found/,
      ),
    });
    const png = await file('image.png', await digitPng('7'));
    await expect(probeVideo(png, tools, { maxDurationMs: TEN_MINUTES })).rejects.toMatchObject({
      code: 30300,
      message: expect.stringContaining('not in a video format the engine reads (MP4, MOV'),
    });
    // The temporary path means nothing to a client; it is not in the message.
    await expect(probeVideo(cut, tools, { maxDurationMs: TEN_MINUTES })).rejects.not.toMatchObject({
      message: expect.stringContaining(dir),
    });
  });

  it('answers 30300 for sound without pictures', async () => {
    const wav = path.join(dir, 'tone.m4a');
    await run('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=d=1', '-c:a', 'aac', wav]);
    await expect(probeVideo(wav, tools, { maxDurationMs: TEN_MINUTES })).rejects.toMatchObject({
      code: 30300,
      message: 'video has no picture, only sound: send it as audio',
    });
  });

  it('answers 30105 for a video over the duration limit', async () => {
    await expect(probeVideo(mp4, tools, { maxDurationMs: 1500 })).rejects.toMatchObject({
      code: 30105,
      message: 'video is 2 s long, over the limit of 1.5 s for a video: trim it',
    });
  });

  it('says what to install when ffprobe is missing', async () => {
    await expect(
      probeVideo(mp4, { ...tools, ffprobe: '/nonexistent/ffprobe' }, { maxDurationMs: TEN_MINUTES }),
    ).rejects.toMatchObject({ code: 98000, message: expect.stringContaining('apt-get install ffmpeg') });
  });
});

describe('formatDuration', () => {
  it('is exact to the millisecond, so a duration just over a limit never reads as the limit', () => {
    expect(formatDuration(600_000)).toBe('10 minutes');
    expect(formatDuration(600_001)).toBe('10 min 0.001 s');
    expect(formatDuration(750_000)).toBe('12 min 30 s');
    expect(formatDuration(4500)).toBe('4.5 s');
  });
});
