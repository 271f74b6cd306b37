/**
 * A zoomable, pannable frame: wheel or pinch zooms around the pointer, dragging pans once zoomed,
 * and `ZoomControls` offers the same as buttons. Everything inside moves with one CSS transform,
 * so an image, its mask canvases and an SVG overlay stay registered at every zoom. The maths is
 * in `lib/zoom.ts`; this file only turns events into calls to it.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type * as React from 'react';
import type { Point, Size } from '@/lib/geometry';
import {
  IDENTITY,
  isIdentity,
  panBy,
  pinch,
  transformCss,
  wheelZoomFactor,
  zoomAround,
  type ViewTransform,
} from '@/lib/zoom';
import { cn } from '@/lib/cn';
import { Button } from '@/components/ui/button';

export interface ZoomController {
  transform: ViewTransform;
  setTransform: (update: (current: ViewTransform) => ViewTransform) => void;
  viewportRef: RefObject<HTMLDivElement | null>;
  /** Zooms around the viewport's centre (buttons, keys). */
  zoomBy: (factor: number) => void;
  reset: () => void;
}

export function useZoom(): ZoomController {
  const [transform, setTransformState] = useState<ViewTransform>(IDENTITY);
  const viewportRef = useRef<HTMLDivElement | null>(null);
  const setTransform = useCallback(
    (update: (current: ViewTransform) => ViewTransform) => setTransformState(update),
    [],
  );
  const zoomBy = useCallback((factor: number) => {
    const size = sizeOf(viewportRef.current);
    setTransformState((current) =>
      zoomAround(current, factor, { x: size.width / 2, y: size.height / 2 }, size),
    );
  }, []);
  const reset = useCallback(() => setTransformState(IDENTITY), []);
  return { transform, setTransform, viewportRef, zoomBy, reset };
}

function sizeOf(element: Element | null): Size {
  const rect = element?.getBoundingClientRect();
  return { width: rect?.width ?? 0, height: rect?.height ?? 0 };
}

function localPoint(element: Element, event: { clientX: number; clientY: number }): Point {
  const rect = element.getBoundingClientRect();
  return { x: event.clientX - rect.left, y: event.clientY - rect.top };
}

export function ZoomViewport({
  zoom,
  wheel = 'always',
  className,
  children,
  ...props
}: {
  zoom: ZoomController;
  /**
   * 'always': the wheel zooms (a large single viewer). 'with-modifier': only Ctrl/⌘ + wheel (and
   * trackpad pinch, which browsers send as Ctrl + wheel), for small viewers tiled down a page
   * (video frames), where a plain wheel must keep scrolling the page.
   */
  wheel?: 'always' | 'with-modifier';
} & React.ComponentProps<'div'>) {
  const { transform, setTransform, viewportRef } = zoom;
  // The wheel and pointer handlers read the latest scale without being re-attached on each zoom.
  const scaleRef = useRef(transform.scale);
  useEffect(() => {
    scaleRef.current = transform.scale;
  }, [transform.scale]);
  const pointers = useRef(new Map<number, Point>());
  /** The pointer dragging the picture, if any (only once zoomed: there is nothing to pan at 1×). */
  const dragging = useRef<number | null>(null);

  // A native listener: React's wheel listener is passive, and zooming must stop the page scroll.
  useEffect(() => {
    const element = viewportRef.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      if (wheel === 'with-modifier' && !event.ctrlKey && !event.metaKey) return;
      const factor = wheelZoomFactor(event.deltaY, event.deltaMode);
      // Scrolling down over an unzoomed picture scrolls the page, as a person expects.
      if (factor < 1 && scaleRef.current <= 1) return;
      event.preventDefault();
      const anchor = localPoint(element, event);
      const size = sizeOf(element);
      setTransform((current) => zoomAround(current, factor, anchor, size));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [setTransform, viewportRef, wheel]);

  const onPointerDown = (event: React.PointerEvent<HTMLDivElement>) => {
    const element = event.currentTarget;
    pointers.current.set(event.pointerId, localPoint(element, event));
    // Capture only when there is something to drag: an unzoomed picture keeps its hover behaviour.
    if (pointers.current.size === 2 || (scaleRef.current > 1 && event.button === 0)) {
      if (pointers.current.size === 1) dragging.current = event.pointerId;
      element.setPointerCapture?.(event.pointerId);
    }
  };

  const onPointerMove = (event: React.PointerEvent<HTMLDivElement>) => {
    const previous = pointers.current.get(event.pointerId);
    if (!previous) return;
    const element = event.currentTarget;
    const next = localPoint(element, event);
    const size = sizeOf(element);
    if (pointers.current.size === 2) {
      const ids = [...pointers.current.keys()];
      const other = pointers.current.get(ids[0] === event.pointerId ? (ids[1] ?? -1) : (ids[0] ?? -1));
      if (other) setTransform((current) => pinch(current, [previous, other], [next, other], size));
    } else if (dragging.current === event.pointerId) {
      setTransform((current) => panBy(current, next.x - previous.x, next.y - previous.y, size));
    }
    pointers.current.set(event.pointerId, next);
  };

  const onPointerEnd = (event: React.PointerEvent<HTMLDivElement>) => {
    pointers.current.delete(event.pointerId);
    if (dragging.current === event.pointerId) dragging.current = null;
  };

  const zoomed = !isIdentity(transform);
  return (
    <div
      ref={viewportRef}
      className={cn(
        'relative touch-none overflow-hidden',
        zoomed && 'cursor-grab active:cursor-grabbing',
        className,
      )}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      data-zoom={transform.scale.toFixed(2)}
      {...props}
    >
      <div
        className="relative origin-top-left"
        style={{ transform: zoomed ? transformCss(transform) : undefined }}
      >
        {children}
      </div>
    </div>
  );
}

const STEP = 1.5;

export function ZoomControls({
  zoom,
  className,
  children,
}: {
  zoom: ZoomController;
  className?: string;
  children?: React.ReactNode;
}) {
  const { transform, zoomBy, reset } = zoom;
  return (
    <div role="group" aria-label="Zoom" className={cn('flex flex-wrap items-center gap-1', className)}>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => zoomBy(STEP)}
        aria-label="Zoom in"
        title="Zoom in (or scroll up over the picture)"
      >
        +
      </Button>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => zoomBy(1 / STEP)}
        aria-label="Zoom out"
        disabled={transform.scale <= 1}
        title="Zoom out"
      >
        −
      </Button>
      <Button variant="ghost" size="sm" onClick={reset} disabled={isIdentity(transform)}>
        Reset zoom
      </Button>
      <span className="w-12 text-xs text-slate-500 tabular-nums" aria-live="polite">
        {Math.round(transform.scale * 100)}%
      </span>
      {children}
    </div>
  );
}
