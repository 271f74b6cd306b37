/** A clip made from still photos, each held for whole seconds: the ground truth is which photo is on screen when. */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { H264_FAST, inTempDir } from './test-clips';

const run = promisify(execFile);

export function photoClip(
  scenes: readonly { photo: Buffer; seconds: number }[],
  { width = 320, height = 240, fps = 5 } = {},
): Promise<Buffer> {
  return inTempDir(async (dir) => {
    let frame = 0;
    for (const { photo, seconds } of scenes) {
      // Letterboxed onto a fixed canvas so every frame has the same size, as a camera would give.
      const png = await sharp(photo)
        .resize(width, height, { fit: 'contain', background: '#000' })
        .png()
        .toBuffer();
      for (let i = 0; i < seconds * fps; i++) {
        await writeFile(path.join(dir, `f${String(frame++).padStart(5, '0')}.png`), png);
      }
    }
    const out = path.join(dir, 'clip.mp4');
    const input = path.join(dir, 'f%05d.png');
    await run('ffmpeg', ['-v', 'error', '-y', '-framerate', String(fps), '-i', input, ...H264_FAST, out]);
    return readFile(out);
  });
}
