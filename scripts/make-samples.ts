/**
 * Makes the sample inputs the empty page offers (public/samples/), small and real:
 *   sign.png      "OPEN DAILY / CAFE" rendered in DejaVu Sans (OCR, translation)
 *   face.jpg      five faces in a row, cut from a screenshot shipped in @vladmandic/human (MIT)
 *   clip.mp4      4 s of counting digits, H.264 (video OCR, per-frame models)
 *   sentence.txt  a mixed-feelings sentence (sentiment, text workflows)
 *   spoken.wav    flite speaking a short sentence, 16 kHz mono (speech recognition)
 * Run: node --import tsx scripts/make-samples.ts   (needs ffmpeg and flite on the PATH)
 * The outputs are committed; src/features/recent-inputs/samples.ts lists them.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { faceStrip } from '../engine/vision/testing/fixtures';
import { inTempDir } from '../engine/video/test-clips';
import { spokenWav } from '../e2e/support/speech';

const run = promisify(execFile);
const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public', 'samples');
const MAX_BYTES = 200 * 1024;

export const SENTENCE = 'I love how fast this workflow runs, but the results were terrible yesterday.';
const SPOKEN = 'The weather is lovely today, and I am very happy.';


/** Dark capitals on a cream board: two lines, large enough for OCR to read exactly. */
async function sign(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="300">
  <rect width="100%" height="100%" fill="#fdf8ec"/>
  <rect x="12" y="12" width="696" height="276" fill="none" stroke="#1f2937" stroke-width="6" rx="18"/>
  <text x="360" y="128" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" font-size="76" fill="#111827">OPEN DAILY</text>
  <text x="360" y="232" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" font-size="76" fill="#111827">CAFE</text>
</svg>`;
  return sharp(Buffer.from(svg)).png({ palette: true, colours: 16 }).toBuffer();
}

function digitFrame(digit: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180"><rect width="100%" height="100%" fill="white"/><text x="50%" y="50%" dominant-baseline="central" text-anchor="middle" font-family="DejaVu Sans" font-size="130" font-weight="bold" fill="black">${digit}</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Four seconds at 10 fps; second s shows the digit s+1. `+faststart` so a browser plays it from a URL at once. */
async function clip(): Promise<Buffer> {
  return inTempDir(async (dir) => {
    for (let second = 0; second < 4; second++) {
      await writeFile(path.join(dir, `digit${second}.png`), await digitFrame(second + 1));
    }
    // Each still becomes one second of the stream through ffmpeg's concat of looped images.
    const list =
      [0, 1, 2, 3].map((s) => `file 'digit${s}.png'\nduration 1`).join('\n') + `\nfile 'digit3.png'\n`;
    await writeFile(path.join(dir, 'list.txt'), list);
    const out = path.join(dir, 'clip.mp4');
    await run('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-f',
      'concat',
      '-safe',
      '0',
      '-i',
      path.join(dir, 'list.txt'),
      '-vf',
      'fps=10,format=yuv420p',
      '-t',
      '4',
      '-c:v',
      'libx264',
      '-preset',
      'veryslow',
      '-crf',
      '30',
      '-tune',
      'stillimage',
      '-movflags',
      '+faststart',
      out,
    ]);
    return readFile(out);
  });
}

async function spoken(): Promise<Buffer> {
  const speech = await spokenWav(SPOKEN, { padSeconds: 0 });
  try {
    return speech.bytes;
  } finally {
    await speech.dispose();
  }
}

async function face(): Promise<Buffer> {
  return sharp(await faceStrip())
    .jpeg({ quality: 85, mozjpeg: true })
    .toBuffer();
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const files: [string, () => Promise<Buffer | string>][] = [
    ['sign.png', sign],
    ['face.jpg', face],
    ['clip.mp4', clip],
    ['sentence.txt', async () => `${SENTENCE}\n`],
    ['spoken.wav', spoken],
  ];
  for (const [name, make] of files) {
    const file = path.join(OUT, name);
    await writeFile(file, await make());
    const { size } = await stat(file);
    if (size > MAX_BYTES) throw new Error(`${name} is ${size} bytes, over the ${MAX_BYTES} budget`);
    console.log(`${name.padEnd(14)} ${(size / 1024).toFixed(1)} KB`);
  }
}

await main();
