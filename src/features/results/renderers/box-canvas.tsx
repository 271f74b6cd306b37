/**
 * Box outlines for dense scenes (see DENSE_BOXES), on one canvas under the SVG overlay. Its bitmap
 * is sized to the device pixels the picture covers (fit × devicePixelRatio × zoom), so lines stay
 * crisp when zoomed; it is redrawn when the scene, the fade, the zoom or the element's size change.
 * Drawn on the main thread: an OffscreenCanvas worker was measured slower on a two-core machine
 * (its rasterising competes with the main and compositor threads).
 */
import { useEffect, useRef, useState } from 'react';
import { containRect, type Size } from '@/lib/geometry';
import { replay } from '@/lib/draw-commands';
import { denseBoxCommands, type Scene } from '@/features/results/lib/scene';

/** Screen pixels per outline, as the SVG boxes' non-scaling stroke. */
const LINE_CSS_PX = 2;
/** Largest bitmap side; past it a deep zoom shows scaled (softer) lines rather than run out of memory. */
const MAX_BITMAP = 8192;

export function BoxCanvas({
  scene,
  focusClass,
  zoomScale,
  dash,
}: {
  scene: Scene;
  focusClass: string | null;
  zoomScale: number;
  /** Dashed outlines, in screen pixels (dash, gap, ...); solid when absent. */
  dash?: readonly number[] | undefined;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [element, setElement] = useState<Size | null>(null);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() =>
      setElement({ width: canvas.clientWidth, height: canvas.clientHeight }),
    );
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || !element || element.width === 0) return;
    const { size } = scene;
    const fit = containRect(element, size).scale;
    const scale = Math.min(
      fit * window.devicePixelRatio * zoomScale,
      MAX_BITMAP / Math.max(size.width, size.height),
    );
    const width = Math.max(1, Math.round(size.width * scale));
    const height = Math.max(1, Math.round(size.height * scale));
    // Assigning a size reallocates the bitmap even when it is the same: only do it on a change.
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    const context = canvas.getContext('2d');
    if (!context) return;
    context.clearRect(0, 0, width, height);
    // Whole-pixel line widths on whole-pixel edges: crisp, and the cheapest stroke to rasterise.
    const lineWidth = Math.max(1, Math.round(LINE_CSS_PX * window.devicePixelRatio));
    // The context keeps its dash between draws, so set it every time (replay saves and restores
    // around each command, which keeps this one).
    context.setLineDash((dash ?? []).map((length) => length * window.devicePixelRatio));
    replay(context, denseBoxCommands(scene, focusClass, lineWidth, scale), () => undefined);
  }, [scene, focusClass, zoomScale, element, dash]);

  return (
    <canvas
      ref={ref}
      aria-hidden="true"
      data-box-canvas=""
      className="pointer-events-none absolute inset-0 size-full object-contain"
    />
  );
}
