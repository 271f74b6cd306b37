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
  return point.x >= rect.x && point.x <= rect.x + rect.width && point.y >= rect.y && point.y <= rect.y + rect.height;
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
