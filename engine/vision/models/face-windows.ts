/**
 * Square windows for the face detector, and merging what they find. BlazeFace sees a 256 px
 * square, and Human stretches any other shape to it, which squashes the faces of a wide photo
 * until they are missed (a 800x170 strip of five clear faces gave none). So the image is covered
 * with undistorted square windows at two scales (the short side, then half of it for small faces
 * in group photos), and the detections are merged. Pure, so the geometry is unit-tested.
 */
import type { FractionBox } from '../protocol';

export interface DetectionWindow {
  x: number;
  y: number;
  side: number;
  /** 0 = windows as large as the short side; 1 = half that, for small faces. */
  level: 0 | 1;
}

/** Level-1 windows smaller than this add little: their faces are too few pixels to trust. */
export const MIN_LEVEL1_SIDE = 160;

/**
 * Level 0 finds faces down to about 1/13 of the short side (20 px of BlazeFace's 256), so level 1
 * only needs faces under 1/8 of it, i.e. a quarter of a level-1 window: a quarter overlap is
 * enough for each of them to fit whole in some window, with fewer windows than half overlap.
 */
const LEVEL1_OVERLAP = 1 / 4;

/** Starts of windows of `side` along `length`, `overlap` of a side shared, the last flush with the end. */
function starts(length: number, side: number, overlap: number): number[] {
  if (side >= length) return [0];
  const stride = Math.max(1, Math.floor(side * (1 - overlap)));
  const out: number[] = [];
  for (let s = 0; s + side < length; s += stride) out.push(s);
  out.push(length - side);
  return out;
}

export function planWindows(width: number, height: number, minLevel1Side = MIN_LEVEL1_SIDE): DetectionWindow[] {
  const side0 = Math.min(width, height);
  const windows: DetectionWindow[] = [];
  for (const y of starts(height, side0, 1 / 2)) for (const x of starts(width, side0, 1 / 2)) windows.push({ x, y, side: side0, level: 0 });
  const side1 = Math.floor(side0 / 2);
  if (side1 >= minLevel1Side) {
    for (const y of starts(height, side1, LEVEL1_OVERLAP)) {
      for (const x of starts(width, side1, LEVEL1_OVERLAP)) windows.push({ x, y, side: side1, level: 1 });
    }
  }
  return windows;
}

export interface WindowDetection {
  /** In fractions of the window. */
  box: FractionBox;
  score: number;
}

export interface ImageDetection {
  /** In fractions of the whole image. */
  box: FractionBox;
  score: number;
}

/** Within this fraction of a window's side, a box counts as touching that edge. */
const EDGE = 0.01;

/**
 * Maps a window's detections to image fractions. A level-1 box that touches an edge of its window
 * inside the image is a face cut in two by the window: it is dropped, since the overlap guarantees
 * every face up to a quarter window fits whole in some other window, and larger faces are found at
 * level 0. Level-0 boxes are never dropped: a big face may be cut in every level-0 window.
 */
export function toImage(window: DetectionWindow, found: readonly WindowDetection[], width: number, height: number): ImageDetection[] {
  const out: ImageDetection[] = [];
  for (const { box, score } of found) {
    if (window.level === 1) {
      const cut =
        (box.left_col <= EDGE && window.x > 0) ||
        (box.top_row <= EDGE && window.y > 0) ||
        (box.right_col >= 1 - EDGE && window.x + window.side < width) ||
        (box.bottom_row >= 1 - EDGE && window.y + window.side < height);
      if (cut) continue;
    }
    out.push({
      box: {
        top_row: (window.y + box.top_row * window.side) / height,
        left_col: (window.x + box.left_col * window.side) / width,
        bottom_row: (window.y + box.bottom_row * window.side) / height,
        right_col: (window.x + box.right_col * window.side) / width,
      },
      score,
    });
  }
  return out;
}

function area(b: FractionBox): number {
  return Math.max(0, b.bottom_row - b.top_row) * Math.max(0, b.right_col - b.left_col);
}

function intersection(a: FractionBox, b: FractionBox): number {
  const h = Math.min(a.bottom_row, b.bottom_row) - Math.max(a.top_row, b.top_row);
  const w = Math.min(a.right_col, b.right_col) - Math.max(a.left_col, b.left_col);
  return h > 0 && w > 0 ? h * w : 0;
}

/**
 * Greedy non-maximum suppression by score. Besides the usual IoU test, a box mostly inside a
 * better one is suppressed too (intersection over the smaller area): that is the same face seen
 * whole in one window and in part in another, where IoU alone stays low.
 */
export function mergeDetections(detections: readonly ImageDetection[], iou = 0.3, containment = 0.6): ImageDetection[] {
  const sorted = [...detections].sort((a, b) => b.score - a.score);
  const kept: ImageDetection[] = [];
  for (const d of sorted) {
    const duplicate = kept.some((k) => {
      const inter = intersection(k.box, d.box);
      if (inter === 0) return false;
      const union = area(k.box) + area(d.box) - inter;
      return inter / union > iou || inter / Math.min(area(k.box), area(d.box)) > containment;
    });
    if (!duplicate) kept.push(d);
  }
  return kept;
}
