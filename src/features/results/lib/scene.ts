/**
 * The annotated picture as data: which boxes, masks and labels are drawn, where, in what colour,
 * for a given view state. The SVG overlay draws this scene on screen and `sceneToCommands` turns
 * the same scene into canvas commands for "Download PNG", so the download is what was shown.
 */
import type { DrawCommand } from '@/lib/draw-commands';
import { boxToPixels, placeLabels, type Point, type Rect, type Size } from '@/lib/geometry';
import { textColorOn } from '@/lib/colors';
import { meetsThreshold, scorePercent, thresholdPercent } from '@/features/results/lib/concepts';
import type { RegionItem } from '@/features/results/lib/region-model';

/** Above this many boxes only the highlighted one is labelled, or the picture drowns in text. */
export const MAX_LABELS = 40;

export interface SceneBox {
  index: number;
  classKey: string;
  color: string;
  text: string;
  score: number | undefined;
  rect: Rect | null;
  polygon: Point[] | null;
  point: Point | null;
  /** Where its label sits, in image pixels; null when labels are off. */
  label: Rect | null;
}

export interface SceneMask {
  index: number;
  classKey: string;
  color: string;
  score: number | undefined;
  src: string;
}

/** Every region placed on the picture, shown or not: depends on the picture, not on the view. */
export interface Layout {
  size: Size;
  fontSize: number;
  boxes: SceneBox[];
  masks: SceneMask[];
}

/** What is drawn for a view state: the shown boxes (labelled) and masks. */
export type Scene = Layout;

export interface SceneView {
  threshold: number;
  hiddenClasses: ReadonlySet<string>;
}

/** Label text size in image pixels: readable once the picture is fitted to a typical card. */
export function labelFontSize(size: Size): number {
  return Math.max(8, Math.round(Math.max(size.width, size.height) / 45));
}

/** A label's box; the width is estimated (0.6 em per character) since no text is measured here. */
export function labelBoxSize(text: string, fontSize: number): Size {
  return { width: text.length * fontSize * 0.6 + fontSize * 0.8, height: fontSize * 1.4 };
}

export function layoutRegions(
  items: readonly RegionItem[],
  size: Size,
  colors: ReadonlyMap<string, string>,
): Layout {
  const colorOf = (key: string) => colors.get(key) ?? '#0072B2';
  const boxes: SceneBox[] = items.map((item) => {
    const info = item.region.region_info;
    const points = info?.polygon?.points ?? [];
    return {
      index: item.index,
      classKey: item.classKey,
      color: colorOf(item.classKey),
      text: item.text,
      score: item.score,
      rect: info?.bounding_box ? boxToPixels(info.bounding_box, size) : null,
      polygon:
        points.length > 2
          ? points.map((p) => ({ x: (p.col ?? 0) * size.width, y: (p.row ?? 0) * size.height }))
          : null,
      point: info?.point
        ? { x: (info.point.col ?? 0) * size.width, y: (info.point.row ?? 0) * size.height }
        : null,
      label: null,
    };
  });
  const masks: SceneMask[] = items.flatMap((item) =>
    item.maskSrc
      ? [
          {
            index: item.index,
            classKey: item.classKey,
            color: colorOf(item.classKey),
            score: item.score,
            src: item.maskSrc,
          },
        ]
      : [],
  );
  return { size, fontSize: labelFontSize(size), boxes, masks };
}

const shownIn = (view: SceneView) => (entry: { classKey: string; score: number | undefined }) =>
  !view.hiddenClasses.has(entry.classKey) && meetsThreshold(entry.score, view.threshold);

/** Where a scene's labels sit: to keep another scene's labels off them. */
export function labelSpots(scene: Scene): Rect[] {
  return scene.boxes.flatMap((box) => (box.label ? [box.label] : []));
}

/**
 * The layout under a view state: hidden regions left out, labels placed among the shown ones.
 * `zoom` (on screen) shrinks the labels in image pixels so they keep their size on screen.
 */
export function sceneFromLayout(
  layout: Layout,
  view: SceneView,
  zoom = 1,
  /** Label spots already taken on the picture (the other version's, when two are overlaid). */
  occupied: readonly Rect[] = [],
): Scene {
  const isShown = shownIn(view);
  const fontSize = layout.fontSize / Math.max(1, zoom);
  const shown = layout.boxes.filter(isShown);
  const labelled = shown.filter((box) => box.rect);
  // Copies only when labels are placed on them: the layout's boxes are shared by every view.
  const boxes = labelled.length <= MAX_LABELS ? shown.map((box) => ({ ...box })) : shown;
  if (labelled.length <= MAX_LABELS) {
    // The best scores pick their spots first.
    const order = [...labelled].sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
    const spots = placeLabels(
      order.map((box) => ({
        box: box.rect ?? { x: 0, y: 0, width: 0, height: 0 },
        label: labelBoxSize(box.text, fontSize),
      })),
      layout.size,
      occupied,
    );
    const copies = new Map(boxes.map((box) => [box.index, box]));
    order.forEach((original, i) => {
      const box = copies.get(original.index);
      if (!box) return;
      const spot = spots[i];
      if (spot) box.label = { x: spot.x, y: spot.y, ...labelBoxSize(box.text, fontSize) };
    });
  }
  return { size: layout.size, fontSize, boxes, masks: layout.masks.filter(isShown) };
}

export function buildScene(
  items: readonly RegionItem[],
  size: Size,
  colors: ReadonlyMap<string, string>,
  view: SceneView,
): Scene {
  return sceneFromLayout(layoutRegions(items, size, colors), view);
}

/**
 * The same rule as `sceneFromLayout`, as CSS for boxes drawn once and never re-rendered: a box
 * carries its score percent (`data-p`) and its class group an index (`data-ci`); hiding is one
 * stylesheet change, however many boxes there are.
 */
export function hiddenBoxesCss(
  scope: string,
  view: SceneView,
  classIndex: ReadonlyMap<string, number>,
): string {
  const rules: string[] = [];
  const below = Array.from(
    { length: thresholdPercent(view.threshold) },
    (_, p) => `${scope} [data-p="${p}"]`,
  );
  if (below.length) rules.push(`${below.join(',')}{display:none}`);
  const classes = [...view.hiddenClasses].flatMap((key) => {
    const index = classIndex.get(key);
    return index === undefined ? [] : [`${scope} [data-ci="${index}"]`];
  });
  if (classes.length) rules.push(`${classes.join(',')}{display:none}`);
  return rules.join('\n');
}

/** The percent a box carries for `hiddenBoxesCss`; none for a region without a score. */
export function boxPercent(score: number | undefined): number | undefined {
  return score === undefined ? undefined : Math.max(0, scorePercent(score));
}

/** Where a label's text starts inside its box (shared by the SVG and the canvas). */
export function labelTextOrigin(label: Rect, fontSize: number): Point {
  return { x: label.x + fontSize * 0.4, y: label.y + fontSize * 1.05 };
}

export const LABEL_FONT = 'ui-sans-serif, system-ui, sans-serif';

/** The key `replay` resolves to the input picture; masks resolve as `mask:<region index>`. */
export const BASE_IMAGE = 'base';
export const maskSource = (index: number) => `mask:${index}`;

/**
 * The scene as canvas commands at the picture's natural size: the picture, the masks at the
 * chosen opacity, then per box its polygon, outline and point, then every label on top (as on
 * screen, where labels are never hidden under a neighbour's outline).
 */
export function sceneToCommands(scene: Scene, view: { maskOpacity: number }): DrawCommand[] {
  const { size, fontSize } = scene;
  // On screen outlines are 2 CSS pixels at any zoom; at natural size scale them with the picture.
  const lineWidth = Math.max(2, Math.round(Math.max(size.width, size.height) / 400));
  const commands: DrawCommand[] = [
    { op: 'image', source: BASE_IMAGE, x: 0, y: 0, width: size.width, height: size.height, alpha: 1 },
  ];
  for (const mask of scene.masks) {
    commands.push({
      op: 'image',
      source: maskSource(mask.index),
      x: 0,
      y: 0,
      width: size.width,
      height: size.height,
      alpha: view.maskOpacity,
    });
  }
  for (const box of scene.boxes) {
    if (box.polygon)
      commands.push({ op: 'polygon', points: box.polygon, color: box.color, fillAlpha: 0.12, lineWidth });
    if (box.rect) commands.push({ op: 'strokeRect', ...box.rect, color: box.color, lineWidth });
    else if (box.point) commands.push({ op: 'circle', ...box.point, radius: fontSize / 2, color: box.color });
  }
  for (const box of scene.boxes) {
    if (!box.label) continue;
    commands.push({ op: 'fillRect', ...box.label, color: box.color, alpha: 1 });
    const origin = labelTextOrigin(box.label, fontSize);
    commands.push({
      op: 'text',
      text: box.text,
      ...origin,
      color: textColorOn(box.color),
      font: `${fontSize}px ${LABEL_FONT}`,
    });
  }
  return commands;
}

/**
 * Above this many regions the outlines are drawn on one canvas instead of one SVG element each.
 * Measured in headless Chromium (2 cores): 5,000 SVG boxes cost ~60 ms of style, layout and paint
 * per threshold step and ~6 ms of repaint per hover, against a 16.7 ms frame; on the canvas a step
 * costs ~8 ms and a hover ~4 ms. SVG stays below this count: each box is then its own named
 * element (a person can reach it; the e2e tests hover it). Only the highlighted box stays in the
 * SVG above it; the region list remains the accessible way through.
 */
export const DENSE_BOXES = 300;

/**
 * The outlines of a dense scene as canvas commands, one path per colour (and per fade), in bitmap
 * pixels: `scale` bitmap pixels per image pixel, edges snapped to whole pixels so an even
 * `lineWidth` covers whole pixels (crisp, and the cheapest stroke for a software rasteriser).
 */
export function denseBoxCommands(
  scene: Scene,
  focusClass: string | null,
  lineWidth: number,
  scale = 1,
): DrawCommand[] {
  const paths = new Map<string, { color: string; alpha: number; rects: Rect[] }>();
  for (const box of scene.boxes) {
    if (!box.rect) continue;
    const alpha = focusClass !== null && focusClass !== box.classKey ? 0.2 : 1;
    const key = `${box.color}|${alpha}`;
    const path = paths.get(key) ?? { color: box.color, alpha, rects: [] };
    const x = Math.round(box.rect.x * scale);
    const y = Math.round(box.rect.y * scale);
    path.rects.push({
      x,
      y,
      width: Math.round((box.rect.x + box.rect.width) * scale) - x,
      height: Math.round((box.rect.y + box.rect.height) * scale) - y,
    });
    paths.set(key, path);
  }
  // Faded classes first, so the focused class is drawn over them.
  return [...paths.values()]
    .sort((a, b) => a.alpha - b.alpha)
    .map((path) => ({
      op: 'strokeRects',
      rects: path.rects,
      color: path.color,
      lineWidth,
      alpha: path.alpha,
    }));
}
