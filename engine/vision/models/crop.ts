/**
 * Clarifai's "image-crop" models (margin-100, margin-110...) as a pure helper: each region's box
 * is grown around its centre by the margin, clamped to the image, and cut out with sharp. Runs in
 * the calling thread (sharp works on libuv's pool, not the JS thread), no worker needed.
 */
import sharp from 'sharp';
import { VisionError } from '../errors';
import { fromPixelRect, growBox, toPixelRect } from '../geometry';
import type { FractionBox } from '../protocol';

export interface CropOptions {
  /** 1.1 = each side grown to 110% around the centre (margin-110). Default 1.1. */
  margin?: number;
  /** Default 'jpeg', like Clarifai's crop model. */
  format?: 'jpeg' | 'png';
  /** JPEG quality 1..100. Default 90. */
  quality?: number;
}

export interface Crop {
  /** The region actually cut out: the grown box, clamped and snapped to whole pixels. */
  box: FractionBox;
  image: Buffer;
  width: number;
  height: number;
  format: 'jpeg' | 'png';
}

/**
 * One crop per box, in the boxes' order. The image is decoded once (EXIF orientation applied,
 * since boxes refer to the displayed image) and every crop is cut from those pixels.
 */
export async function cropRegions(
  image: Uint8Array,
  boxes: readonly FractionBox[],
  options: CropOptions = {},
): Promise<{ crops: Crop[]; timeMs: number }> {
  const started = performance.now();
  const margin = options.margin ?? 1.1;
  const format = options.format ?? 'jpeg';
  const quality = options.quality ?? 90;
  const decoded = await sharp(image)
    .rotate()
    .raw()
    .toBuffer({ resolveWithObject: true })
    .catch((error: unknown) => {
      throw new VisionError('bad_input', `image could not be decoded: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
  const { width, height, channels } = decoded.info;
  if (!isChannelCount(channels)) throw new VisionError('bad_input', `image has ${channels} channels`);
  const raw = { raw: { width, height, channels } };
  const crops = await Promise.all(
    boxes.map(async (box) => {
      const rect = toPixelRect(growBox(box, margin), width, height);
      let pipeline = sharp(decoded.data, raw).extract(rect);
      pipeline = format === 'jpeg' ? pipeline.flatten({ background: '#ffffff' }).jpeg({ quality }) : pipeline.png();
      const bytes = await pipeline.toBuffer();
      return { box: fromPixelRect(rect, width, height), image: bytes, width: rect.width, height: rect.height, format };
    }),
  );
  return { crops, timeMs: performance.now() - started };
}

function isChannelCount(n: number): n is 1 | 2 | 3 | 4 {
  return n === 1 || n === 2 || n === 3 || n === 4;
}
