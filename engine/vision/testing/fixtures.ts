/**
 * Real photos for the model tests, cut from images that ship inside installed packages (MIT):
 * @vladmandic/human's screenshots hold real face photos, and @upscalerjs's fixture is a flower.
 * Nothing is copied into the repository; the crops are made on the fly with sharp.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { packageRoot } from '../model-files';

const humanAssets = () => path.join(packageRoot('@vladmandic/human'), 'assets');

/**
 * Five face close-ups side by side (800x170): the bottom row of Human's face-detect screenshot.
 * The faces sit in these column ranges (fractions of the width), one per range, left to right:
 * a man, then four women; the second woman smiles broadly.
 */
export const STRIP_FACE_COLUMNS: readonly (readonly [number, number])[] = [
  [0.016, 0.195],
  [0.206, 0.39],
  [0.4, 0.586],
  [0.598, 0.78],
  [0.79, 0.98],
];

export async function faceStrip(): Promise<Buffer> {
  const source = await readFile(path.join(humanAssets(), 'screenshot-facedetect.jpg'));
  return sharp(source).extract({ left: 0, top: 340, width: 800, height: 170 }).jpeg({ quality: 92 }).toBuffer();
}

/** A man's head and shoulders, facing the camera (140x138), from Human's face-id screenshot. */
export async function manPortrait(): Promise<Buffer> {
  const source = await readFile(path.join(humanAssets(), 'screenshot-faceid.jpg'));
  return sharp(source).extract({ left: 14, top: 143, width: 140, height: 138 }).jpeg({ quality: 92 }).toBuffer();
}

/**
 * A man seated at a restaurant table (215x158), from Human's samples collage: a person filling
 * the middle, dark background in the top corners.
 */
export async function manAtTable(): Promise<Buffer> {
  const source = await readFile(path.join(humanAssets(), 'samples.jpg'));
  return sharp(source).extract({ left: 325, top: 0, width: 215, height: 158 }).jpeg({ quality: 92 }).toBuffer();
}

/** A red hibiscus flower, 128x128 PNG: no person, no face. */
export async function flower(): Promise<Buffer> {
  return readFile(path.join(packageRoot('@upscalerjs/default-model'), 'assets/fixture.png'));
}

/** The pixel value of a 1-channel (or first-channel) PNG at fractions (x, y). */
export async function pixelAt(png: Uint8Array, x: number, y: number): Promise<number> {
  const { data, info } = await sharp(png).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  const col = Math.min(info.width - 1, Math.floor(x * info.width));
  const row = Math.min(info.height - 1, Math.floor(y * info.height));
  return data[row * info.width + col] ?? -1;
}
