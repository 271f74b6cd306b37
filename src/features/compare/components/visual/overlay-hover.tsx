/**
 * Hovering in the overlay view, where B's boxes lie over A's: one transparent layer on top finds
 * the box under the pointer in either version (the smaller one wins, as in one version's overlay;
 * on a tie B, drawn on top) and highlights it, and through the link its partner. Without it B's
 * layer would catch every pointer and A's lone boxes could not be hovered.
 */
import { useMemo } from 'react';
import type * as React from 'react';
import {
  buildGridIndex,
  clientToImage,
  hitTestGrid,
  type GridIndex,
  type Point,
  type Size,
} from '@/lib/geometry';
import type { Layout, Scene } from '@/features/results/lib/scene';
import type { HighlightStore } from '@/features/results/state/highlight-store';
import type { Side } from '@/features/compare/components/types';

export interface HoverSide {
  grid: GridIndex;
  /** Indices of the boxes the scene shows (threshold and legend applied). */
  shown: ReadonlySet<number>;
}

/** The box under `point` in either version, or null. */
export function pickOverlayHit(
  point: Point,
  a: HoverSide,
  b: HoverSide,
): { side: Side; index: number } | null {
  const hitA = hitTestGrid(a.grid, point, (i) => a.shown.has(i));
  const hitB = hitTestGrid(b.grid, point, (i) => b.shown.has(i));
  const area = (side: HoverSide, index: number) => {
    const rect = side.grid.rects[index];
    return rect ? rect.width * rect.height : Infinity;
  };
  if (hitA < 0 && hitB < 0) return null;
  if (hitB < 0) return { side: 'a', index: hitA };
  if (hitA < 0) return { side: 'b', index: hitB };
  return area(a, hitA) < area(b, hitB) ? { side: 'a', index: hitA } : { side: 'b', index: hitB };
}

function useHoverSide(layout: Layout, scene: Scene): HoverSide {
  const grid = useMemo(
    () =>
      buildGridIndex(
        layout.boxes.map((box) => box.rect),
        layout.size,
      ),
    [layout],
  );
  const shown = useMemo(() => new Set(scene.boxes.map((box) => box.index)), [scene]);
  return useMemo(() => ({ grid, shown }), [grid, shown]);
}

export function OverlayHover({
  size,
  a,
  b,
}: {
  size: Size;
  a: { layout: Layout; scene: Scene; store: HighlightStore };
  b: { layout: Layout; scene: Scene; store: HighlightStore };
}) {
  const sideA = useHoverSide(a.layout, a.scene);
  const sideB = useHoverSide(b.layout, b.scene);
  const onPointerMove = (event: React.PointerEvent<HTMLDivElement>) => {
    const bounds = event.currentTarget.getBoundingClientRect();
    const point = clientToImage(
      { x: event.clientX, y: event.clientY },
      { x: bounds.left, y: bounds.top, width: bounds.width, height: bounds.height },
      size,
    );
    const hit = point ? pickOverlayHit(point, sideA, sideB) : null;
    if (!hit) {
      a.store.set(null);
      b.store.set(null);
    } else (hit.side === 'a' ? a.store : b.store).set(hit.index);
  };
  return (
    <div
      aria-hidden="true"
      data-overlay-hover=""
      className="absolute inset-0"
      onPointerMove={onPointerMove}
      onPointerLeave={() => {
        a.store.set(null);
        b.store.set(null);
      }}
    />
  );
}
