/**
 * Segmentation masks as pixels. A Clarifai mask is a raster the size of the input where non-zero
 * pixels are the region (API.md). Once a browser decodes it, every PNG is RGBA, so the two shapes
 * masks come in must be told apart from the pixels themselves:
 * - an 8-bit grey (or RGB) PNG decodes fully opaque: the region is where the colour is non-zero;
 * - an RGBA PNG with transparency: the region is where alpha is non-zero (its colour may be black).
 */

export type MaskEncoding = 'value' | 'alpha';

/** 'alpha' when any pixel is not fully opaque, else 'value'. */
export function maskEncoding(rgba: ArrayLike<number>): MaskEncoding {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) return 'alpha';
  return 'value';
}

/**
 * The mask painted in one colour: region pixels become `color` at full alpha, everything else
 * transparent (opacity is applied by whoever draws it, so one tinted raster serves every opacity).
 */
export function tintMask(
  rgba: ArrayLike<number>,
  color: readonly [number, number, number],
): Uint8ClampedArray<ArrayBuffer> {
  const encoding = maskEncoding(rgba);
  const out = new Uint8ClampedArray(rgba.length);
  for (let i = 0; i + 3 < rgba.length; i += 4) {
    const inside =
      encoding === 'alpha'
        ? (rgba[i + 3] ?? 0) > 0
        : (rgba[i] ?? 0) > 0 || (rgba[i + 1] ?? 0) > 0 || (rgba[i + 2] ?? 0) > 0;
    if (!inside) continue;
    out[i] = color[0];
    out[i + 1] = color[1];
    out[i + 2] = color[2];
    out[i + 3] = 255;
  }
  return out;
}

/** The share of pixels in the region, 0..1 (for the legend: "person · 38% of the image"). */
export function maskShare(tinted: ArrayLike<number>): number {
  let inside = 0;
  const pixels = Math.floor(tinted.length / 4);
  for (let i = 3; i < tinted.length; i += 4) if ((tinted[i] ?? 0) > 0) inside += 1;
  return pixels === 0 ? 0 : inside / pixels;
}
