/**
 * Measures each model's load and inference time on this machine, for the table in README.md:
 *
 *   node --import tsx engine/vision/measure.ts
 *
 * One worker, so every model loads exactly once; each operation runs once cold (the worker's
 * first call also compiles wasm kernels for new shapes) and then `RUNS` more times warm.
 */
import sharp from 'sharp';
import { createVision, type Timing } from './index';
import { cropRegions } from './models/crop';
import { faceStrip, flower, manAtTable, manPortrait } from './testing/fixtures';

const RUNS = 5;

const vision = createVision({ workers: 1 });
const [strip, portrait, table, hibiscus] = await Promise.all([faceStrip(), manPortrait(), manAtTable(), flower()]);
const photo = await sharp(table).resize(1024, 752, { fit: 'fill' }).jpeg().toBuffer();
const started = performance.now();
const { faces, loadMs: faceLoad = 0, timeMs: faceTime } = await vision.detectFaces(portrait);
const wall = performance.now() - started;
console.log(`worker start (thread, tsx, tfjs wasm init): ${(wall - faceLoad - faceTime).toFixed(0)} ms`);
console.log(`face detector load (Human + BlazeFace): ${faceLoad.toFixed(0)} ms`);
const { crops } = await cropRegions(portrait, faces.map((f) => f.box));
const faceCrop = crops[0]?.image;
if (!faceCrop) throw new Error('no face in the portrait');

const cases: [string, string, () => Promise<Timing>][] = [
  ['face detection (BlazeFace)', '800x170, 5 faces', () => vision.detectFaces(strip)],
  ['face detection (BlazeFace)', '1024x752 photo', () => vision.detectFaces(photo)],
  ['face attributes (emotion + FaceRes)', `${crops[0]?.width}x${crops[0]?.height} crop`, () => vision.faceAttributes(faceCrop)],
  ['objects (CenterNet)', '1024x752 photo', () => vision.detectObjects(photo)],
  ['embedding (nsfwjs MobileNetV2)', '1024x752 photo', () => vision.embedImage(photo)],
  ['moderation (nsfwjs MobileNetV2)', '1024x752 photo', () => vision.moderate(photo)],
  ['person mask (selfie)', '1024x752 photo', () => vision.segmentPerson(photo)],
  ['upscale ×2 (default-model)', '128x128 -> 256x256', () => vision.upscale(hibiscus, 2)],
  ['upscale ×4 (esrgan-slim x4)', '128x128 -> 512x512', () => vision.upscale(hibiscus, 4)],
  ['upscale ×2 (default-model)', '512x512 -> 1024x1024 (16 tiles)', async () => vision.upscale(await sharp(hibiscus).resize(512).toBuffer(), 2)],
];

console.log('| model | input | load (ms) | first call (ms) | warm median (ms) |');
console.log('|---|---|---|---|---|');
for (const [name, input, run] of cases) {
  const first = await run();
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) warm.push((await run()).timeMs);
  warm.sort((a, b) => a - b);
  const load = first.loadMs === undefined ? '(loaded)' : first.loadMs.toFixed(0);
  console.log(`| ${name} | ${input} | ${load} | ${first.timeMs.toFixed(0)} | ${(warm[Math.floor(RUNS / 2)] ?? 0).toFixed(0)} |`);
}
await vision.close();
