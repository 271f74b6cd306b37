import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { JpegSplitter, JpegStreamError } from './jpeg-stream';

const run = promisify(execFile);

/** What ffmpeg's image2pipe writes: 12 noisy JPEGs (plenty of 0xFF00 stuffing) back to back. */
let stream: Buffer;
beforeAll(async () => {
  const { stdout } = await run(
    'ffmpeg',
    [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=s=96x64:r=10:d=1.2,noise=alls=80:allf=t',
      '-c:v',
      'mjpeg',
      '-q:v',
      '3',
      '-pix_fmt',
      'yuvj420p',
      '-f',
      'image2pipe',
      'pipe:1',
    ],
    { encoding: 'buffer', maxBuffer: 16 * 1024 * 1024 },
  );
  stream = stdout;
});

function split(bytes: Buffer, chunkSize: number) {
  const splitter = new JpegSplitter();
  const images = [];
  for (let at = 0; at < bytes.length; at += chunkSize)
    images.push(...splitter.push(bytes.subarray(at, at + chunkSize)));
  splitter.finish();
  return images;
}

describe('JpegSplitter', () => {
  it('cuts the stream into the images ffmpeg wrote, whatever the chunk boundaries', async () => {
    const whole = split(stream, stream.length);
    expect(whole).toHaveLength(12);
    expect(Buffer.concat(whole.map((image) => image.bytes)).equals(stream)).toBe(true);
    for (const size of [1, 2, 3, 7, 64, 1000, 4096]) {
      const images = split(stream, size);
      expect(images.map((image) => image.bytes.length)).toEqual(whole.map((image) => image.bytes.length));
    }
    const first = whole[0];
    if (!first) throw new Error('no image');
    expect({ width: first.width, height: first.height }).toEqual({ width: 96, height: 64 });
    expect((await sharp(first.bytes).metadata()).format).toBe('jpeg');
  });

  it('refuses what is not a JPEG stream, and a stream cut inside an image', () => {
    expect(() => new JpegSplitter().push(Buffer.from('not a jpeg'))).toThrow(JpegStreamError);
    const splitter = new JpegSplitter();
    splitter.push(stream.subarray(0, 500));
    expect(() => splitter.finish()).toThrow(JpegStreamError);
  });
});
