/**
 * Masks of two versions as classes to compare: each side's masks of one class merged into one
 * raster (a segmenter may answer several regions per class), and the disagreement painted in two
 * colours. Pure, over decoded binary rasters; decoding is `decode-masks.ts`'s (browser) business.
 */
import type { Size } from '@/lib/geometry';
import { hexToRgb } from '@/lib/colors';
import { mergeDisagreements, ONLY_A, ONLY_B, type ClassMaskDiff } from '@/features/compare/lib/diff-masks';

/** Pixels only A claims, and only B claims: orange and blue (Okabe-Ito, told apart by most eyes). */
export const DISAGREEMENT_COLORS = { a: '#E69F00', b: '#0072B2' } as const;

export interface ClassMask {
  classKey: string;
  /** One byte per pixel of the comparison size, non-zero inside. */
  mask: Uint8Array;
}

/** Class → the union of that class's masks. */
export function masksByClass(masks: readonly ClassMask[], size: Size): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const { classKey, mask } of masks) {
    let merged = out.get(classKey);
    if (!merged) {
      merged = new Uint8Array(size.width * size.height);
      out.set(classKey, merged);
    }
    for (let p = 0; p < merged.length; p += 1) if ((mask[p] ?? 0) !== 0) merged[p] = 1;
  }
  return out;
}

/** A disagreement raster (0, ONLY_A, ONLY_B) as RGBA: A's pixels orange, B's blue, the rest clear. */
export function paintDisagreement(
  disagreement: Uint8Array,
  colors: { a: string; b: string } = DISAGREEMENT_COLORS,
): Uint8ClampedArray<ArrayBuffer> {
  const a = hexToRgb(colors.a);
  const b = hexToRgb(colors.b);
  const out = new Uint8ClampedArray(disagreement.length * 4);
  for (let p = 0; p < disagreement.length; p += 1) {
    const value = disagreement[p];
    const color = value === ONLY_A ? a : value === ONLY_B ? b : null;
    if (!color) continue;
    out[p * 4] = color[0];
    out[p * 4 + 1] = color[1];
    out[p * 4 + 2] = color[2];
    out[p * 4 + 3] = 255;
  }
  return out;
}

/** The size masks are compared at: the picture's, scaled down so its longer side is at most `max`. */
export function comparisonSize(natural: Size, max = 1024): Size {
  const scale = Math.min(1, max / Math.max(natural.width, natural.height, 1));
  return {
    width: Math.max(1, Math.round(natural.width * scale)),
    height: Math.max(1, Math.round(natural.height * scale)),
  };
}

/**
 * The comparison without the classes switched off in the legend: their rows left out and their
 * pixels no longer counted as disagreement, as the boxes and masks of those classes are hidden.
 */
export function withoutHiddenClasses(
  classes: readonly ClassMaskDiff[],
  hidden: ReadonlySet<string>,
  size: Size,
): { classes: ClassMaskDiff[]; disagreement: Uint8Array } {
  const shown = classes.filter((row) => !hidden.has(row.className));
  return { classes: shown, disagreement: mergeDisagreements(shown, size) };
}
