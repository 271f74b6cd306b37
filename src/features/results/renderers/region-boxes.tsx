/**
 * The boxes of a scene as an <svg> in image pixels (viewBox = natural size, `xMidYMid meet`), laid
 * over an `object-fit: contain` picture so both scale alike. Up to DENSE_BOXES each box is its own
 * named element, drawn once from the layout and never re-rendered by the view state (the
 * threshold and the legend hide boxes through one generated stylesheet); beyond that the outlines
 * go on one canvas below (BoxCanvas) and the SVG keeps only the highlighted box. Either way one
 * delegated pointer handler finds the box under the pointer through a grid index, and a highlight
 * change re-renders only the boxes whose state changed plus one outline drawn on top.
 */
import { memo, useId, useMemo } from 'react';
import type * as React from 'react';
import { buildGridIndex, clientToImage, hitTestGrid, labelPlacement, type Rect } from '@/lib/geometry';
import { textColorOn } from '@/lib/colors';
import {
  boxPercent,
  DENSE_BOXES,
  hiddenBoxesCss,
  LABEL_FONT,
  labelBoxSize,
  labelTextOrigin,
  type Layout,
  type Scene,
  type SceneBox,
  type SceneView,
} from '@/features/results/lib/scene';
import type { HighlightStore } from '@/features/results/state/highlight-store';
import { BoxCanvas } from '@/features/results/renderers/box-canvas';
import { useHighlighted, useIsHighlighted } from '@/features/results/state/use-highlight';

const DIMMED = 0.2;

export const RegionBoxes = memo(function RegionBoxes({
  layout,
  scene,
  view,
  store,
  focusClass,
  zoomScale,
  dash,
  label = 'Region boxes',
}: {
  /** Every box, shown or not: drawn once. */
  layout: Layout;
  /** The shown boxes with their labels, for the count, the labels and hit-testing. */
  scene: Scene;
  view: SceneView;
  store: HighlightStore;
  /** A class hovered in the legend: the others fade. */
  focusClass: string | null;
  /** The zoom, for the dense canvas's bitmap resolution. */
  zoomScale: number;
  /** Dashed outlines (screen pixels, dash then gap), to tell two overlaid sets of boxes apart. */
  dash?: readonly number[] | undefined;
  /** The overlay's accessible name (two overlays on one page need two names). */
  label?: string;
}) {
  const dashArray = dash && dash.length > 0 ? dash.join(' ') : undefined;
  const { size } = scene;
  const dense = layout.boxes.length > DENSE_BOXES;
  const overlayId = useId();
  const scope = `[data-overlay="${overlayId}"]`;
  const groups = useMemo(() => (dense ? [] : groupByClass(layout.boxes)), [layout, dense]);
  const classIndex = useMemo(() => new Map(groups.map(([key], i) => [key, i])), [groups]);
  const labelGroups = useMemo(() => groupByClass(scene.boxes), [scene]);
  const byIndex = useMemo(() => new Map(scene.boxes.map((box) => [box.index, box])), [scene]);
  // Built once per layout; the shown set filters it, so a threshold step does not rebuild it.
  const grid = useMemo(
    () =>
      buildGridIndex(
        layout.boxes.map((box) => box.rect),
        size,
      ),
    [layout, size],
  );
  const onPointerMove = (event: React.PointerEvent<SVGSVGElement>) => {
    const bounds = event.currentTarget.getBoundingClientRect();
    // The bounds already include any zoom transform, so this holds at every zoom level.
    const point = clientToImage(
      { x: event.clientX, y: event.clientY },
      { x: bounds.left, y: bounds.top, width: bounds.width, height: bounds.height },
      size,
    );
    let index = point ? hitTestGrid(grid, point, (i) => byIndex.has(i)) : -1;
    // Outside every box but over a label (or a polygon): the shape under the pointer says whose.
    if (index < 0 && event.target instanceof Element) {
      const owner = event.target.closest('[data-region-index]')?.getAttribute('data-region-index');
      if (owner) index = Number(owner);
    }
    store.set(index >= 0 ? index : null);
  };

  return (
    <>
      {dense ? (
        <BoxCanvas scene={scene} focusClass={focusClass} zoomScale={zoomScale} dash={dash} />
      ) : (
        // An HTML stylesheet beside the svg (an SVG <style> would do in browsers, not in jsdom).
        <style>{hiddenBoxesCss(scope, view, classIndex)}</style>
      )}
      <svg
        // role img + name is what a person (and the e2e page object) looks for; each box inside
        // still carries its own "Box N: label" name (in a dense scene only the highlighted one).
        role="img"
        aria-label={label}
        viewBox={`0 0 ${size.width} ${size.height}`}
        preserveAspectRatio="xMidYMid meet"
        className="absolute inset-0 size-full"
        data-box-count={scene.boxes.length}
        data-render={dense ? 'canvas' : 'svg'}
        data-overlay={overlayId}
        onPointerMove={onPointerMove}
        onPointerLeave={() => store.set(null)}
      >
        {groups.map(([classKey, boxes], i) => (
          <ClassBoxes
            key={classKey}
            classKey={classKey}
            classIndex={i}
            boxes={boxes}
            dimmed={focusClass !== null && focusClass !== classKey}
            store={store}
            fontSize={scene.fontSize}
            dashArray={dashArray}
          />
        ))}
        {/* Labels above every outline, so a neighbour's box never crosses a label. */}
        <g aria-hidden="true">
          {labelGroups.map(([classKey, boxes]) => (
            <ClassLabels
              key={classKey}
              boxes={boxes}
              dimmed={focusClass !== null && focusClass !== classKey}
              fontSize={scene.fontSize}
            />
          ))}
        </g>
        <HighlightOutline byIndex={byIndex} store={store} scene={scene} dense={dense} dashArray={dashArray} />
      </svg>
    </>
  );
});

function groupByClass(boxes: readonly SceneBox[]): [string, SceneBox[]][] {
  const groups = new Map<string, SceneBox[]>();
  for (const box of boxes) {
    const group = groups.get(box.classKey);
    if (group) group.push(box);
    else groups.set(box.classKey, [box]);
  }
  return [...groups];
}

const ClassBoxes = memo(function ClassBoxes({
  classKey,
  classIndex,
  boxes,
  dimmed,
  store,
  fontSize,
  dashArray,
}: {
  classKey: string;
  classIndex: number;
  boxes: readonly SceneBox[];
  dimmed: boolean;
  store: HighlightStore;
  fontSize: number;
  dashArray: string | undefined;
}) {
  return (
    <g data-class={classKey} data-ci={classIndex} opacity={dimmed ? DIMMED : 1}>
      {boxes.map((box) => (
        <Box
          key={box.index}
          index={box.index}
          percent={boxPercent(box.score)}
          text={box.text}
          color={box.color}
          x={box.rect?.x}
          y={box.rect?.y}
          width={box.rect?.width}
          height={box.rect?.height}
          polygon={box.polygon}
          pointX={box.point?.x}
          pointY={box.point?.y}
          fontSize={fontSize}
          store={store}
          dashArray={dashArray}
        />
      ))}
    </g>
  );
});

/** One region; primitive props so a rebuilt scene with the same box skips re-rendering it. */
const Box = memo(function Box({
  index,
  percent,
  text,
  color,
  x,
  y,
  width,
  height,
  polygon,
  pointX,
  pointY,
  fontSize,
  store,
  dashArray,
}: {
  index: number;
  percent: number | undefined;
  text: string;
  color: string;
  x: number | undefined;
  y: number | undefined;
  width: number | undefined;
  height: number | undefined;
  polygon: SceneBox['polygon'];
  pointX: number | undefined;
  pointY: number | undefined;
  fontSize: number;
  store: HighlightStore;
  dashArray: string | undefined;
}) {
  const highlighted = useIsHighlighted(store, index);
  const hasRect = x !== undefined && y !== undefined && width !== undefined && height !== undefined;
  return (
    <g
      role="img"
      aria-label={`Box ${index + 1}: ${text}`}
      data-region-index={index}
      data-highlighted={highlighted ? 'true' : 'false'}
      data-p={percent}
    >
      <title>{text}</title>
      {polygon ? (
        <polygon
          points={polygon.map((p) => `${p.x},${p.y}`).join(' ')}
          fill={color}
          fillOpacity={highlighted ? 0.3 : 0.12}
          stroke={color}
          strokeWidth={2}
          strokeDasharray={dashArray}
          vectorEffect="non-scaling-stroke"
        />
      ) : null}
      {hasRect ? (
        <rect
          x={x}
          y={y}
          width={width}
          height={height}
          fill={color}
          fillOpacity={highlighted ? 0.22 : 0}
          stroke={color}
          strokeWidth={2}
          strokeDasharray={dashArray}
          vectorEffect="non-scaling-stroke"
        />
      ) : pointX !== undefined && pointY !== undefined ? (
        <circle cx={pointX} cy={pointY} r={fontSize / 2} fill={color} />
      ) : null}
    </g>
  );
});

const ClassLabels = memo(function ClassLabels({
  boxes,
  dimmed,
  fontSize,
}: {
  boxes: readonly SceneBox[];
  dimmed: boolean;
  fontSize: number;
}) {
  const labelled = boxes.filter((box) => box.label);
  if (labelled.length === 0) return null;
  return (
    <g opacity={dimmed ? DIMMED : 1}>
      {labelled.map((box) =>
        box.label ? (
          <Label
            key={box.index}
            index={box.index}
            label={box.label}
            text={box.text}
            color={box.color}
            fontSize={fontSize}
          />
        ) : null,
      )}
    </g>
  );
});

function Label({
  index,
  label,
  text,
  color,
  fontSize,
}: {
  index: number;
  label: Rect;
  text: string;
  color: string;
  fontSize: number;
}) {
  const origin = labelTextOrigin(label, fontSize);
  return (
    // Owned by its region, so a pointer over the label highlights that region.
    <g data-region-index={index}>
      <rect
        x={label.x}
        y={label.y}
        width={label.width}
        height={label.height}
        rx={fontSize * 0.2}
        fill={color}
      />
      <text x={origin.x} y={origin.y} fontSize={fontSize} fill={textColorOn(color)} fontFamily={LABEL_FONT}>
        {text}
      </text>
    </g>
  );
}

/**
 * The highlighted box again, on top of its neighbours, with its label even when labels are off.
 * Drawn as its own small element so a hover repaints it, not the thousands of boxes below.
 */
function HighlightOutline({
  byIndex,
  store,
  scene,
  dense,
  dashArray,
}: {
  byIndex: ReadonlyMap<number, SceneBox>;
  store: HighlightStore;
  scene: Scene;
  /** On a dense canvas this is the highlighted box's only element, so it carries its name. */
  dense: boolean;
  dashArray: string | undefined;
}) {
  const index = useHighlighted(store);
  const box = index === null ? undefined : byIndex.get(index);
  if (!box?.rect) return null;
  const label = box.label ?? {
    ...labelPlacement(box.rect, labelBoxSize(box.text, scene.fontSize), scene.size),
    ...labelBoxSize(box.text, scene.fontSize),
  };
  const named = dense
    ? {
        role: 'img',
        'aria-label': `Box ${box.index + 1}: ${box.text}`,
        'data-region-index': box.index,
        'data-highlighted': 'true',
      }
    : { 'aria-hidden': true };
  return (
    <g {...named} pointerEvents="none">
      <rect
        x={box.rect.x}
        y={box.rect.y}
        width={box.rect.width}
        height={box.rect.height}
        fill="none"
        stroke={box.color}
        strokeWidth={4}
        strokeDasharray={dashArray}
        vectorEffect="non-scaling-stroke"
      />
      {box.label ? null : (
        <g>
          <rect
            x={label.x}
            y={label.y}
            width={label.width}
            height={label.height}
            rx={scene.fontSize * 0.2}
            fill={box.color}
          />
          <text
            {...labelTextOrigin(label, scene.fontSize)}
            fontSize={scene.fontSize}
            fill={textColorOn(box.color)}
            fontFamily={LABEL_FONT}
          >
            {box.text}
          </text>
        </g>
      )}
    </g>
  );
}
