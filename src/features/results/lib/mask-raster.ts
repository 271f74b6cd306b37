/**
 * Browser glue between a decoded mask picture and `tintMask`: draw it at the input's size, read
 * its pixels, write them back in the class colour. Used for the overlay canvases and the PNG.
 */
import type { Size } from '@/lib/geometry';
import { hexToRgb } from '@/lib/colors';
import { maskShare, tintMask } from '@/lib/mask';

/** Paints `mask` into `canvas` (already `size`), tinted with `color`; returns the region's share. */
export function paintMask(
  canvas: HTMLCanvasElement,
  mask: CanvasImageSource,
  color: string,
  size: Size,
): number {
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('this browser cannot draw on a canvas');
  context.clearRect(0, 0, size.width, size.height);
  // Nearest-neighbour: smoothing a 0/255 mask while scaling it would grow every region by a pixel.
  context.imageSmoothingEnabled = false;
  context.drawImage(mask, 0, 0, size.width, size.height);
  const pixels = context.getImageData(0, 0, size.width, size.height);
  const tinted = tintMask(pixels.data, hexToRgb(color));
  context.putImageData(new ImageData(tinted, size.width, size.height), 0, 0);
  return maskShare(tinted);
}

/** Loads a picture for drawing on a canvas; remote URLs are asked for with CORS so it can be exported. */
export function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    if (/^https?:/.test(src)) image.crossOrigin = 'anonymous';
    image.onload = () => resolve(image);
    image.onerror = () =>
      reject(new Error(`could not load ${src.startsWith('data:') ? 'an embedded image' : src}`));
    image.src = src;
  });
}
