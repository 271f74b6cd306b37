/**
 * The swipe divider's geometry: where it sits (0..1 from the left of the picture), how a pointer
 * or a key moves it, and how each side is cut at it. Fractions of the picture, not of the screen,
 * so the divider, the clipped overlays and the downloaded PNG all split at the same pixel column.
 */
import type { Rect, Size } from '@/lib/geometry';
import type { Side } from '@/features/compare/components/types';

/** One arrow key press moves the divider by this share of the width; Page Up/Down by five. */
export const SWIPE_STEP = 0.05;

export function clampSwipe(value: number): number {
  if (!Number.isFinite(value)) return 0.5;
  return Math.min(1, Math.max(0, value));
}

/** The divider under a pointer at `clientX` over an element with these bounds (zoom included). */
export function swipeFromPointer(clientX: number, bounds: { left: number; width: number }): number {
  if (bounds.width <= 0) return 0.5;
  return clampSwipe((clientX - bounds.left) / bounds.width);
}

/** The divider after a key press; null for keys the slider does not handle. */
export function stepSwipe(value: number, key: string): number | null {
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return clampSwipe(value - SWIPE_STEP);
    case 'ArrowRight':
    case 'ArrowUp':
      return clampSwipe(value + SWIPE_STEP);
    case 'PageDown':
      return clampSwipe(value - SWIPE_STEP * 5);
    case 'PageUp':
      return clampSwipe(value + SWIPE_STEP * 5);
    case 'Home':
      return 0;
    case 'End':
      return 1;
    default:
      return null;
  }
}

/** CSS `clip-path` keeping A left of the divider and B right of it. */
export function swipeClipPath(side: Side, swipe: number): string {
  const percent = Math.round(clampSwipe(swipe) * 10000) / 100;
  return side === 'a' ? `inset(0 ${100 - percent}% 0 0)` : `inset(0 0 0 ${percent}%)`;
}

/** The same cut in image pixels, for the PNG: whole columns, so A and B never overlap or gap. */
export function swipeClipRect(side: Side, swipe: number, size: Size): Rect {
  const split = Math.round(clampSwipe(swipe) * size.width);
  return side === 'a'
    ? { x: 0, y: 0, width: split, height: size.height }
    : { x: split, y: 0, width: size.width - split, height: size.height };
}
