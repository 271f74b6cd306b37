/**
 * Small clips for tests, made on the spot with ffmpeg: a counting clip (each second shows its
 * number in huge digits, rendered with sharp) and a gray ramp (frame i has luma 5·i, so a decoded
 * frame's brightness tells which source frame it is).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';

const run = promisify(execFile);

export async function inTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lens-clip-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Fast H.264 in a pixel format every browser, ffprobe and ffmpeg read. */
export const H264_FAST = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'] as const;

/** Renders an ffmpeg `lavfi` source graph to an MP4 and returns its bytes. */
function lavfiClip(source: string, codec: readonly string[] = H264_FAST): Promise<Buffer> {
  return inTempDir(async (dir) => {
    const out = path.join(dir, 'clip.mp4');
    await run('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', source, ...codec, out]);
    return readFile(out);
  });
}

/** A PNG of one huge black digit (or any short text) on white. */
export function digitPng(text: string, width = 240, height = 180): Promise<Buffer> {
  const size = Math.round(height * 0.75);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="white"/><text x="50%" y="50%" dominant-baseline="central" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="${size}" font-weight="bold" fill="black">${text}</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export interface CountingClip {
  readonly seconds?: number;
  readonly fps?: number;
  /** `mp4` (H.264, index at the end, as ffmpeg writes by default) or `webm` (VP8, streamed: no duration in its header). */
  readonly format?: 'mp4' | 'webm';
}

/** `seconds` seconds at `fps`; second s shows the digit s. Default 5 s at 10 fps, 240x180 MP4. */
export function countingClip({ seconds = 5, fps = 10, format = 'mp4' }: CountingClip = {}): Promise<Buffer> {
  return inTempDir(async (dir) => {
    for (let second = 0; second < seconds; second++) {
      const png = await digitPng(String(second % 10));
      for (let frame = 0; frame < fps; frame++) {
        await writeFile(path.join(dir, `f${String(second * fps + frame).padStart(5, '0')}.png`), png);
      }
    }
    const out = path.join(dir, `clip.${format}`);
    const codec =
      format === 'mp4' ? H264_FAST : ['-c:v', 'libvpx', '-b:v', '500k', '-pix_fmt', 'yuv420p', '-f', 'webm'];
    const args = [
      '-v',
      'error',
      '-y',
      '-framerate',
      String(fps),
      '-i',
      path.join(dir, 'f%05d.png'),
      ...codec,
    ];
    if (format === 'webm') {
      // Written to a pipe, as MediaRecorder writes: the WebM header then states no duration.
      const { stdout } = await run('ffmpeg', [...args, 'pipe:1'], {
        encoding: 'buffer',
        maxBuffer: 64 * 1024 * 1024,
      });
      return stdout;
    }
    await run('ffmpeg', [...args, out]);
    return readFile(out);
  });
}

/** `frames` frames at `fps`, frame i a flat gray of luma 5·i (lossless H.264, so levels survive). */
export function grayRampClip({ frames = 50, fps = 10, width = 64, height = 48 } = {}): Promise<Buffer> {
  const seconds = frames / fps;
  const source = `color=c=black:s=${width}x${height}:r=${fps}:d=${seconds},format=gray,geq=lum='N*5'`;
  // Lossless, so each frame's grey level survives encoding.
  return lavfiClip(source, ['-c:v', 'libx264', '-qp', '0', '-pix_fmt', 'yuv420p']);
}

/** A clip of `seconds` seconds, as small as ffmpeg can make it (for duration limits). */
export function longTinyClip(seconds: number): Promise<Buffer> {
  return lavfiClip(`color=c=gray:s=16x16:r=1:d=${seconds}`);
}

/** A noisy clip whose frames compress badly, so a few frames fill a pipe (backpressure tests). */
export function noisyClip({ seconds = 10, fps = 10, width = 320, height = 240 } = {}): Promise<Buffer> {
  return lavfiClip(`testsrc2=s=${width}x${height}:r=${fps}:d=${seconds},noise=alls=60:allf=t`);
}

/** Mean luma of an image (0..255). */
export async function meanLuma(image: Buffer): Promise<number> {
  const { channels } = await sharp(image).greyscale().stats();
  return channels[0]?.mean ?? Number.NaN;
}
