/**
 * Pure coordinate maths for overlays: Clarifai boxes are fractions of the image, the SVG overlay
 * works in image pixels, and the pointer arrives in client pixels of an `object-fit: contain` box.
 */
import type { BoundingBox } from '@contract/clarifai';

export interface Size {
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/**
 * A normalised box as a pixel rect. Missing edges are 0, as protobuf's defaults say; edges are
 * clamped to the image and put in order so a sloppy box still draws inside the picture.
 */
export function boxToPixels(box: BoundingBox, image: Size): Rect {
  const top = clamp01(box.top_row ?? 0);
  const bottom = clamp01(box.bottom_row ?? 0);
  const left = clamp01(box.left_col ?? 0);
  const right = clamp01(box.right_col ?? 0);
  const y0 = Math.min(top, bottom) * image.height;
  const y1 = Math.max(top, bottom) * image.height;
  const x0 = Math.min(left, right) * image.width;
  const x1 = Math.max(left, right) * image.width;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Where an image of `natural` size is drawn inside `container` under `object-fit: contain`. */
export function containRect(container: Size, natural: Size): Rect & { scale: number } {
  if (natural.width <= 0 || natural.height <= 0 || container.width <= 0 || container.height <= 0) {
    return { x: 0, y: 0, width: 0, height: 0, scale: 0 };
  }
  const scale = Math.min(container.width / natural.width, container.height / natural.height);
  const width = natural.width * scale;
  const height = natural.height * scale;
  return { x: (container.width - width) / 2, y: (container.height - height) / 2, width, height, scale };
}

/**
 * A client-space point (e.g. a pointer event) as image pixels, given the element's client rect.
 * `null` when the point falls in the letterbox bars, outside the picture.
 */
export function clientToImage(point: Point, element: Rect, natural: Size): Point | null {
  const content = containRect({ width: element.width, height: element.height }, natural);
  if (content.scale === 0) return null;
  const x = (point.x - element.x - content.x) / content.scale;
  const y = (point.y - element.y - content.y) / content.scale;
  if (x < 0 || y < 0 || x > natural.width || y > natural.height) return null;
  return { x, y };
}

export function containsPoint(rect: Rect, point: Point): boolean {
  return (
    point.x >= rect.x &&
    point.x <= rect.x + rect.width &&
    point.y >= rect.y &&
    point.y <= rect.y + rect.height
  );
}

/**
 * The index of the box under a point, or -1. When boxes nest (an OCR word inside its line), the
 * smallest wins, so every box can be reached with the pointer.
 */
export function hitTest(point: Point, rects: readonly Rect[]): number {
  let best = -1;
  let bestArea = Infinity;
  rects.forEach((rect, index) => {
    const area = rect.width * rect.height;
    if (containsPoint(rect, point) && area < bestArea) {
      best = index;
      bestArea = area;
    }
  });
  return best;
}

/**
 * Where to put a label of `label` size for `box` so it does not cover the object: above the box
 * if there is room, else below it, else (a box filling the image) just inside its top edge.
 * The label is kept inside the image horizontally.
 */
export function labelPlacement(box: Rect, label: Size, image: Size): Point & { inside: boolean } {
  const x = Math.max(0, Math.min(box.x, image.width - label.width));
  if (box.y - label.height >= 0) return { x, y: box.y - label.height, inside: false };
  if (box.y + box.height + label.height <= image.height) return { x, y: box.y + box.height, inside: false };
  return { x, y: Math.max(0, box.y), inside: true };
}

export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Labels for many boxes, placed one after the other so they do not cover their object and, where
 * a free spot exists, not each other. Each label tries, in order: above its box (left-aligned),
 * below it, above right-aligned, below right-aligned; the first spot inside the image that hits
 * no label placed before wins. With no free spot it falls back to `labelPlacement` (overlapping
 * is better than hiding a label). Callers pass the most important labels first. Quadratic in the
 * number of labels, which callers cap (a picture with 5,000 labels is unreadable anyway).
 */
export function placeLabels(
  items: readonly { box: Rect; label: Size }[],
  image: Size,
  /** Spots already taken (another set of labels drawn on the same picture). */
  occupied: readonly Rect[] = [],
): (Point & { inside: boolean })[] {
  const placed: Rect[] = [...occupied];
  return items.map(({ box, label }) => {
    const left = Math.max(0, Math.min(box.x, image.width - label.width));
    const right = Math.max(0, Math.min(box.x + box.width - label.width, image.width - label.width));
    const above = box.y - label.height;
    const below = box.y + box.height;
    const candidates: Point[] = [
      { x: left, y: above },
      { x: left, y: below },
      { x: right, y: above },
      { x: right, y: below },
    ];
    const free = candidates.find(
      (spot) =>
        spot.y >= 0 &&
        spot.y + label.height <= image.height &&
        !placed.some((other) => rectsOverlap(other, { ...spot, ...label })),
    );
    const spot = free ? { ...free, inside: false } : labelPlacement(box, label, image);
    placed.push({ x: spot.x, y: spot.y, ...label });
    return spot;
  });
}

/**
 * A uniform grid over the image, each cell listing the rects that touch it, so the box under the
 * pointer is found by looking at one cell instead of every box: with thousands of boxes a pointer
 * move stays O(boxes in that cell). Built once per set of visible boxes.
 */
export interface GridIndex {
  cellSize: number;
  columns: number;
  rows: number;
  cells: Map<number, number[]>;
  rects: readonly (Rect | null)[];
}

/** About `targetPerCell` boxes per cell on average, cells no smaller than 8 image pixels. */
export function buildGridIndex(rects: readonly (Rect | null)[], image: Size, targetPerCell = 4): GridIndex {
  const count = Math.max(1, rects.filter(Boolean).length);
  const area = Math.max(1, image.width * image.height);
  const cellSize = Math.max(8, Math.sqrt((area * targetPerCell) / count));
  const columns = Math.max(1, Math.ceil(image.width / cellSize));
  const rows = Math.max(1, Math.ceil(image.height / cellSize));
  const cells = new Map<number, number[]>();
  const cellOf = (value: number, limit: number) =>
    Math.min(limit - 1, Math.max(0, Math.floor(value / cellSize)));
  rects.forEach((rect, index) => {
    if (!rect) return;
    const c0 = cellOf(rect.x, columns);
    const c1 = cellOf(rect.x + rect.width, columns);
    const r0 = cellOf(rect.y, rows);
    const r1 = cellOf(rect.y + rect.height, rows);
    for (let r = r0; r <= r1; r += 1) {
      for (let c = c0; c <= c1; c += 1) {
        const key = r * columns + c;
        const list = cells.get(key);
        if (list) list.push(index);
        else cells.set(key, [index]);
      }
    }
  });
  return { cellSize, columns, rows, cells, rects };
}

/**
 * `hitTest` through the grid: the smallest box under the point (by its index), or -1. `accept`
 * skips boxes that are not shown, so one grid serves every threshold.
 */
export function hitTestGrid(index: GridIndex, point: Point, accept?: (index: number) => boolean): number {
  if (
    point.x < 0 ||
    point.y < 0 ||
    point.x > index.columns * index.cellSize ||
    point.y > index.rows * index.cellSize
  )
    return -1;
  // A point on the far edge (x = width) still belongs to the last cell.
  const column = Math.min(index.columns - 1, Math.floor(point.x / index.cellSize));
  const row = Math.min(index.rows - 1, Math.floor(point.y / index.cellSize));
  const key = row * index.columns + column;
  let best = -1;
  let bestArea = Infinity;
  for (const candidate of index.cells.get(key) ?? []) {
    const rect = index.rects[candidate];
    if (!rect || !containsPoint(rect, point) || (accept && !accept(candidate))) continue;
    const area = rect.width * rect.height;
    // Ties go to the lower index, as in `hitTest`.
    if (area < bestArea || (area === bestArea && candidate < best)) {
      best = candidate;
      bestArea = area;
    }
  }
  return best;
}

/**
 * Maps data values onto a plot area: the same scale on both axes (so distances in a 2-D
 * projection are not distorted), centred, with `padding` pixels kept free around the points.
 */
export function fitPoints(points: readonly Point[], size: Size, padding: number): (p: Point) => Point {
  if (points.length === 0) return (p) => p;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  const innerW = Math.max(1, size.width - 2 * padding);
  const innerH = Math.max(1, size.height - 2 * padding);
  // A single point (or all on one spot) has no span: put it in the middle.
  const scale =
    spanX === 0 && spanY === 0
      ? 1
      : Math.min(spanX > 0 ? innerW / spanX : Infinity, spanY > 0 ? innerH / spanY : Infinity);
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  // y grows upwards in a plot and downwards on screen.
  return (p) => ({ x: size.width / 2 + (p.x - cx) * scale, y: size.height / 2 - (p.y - cy) * scale });
}
