/**
 * Segmentation masks of two versions, pixel by pixel: where they disagree and how much they
 * overlap. Masks come in as binary rasters (one byte per pixel, non-zero = inside), the shape a
 * decoded mask takes after `binaryMask`; decoding the PNG is the caller's (DOM) business.
 *
 * The disagreement raster keeps which side claimed the pixel (1: only A, 2: only B), so the UI can
 * paint "lost" and "gained" pixels in two colours; any non-zero value is a disagreement (A xor B).
 */
import { maskEncoding } from '@/lib/mask';

export interface MaskSize {
  width: number;
  height: number;
}

export const ONLY_A = 1;
export const ONLY_B = 2;

export interface MaskDiff {
  /** One byte per pixel: 0 agree, ONLY_A, ONLY_B. */
  disagreement: Uint8Array;
  intersection: number;
  union: number;
  onlyA: number;
  onlyB: number;
  /** intersection / union; 1 when both masks are empty (they agree: nothing there). */
  iou: number;
}

/** A decoded RGBA raster (canvas `getImageData`) as a binary mask, read as `tintMask` reads it. */
export function binaryMask(rgba: ArrayLike<number>): Uint8Array {
  const encoding = maskEncoding(rgba);
  const out = new Uint8Array(Math.floor(rgba.length / 4));
  for (let p = 0; p < out.length; p += 1) {
    const i = p * 4;
    const inside =
      encoding === 'alpha'
        ? (rgba[i + 3] ?? 0) > 0
        : (rgba[i] ?? 0) > 0 || (rgba[i + 1] ?? 0) > 0 || (rgba[i + 2] ?? 0) > 0;
    out[p] = inside ? 1 : 0;
  }
  return out;
}

/**
 * A mask scaled to another size by nearest neighbour, for two versions whose segmenters answer at
 * different resolutions (compare them at one size, usually the input's).
 */
export function resampleMask(mask: Uint8Array, from: MaskSize, to: MaskSize): Uint8Array {
  if (from.width === to.width && from.height === to.height) return mask;
  const out = new Uint8Array(to.width * to.height);
  if (from.width <= 0 || from.height <= 0) return out;
  for (let y = 0; y < to.height; y += 1) {
    const sy = Math.min(from.height - 1, Math.floor(((y + 0.5) * from.height) / to.height));
    for (let x = 0; x < to.width; x += 1) {
      const sx = Math.min(from.width - 1, Math.floor(((x + 0.5) * from.width) / to.width));
      out[y * to.width + x] = mask[sy * from.width + sx] ?? 0;
    }
  }
  return out;
}

/** Compares two masks of `size`; throws if either is not width × height bytes (a caller bug). */
export function diffMasks(a: Uint8Array, b: Uint8Array, size: MaskSize): MaskDiff {
  const pixels = size.width * size.height;
  if (a.length !== pixels || b.length !== pixels) {
    throw new RangeError(
      `masks must be ${size.width}×${size.height} (${pixels} bytes); got ${a.length} and ${b.length}`,
    );
  }
  const disagreement = new Uint8Array(pixels);
  let intersection = 0;
  let onlyA = 0;
  let onlyB = 0;
  for (let p = 0; p < pixels; p += 1) {
    const inA = (a[p] ?? 0) !== 0;
    const inB = (b[p] ?? 0) !== 0;
    if (inA && inB) intersection += 1;
    else if (inA) {
      onlyA += 1;
      disagreement[p] = ONLY_A;
    } else if (inB) {
      onlyB += 1;
      disagreement[p] = ONLY_B;
    }
  }
  const union = intersection + onlyA + onlyB;
  return { disagreement, intersection, union, onlyA, onlyB, iou: union === 0 ? 1 : intersection / union };
}

export interface ClassMaskDiff extends MaskDiff {
  /** The class (concept id or name, whatever keys the maps). */
  className: string;
  presence: 'both' | 'a-only' | 'b-only';
}

/**
 * Per class, given each version's class → mask map (a segmenter answers one region per class). A
 * class only one version found is compared against an empty mask (IoU 0). Sorted by IoU, worst
 * first, then by name, so the classes that changed most lead.
 */
export function diffMaskClasses(
  a: ReadonlyMap<string, Uint8Array>,
  b: ReadonlyMap<string, Uint8Array>,
  size: MaskSize,
): ClassMaskDiff[] {
  const empty = new Uint8Array(size.width * size.height);
  const names = [...new Set([...a.keys(), ...b.keys()])];
  return names
    .map((className): ClassMaskDiff => {
      const maskA = a.get(className);
      const maskB = b.get(className);
      return {
        className,
        presence: maskA && maskB ? 'both' : maskA ? 'a-only' : 'b-only',
        ...diffMasks(maskA ?? empty, maskB ?? empty, size),
      };
    })
    .sort((x, y) => x.iou - y.iou || x.className.localeCompare(y.className));
}

/** The disagreement of all classes at once: a pixel disagrees if it does for any class. */
export function mergeDisagreements(diffs: readonly MaskDiff[], size: MaskSize): Uint8Array {
  const out = new Uint8Array(size.width * size.height);
  for (const diff of diffs) {
    for (let p = 0; p < out.length; p += 1) {
      const value = diff.disagreement[p] ?? 0;
      if (value !== 0 && out[p] === 0) out[p] = value;
    }
  }
  return out;
}
