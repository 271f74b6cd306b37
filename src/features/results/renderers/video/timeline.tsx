/**
 * The strip under the player: one mark per sampled frame (its height and colour say what was
 * found), the current frame highlighted, click or drag to seek, a tooltip on hover. A slider for
 * keyboards and screen readers ("Timeline", value = the frame's position, its text = what the
 * frame holds). The marks are one canvas, redrawn only when the frames or the width change, so
 * 6,000 frames (10 minutes at 100 ms) stay smooth; the current-frame cursor is one element.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type * as React from 'react';
import { replay } from '@/lib/draw-commands';
import { frameAtX, timelineBars, timelineCommands } from '@/features/results/lib/frames-timeline';
import {
  frameValueText,
  markLevels,
  type FrameEntry,
  type FrameSummary,
} from '@/features/results/lib/frames';
import { useClientWidth } from '@/lib/use-client-width';

const HEIGHT_CSS_PX = 36;
const BASELINE = '#cbd5e1';

export function FrameTimeline({
  entries,
  summaries,
  current,
  onSeek,
  ...props
}: {
  entries: readonly FrameEntry[];
  summaries: readonly FrameSummary[];
  /** Position of the frame on screen. */
  current: number;
  /** Asked to show the frame at this position. */
  onSeek: (position: number) => void;
} & Omit<React.ComponentProps<'div'>, 'onSeek'>) {
  const count = entries.length;
  const [hover, setHover] = useState<{ position: number; x: number } | null>(null);
  const dragging = useRef(false);
  const currentEntry = entries[current];
  const currentSummary = summaries[current];

  const positionAt = (event: React.PointerEvent<HTMLDivElement>) => {
    const bounds = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - bounds.left;
    return { position: frameAtX(x, bounds.width, count), x: Math.min(Math.max(0, x), bounds.width) };
  };

  const hovered = hover ? entries[hover.position] : undefined;
  const hoveredSummary = hover ? summaries[hover.position] : undefined;
  return (
    <div className="relative flex flex-col gap-1">
      <div
        role="slider"
        tabIndex={0}
        aria-label="Timeline"
        aria-orientation="horizontal"
        aria-valuemin={0}
        aria-valuemax={Math.max(0, count - 1)}
        aria-valuenow={current}
        aria-valuetext={
          currentEntry && currentSummary ? frameValueText(currentEntry, currentSummary) : undefined
        }
        data-frame-count={count}
        // Strict containment (its size is its own: full width, fixed height): moving the cursor lays
        // out and repaints the strip alone.
        className="relative w-full cursor-pointer touch-none rounded-md bg-slate-100 outline-none select-none [contain:strict] focus-visible:ring-2 focus-visible:ring-brand-600"
        style={{ height: HEIGHT_CSS_PX }}
        onPointerDown={(event) => {
          if (event.button !== 0) return;
          dragging.current = true;
          // Captured, a drag goes on past the strip's ends (clamped to the first and last frame).
          const strip = event.currentTarget;
          if (typeof strip.setPointerCapture === 'function') strip.setPointerCapture(event.pointerId);
          const { position } = positionAt(event);
          if (position >= 0) onSeek(position);
        }}
        onPointerMove={(event) => {
          const at = positionAt(event);
          setHover(at.position >= 0 ? at : null);
          if (dragging.current && at.position >= 0 && at.position !== current) onSeek(at.position);
        }}
        onPointerUp={() => (dragging.current = false)}
        onPointerCancel={() => (dragging.current = false)}
        onLostPointerCapture={() => (dragging.current = false)}
        onPointerLeave={(event) => {
          setHover(null);
          // Without capture (or once the button is up) a drag ends where the strip does.
          if ((event.buttons & 1) === 0) dragging.current = false;
        }}
        {...props}
      >
        <TimelineMarks summaries={summaries} />
        {count > 0 ? (
          <div
            aria-hidden
            data-timeline-cursor=""
            className="pointer-events-none absolute inset-y-0 rounded-sm border-2 border-slate-900 bg-slate-900/10"
            style={{ left: `${(current / count) * 100}%`, width: `max(4px, ${100 / count}%)` }}
          />
        ) : null}
      </div>
      {hover && hovered && hoveredSummary ? (
        <div
          role="tooltip"
          className="pointer-events-none absolute bottom-full z-10 mb-1 max-w-72 -translate-x-1/2 truncate rounded-md bg-slate-900 px-2 py-1 text-xs text-white shadow"
          style={{ left: hover.x }}
        >
          {frameValueText(hovered, hoveredSummary)}
        </div>
      ) : null}
    </div>
  );
}

/**
 * The marks, on a canvas the strip's size in device pixels. Memoised: a seek or a hover re-renders
 * the strip, and 6,000 marks need not be looked at again for that.
 */
const TimelineMarks = memo(function TimelineMarks({ summaries }: { summaries: readonly FrameSummary[] }) {
  const [ref, width] = useClientWidth<HTMLCanvasElement>();
  const levels = useMemo(() => markLevels(summaries), [summaries]);
  const colors = useMemo(() => summaries.map((summary) => summary.color), [summaries]);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || width === 0) return;
    const ratio = window.devicePixelRatio || 1;
    const size = { width: Math.round(width * ratio), height: Math.round(HEIGHT_CSS_PX * ratio) };
    if (canvas.width !== size.width || canvas.height !== size.height) {
      canvas.width = size.width;
      canvas.height = size.height;
    }
    const context = canvas.getContext('2d');
    if (!context) return;
    context.clearRect(0, 0, size.width, size.height);
    replay(context, timelineCommands(timelineBars(levels, colors, size), size, BASELINE), () => undefined);
  }, [ref, levels, colors, width]);

  return <canvas ref={ref} aria-hidden="true" className="pointer-events-none absolute inset-0 size-full" />;
});
