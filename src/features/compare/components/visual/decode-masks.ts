/**
 * Browser glue: a mask file decoded to a binary raster at the comparison size, via an <img> and a
 * canvas. Test environments without image decoding (jsdom) are told apart up front, so the view
 * can say so instead of waiting forever for a picture that never loads.
 */
import type { Size } from '@/lib/geometry';
import { binaryMask } from '@/features/compare/lib/diff-masks';
import { loadImage } from '@/features/results/lib/mask-raster';

/** Whether this environment decodes pictures (a browser does; jsdom does not). */
export function canDecodeImages(): boolean {
  return typeof createImageBitmap === 'function';
}

export async function decodeMask(src: string, size: Size): Promise<Uint8Array> {
  if (!canDecodeImages()) throw new Error('this environment cannot decode mask images');
  const picture = await loadImage(src);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('this browser cannot draw on a canvas');
  // Nearest neighbour, as the overlay draws masks: smoothing would grow every region by a pixel.
  context.imageSmoothingEnabled = false;
  context.drawImage(picture, 0, 0, size.width, size.height);
  return binaryMask(context.getImageData(0, 0, size.width, size.height).data);
}
