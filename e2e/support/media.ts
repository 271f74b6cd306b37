import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { digitPng, H264_FAST, inTempDir } from '../../engine/video/test-clips';

const run = promisify(execFile);

const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  );

/** A sign: black capitals on white, one line per entry, large enough for OCR to read exactly. */
export async function renderSign(lines: readonly string[], { width = 900, lineHeight = 110 } = {}) {
  const height = lineHeight * lines.length + 80;
  const text = lines
    .map(
      (line, i) =>
        `<text x="40" y="${70 + lineHeight * i + 50}" font-family="DejaVu Sans" font-weight="bold" font-size="64">${escapeXml(line)}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>${text}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/**
 * A slide show: second s shows `slides[s]` (a digit, a word or a few words) in big black letters,
 * at 10 fps. Words in one line are one region for OCR by line and several for OCR by word.
 */
export function slideClip(slides: readonly string[], { width = 560, height = 180, fps = 10 } = {}): Promise<Buffer> {
  return inTempDir(async (dir) => {
    for (const [second, text] of slides.entries()) {
      const png = await digitPng(escapeXml(text), width, height);
      for (let frame = 0; frame < fps; frame++) {
        await writeFile(path.join(dir, `f${String(second * fps + frame).padStart(5, '0')}.png`), png);
      }
    }
    const out = path.join(dir, 'slides.mp4');
    await run('ffmpeg', ['-v', 'error', '-y', '-framerate', String(fps), '-i', path.join(dir, 'f%05d.png'), ...H264_FAST, out]);
    return readFile(out);
  });
}
