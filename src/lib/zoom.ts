/**
 * Zoom and pan as pure maths. The zoomed content is as big as its viewport at scale 1 and is
 * shown with `transform: translate(x, y) scale(scale)` (origin at the top-left corner), so a
 * viewport point p shows the content point (p - t) / scale. Keeping this pure lets the image,
 * its mask canvases and the box overlay share one transform, and lets tests pin the maths down.
 */
import type { Point, Size } from '@/lib/geometry';

export interface ViewTransform {
  scale: number;
  x: number;
  y: number;
}

export interface ZoomLimits {
  min: number;
  max: number;
}

export const IDENTITY: ViewTransform = { scale: 1, x: 0, y: 0 };
export const DEFAULT_LIMITS: ZoomLimits = { min: 1, max: 32 };

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * Keeps the content covering the viewport: at scale ≥ 1 no empty band opens on any side. Below
 * scale 1 (only if the limits allow it) the content stays centred.
 */
export function clampTransform(t: ViewTransform, viewport: Size): ViewTransform {
  const fit = (offset: number, extent: number) =>
    t.scale >= 1 ? clamp(offset, extent * (1 - t.scale), 0) : (extent * (1 - t.scale)) / 2;
  return { scale: t.scale, x: fit(t.x, viewport.width), y: fit(t.y, viewport.height) };
}

/** The content point shown at viewport point `p`. */
export function viewportToContent(t: ViewTransform, p: Point): Point {
  return { x: (p.x - t.x) / t.scale, y: (p.y - t.y) / t.scale };
}

/** The viewport point where content point `p` is shown. */
export function contentToViewport(t: ViewTransform, p: Point): Point {
  return { x: p.x * t.scale + t.x, y: p.y * t.scale + t.y };
}

/**
 * Multiplies the scale by `factor` while the content point under `anchor` (a viewport point,
 * e.g. the pointer) stays where it is: what a person points at while zooming does not run away.
 */
export function zoomAround(
  t: ViewTransform,
  factor: number,
  anchor: Point,
  viewport: Size,
  limits: ZoomLimits = DEFAULT_LIMITS,
): ViewTransform {
  const scale = clamp(t.scale * factor, limits.min, limits.max);
  const under = viewportToContent(t, anchor);
  return clampTransform({ scale, x: anchor.x - under.x * scale, y: anchor.y - under.y * scale }, viewport);
}

/** Moves the content by a pointer drag of (dx, dy) viewport pixels. */
export function panBy(t: ViewTransform, dx: number, dy: number, viewport: Size): ViewTransform {
  return clampTransform({ scale: t.scale, x: t.x + dx, y: t.y + dy }, viewport);
}

/**
 * A two-finger gesture from one pair of touch points to the next: the scale follows the change
 * in distance, and the midpoint both anchors the zoom and pans with the fingers.
 */
export function pinch(
  t: ViewTransform,
  before: readonly [Point, Point],
  after: readonly [Point, Point],
  viewport: Size,
  limits: ZoomLimits = DEFAULT_LIMITS,
): ViewTransform {
  const distance = (pair: readonly [Point, Point]) =>
    Math.hypot(pair[1].x - pair[0].x, pair[1].y - pair[0].y);
  const middle = (pair: readonly [Point, Point]) => ({
    x: (pair[0].x + pair[1].x) / 2,
    y: (pair[0].y + pair[1].y) / 2,
  });
  const d0 = distance(before);
  const factor = d0 > 0 ? distance(after) / d0 : 1;
  const m0 = middle(before);
  const m1 = middle(after);
  const zoomed = zoomAround(t, factor, m0, viewport, limits);
  return panBy(zoomed, m1.x - m0.x, m1.y - m0.y, viewport);
}

/** A wheel event's zoom factor: smooth for trackpads (small deltas), one notch ≈ ×1.2 for mice. */
export function wheelZoomFactor(deltaY: number, deltaMode = 0): number {
  // deltaMode 1 = lines, 2 = pages (Firefox with a mouse wheel); bring both to pixels.
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(-clamp(pixels, -200, 200) * 0.0018);
}

export function transformCss(t: ViewTransform): string {
  return `translate(${t.x}px, ${t.y}px) scale(${t.scale})`;
}

export function isIdentity(t: ViewTransform): boolean {
  return t.scale === 1 && t.x === 0 && t.y === 0;
}
