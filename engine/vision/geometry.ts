/**
 * Box arithmetic in fractions of the image, shared by the detectors (which get `[x, y, w, h]`
 * from Human) and the crop helper. Pure, so it is unit-tested directly.
 */
import type { FractionBox } from './protocol';

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));

/** Human's `boxRaw` is `[x, y, width, height]` in fractions; detectors may overshoot the image. */
export function boxFromXywh(xywh: readonly [number, number, number, number]): FractionBox {
  const [x, y, w, h] = xywh;
  return {
    top_row: clamp01(y),
    left_col: clamp01(x),
    bottom_row: clamp01(y + h),
    right_col: clamp01(x + w),
  };
}

/**
 * Grows a box around its centre by `margin` in each dimension (1.1 = 110%, Clarifai's
 * "margin-110-image-crop"), then clamps it to the image. Growth is in fractions of each axis,
 * which matches Clarifai's recorded crops: a face box 0.4623 high and 0.4767 wide came back
 * 0.5086 high and 0.5244 wide around the same centre.
 */
export function growBox(box: FractionBox, margin: number): FractionBox {
  if (!(margin > 0) || !Number.isFinite(margin)) throw new RangeError(`margin must be a positive number, got ${margin}`);
  const cy = (box.top_row + box.bottom_row) / 2;
  const cx = (box.left_col + box.right_col) / 2;
  const halfH = ((box.bottom_row - box.top_row) * margin) / 2;
  const halfW = ((box.right_col - box.left_col) * margin) / 2;
  return {
    top_row: clamp01(cy - halfH),
    left_col: clamp01(cx - halfW),
    bottom_row: clamp01(cy + halfH),
    right_col: clamp01(cx + halfW),
  };
}

export interface PixelRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The whole pixels a fractional box covers in a `width` x `height` image: edges rounded outwards
 * so a crop never loses the detector's edge row, and at least 1x1 so a degenerate box still
 * yields a valid (tiny) crop instead of a sharp error. Edges within a millionth of a pixel of a
 * whole pixel count as on it: 0.85 * 200 is 170.00000000000003 in floating point, and rounding
 * that outwards would add a column.
 */
export function toPixelRect(box: FractionBox, width: number, height: number): PixelRect {
  const snap = 1e-6;
  const left = Math.min(width - 1, Math.max(0, Math.floor(box.left_col * width + snap)));
  const top = Math.min(height - 1, Math.max(0, Math.floor(box.top_row * height + snap)));
  const right = Math.max(left + 1, Math.min(width, Math.ceil(box.right_col * width - snap)));
  const bottom = Math.max(top + 1, Math.min(height, Math.ceil(box.bottom_row * height - snap)));
  return { left, top, width: right - left, height: bottom - top };
}

/** The box a pixel rectangle covers, in fractions (what a crop's region reports). */
export function fromPixelRect(rect: PixelRect, width: number, height: number): FractionBox {
  return {
    top_row: rect.top / height,
    left_col: rect.left / width,
    bottom_row: (rect.top + rect.height) / height,
    right_col: (rect.left + rect.width) / width,
  };
}

export function isValidBox(box: FractionBox): boolean {
  const values = [box.top_row, box.left_col, box.bottom_row, box.right_col];
  return values.every((v) => Number.isFinite(v)) && box.bottom_row > box.top_row && box.right_col > box.left_col;
}
