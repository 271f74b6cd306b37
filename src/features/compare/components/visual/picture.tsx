/**
 * The parts every visual comparison is built from: the input drawn at its own aspect ratio (so
 * overlays, clips and the divider are fractions of the picture, never of letterboxing), a
 * zoomable frame following the shared zoom, and the draggable, keyboard-operable swipe divider.
 */
import { useMemo, useRef } from 'react';
import type * as React from 'react';
import type { Size } from '@/lib/geometry';
import { cn } from '@/lib/cn';
import { ZoomViewport, type ZoomController } from '@/components/zoom-viewport';
import type { BaseMedia } from '@/features/results/renderers/types';
import { stepSwipe, swipeFromPointer } from '@/features/compare/components/visual/swipe';

/** The media's address, at its moment for a video frame. */
export function mediaSrc(media: BaseMedia): string {
  return media.kind === 'video' && media.timeMs !== undefined
    ? `${media.url}#t=${media.timeMs / 1000}`
    : media.url;
}

/** Same size as before: keeps the old object, so layouts memoised on it are not rebuilt. */
export function sameSize(previous: Size | null, next: Size): Size {
  return previous && previous.width === next.width && previous.height === next.height ? previous : next;
}

const MEDIA_CLASS = 'block h-auto w-full select-none';

export function MediaPicture({
  media,
  alt,
  onNatural,
  onFailed,
}: {
  media: BaseMedia;
  alt: string;
  onNatural: (size: Size) => void;
  onFailed: () => void;
}) {
  const src = mediaSrc(media);
  return media.kind === 'video' ? (
    <video
      src={src}
      muted
      playsInline
      preload="auto"
      className={MEDIA_CLASS}
      aria-label={alt}
      onLoadedMetadata={(event) =>
        onNatural({ width: event.currentTarget.videoWidth, height: event.currentTarget.videoHeight })
      }
      onError={onFailed}
    />
  ) : (
    <img
      src={src}
      alt={alt}
      draggable={false}
      className={MEDIA_CLASS}
      onLoad={(event) =>
        onNatural({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })
      }
      onError={onFailed}
    />
  );
}

/**
 * A second frame following the same zoom: the same transform, its own element for the wheel
 * listener (a controller's ref holds one element; both panes are the same size, so zooming
 * around either's centre is the same zoom).
 */
export function useFollowingZoom(zoom: ZoomController): ZoomController {
  const viewportRef = useRef<HTMLDivElement | null>(null);
  return useMemo(() => ({ ...zoom, viewportRef }), [zoom]);
}

export function PictureFrame({
  zoom,
  className,
  children,
  ...props
}: { zoom: ZoomController } & React.ComponentProps<'div'>) {
  return (
    // Many pairs are stacked down the page: a plain wheel scrolls it, Ctrl/⌘ + wheel zooms.
    <ZoomViewport
      zoom={zoom}
      wheel="with-modifier"
      className={cn('rounded-lg bg-slate-900/5', className)}
      {...props}
    >
      {children}
    </ZoomViewport>
  );
}

/**
 * The divider between A (left) and B (right). It lives inside the zoomed content, so it stays on
 * the same picture column at every zoom; a pointer drag and the arrow keys move it.
 */
export function SwipeDivider({ value, onChange }: { value: number; onChange: (value: number) => void }) {
  const percent = Math.round(value * 100);
  /** The pointer dragging the divider (captured, so the drag goes on outside it). */
  const dragging = useRef<number | null>(null);
  const follow = (event: React.PointerEvent<HTMLDivElement>) => {
    const frame = event.currentTarget.parentElement;
    if (frame) onChange(swipeFromPointer(event.clientX, frame.getBoundingClientRect()));
  };
  return (
    <div
      role="slider"
      aria-label="Swipe position"
      aria-orientation="horizontal"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}% A, ${100 - percent}% B`}
      tabIndex={0}
      className="group absolute inset-y-0 z-10 -ml-3 w-6 cursor-ew-resize touch-none outline-none"
      style={{ left: `${value * 100}%` }}
      onKeyDown={(event) => {
        const next = stepSwipe(value, event.key);
        if (next === null) return;
        event.preventDefault();
        onChange(next);
      }}
      onPointerDown={(event) => {
        // Not a pan of the zoomed picture: the frame below must not see this drag.
        event.stopPropagation();
        dragging.current = event.pointerId;
        event.currentTarget.setPointerCapture?.(event.pointerId);
        follow(event);
      }}
      onPointerMove={(event) => {
        if (dragging.current === event.pointerId) follow(event);
      }}
      onPointerUp={() => {
        dragging.current = null;
      }}
      onPointerCancel={() => {
        dragging.current = null;
      }}
    >
      {/* Drawn over the picture, so the same white in both themes (palette colours follow the theme). */}
      <div className="mx-auto h-full w-0.5 bg-[#ffffff] shadow-[0_0_2px_rgba(0,0,0,0.8)]" />
      <div
        aria-hidden="true"
        className="absolute top-1/2 left-1/2 flex size-6 -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full border border-[#64748b] bg-[#ffffff] text-xs text-[#334155] shadow group-focus-visible:ring-2 group-focus-visible:ring-[#0f172a]"
      >
        ⇆
      </div>
    </div>
  );
}
