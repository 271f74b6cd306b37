/**
 * Two versions' video outputs on one scrubber. The frames of A and B are aligned by time and
 * diffed once per (frames, threshold) (`diffFrames`; the threshold is the results' one, 0.5 while
 * that is 0); the strip under the scrubber marks where the versions disagree, and whatever
 * `renderFrame` draws (the integrator's regions comparison over the video) follows the current
 * frame. The frame is controlled: `frameMs` picks the nearest aligned frame, every move calls
 * `onFrameChange` with that frame's time.
 *
 * Keys, while focus is anywhere in the component and not in a text field (and not already
 * handled by something inside `renderFrame`):
 * - ← / →: the previous / next disagreement (as the "Previous/Next disagreement" buttons), also
 *   on the slider itself: the disagreements are what this view is for;
 * - on the "Frame" slider: ↑ / ↓ step one frame, Page Up / Page Down ten, Home / End go to the
 *   first / last frame.
 *
 * With 6,000 frames a scrub re-renders only the cursor, the texts and `renderFrame`: the diff,
 * the spans and the strip's canvas depend on the frames and the threshold alone, and the list of
 * disagreement buttons shows its first 30 stretches until asked for all.
 */
import { memo, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type * as React from 'react';
import type { Data, Frame } from '@contract/clarifai';
import { cn } from '@/lib/cn';
import { isTypingTarget } from '@/lib/shortcuts';
import { Button } from '@/components/ui/button';
import {
  diffFrames,
  disagreementSpans,
  nextDisagreement,
  type FrameDiff,
  type FrameReason,
} from '@/features/compare/lib/diff-frames';
import { frameAtX } from '@/features/results/lib/frames-timeline';
import { formatFrameTime, nearestFrame } from '@/features/results/lib/frames';
import type { BaseMedia } from '@/features/results/renderers/types';
import type { CompareViewSettings } from '@/features/compare/components/types';
import { useCompareThreshold } from '@/features/compare/components/panels/compare-threshold';
import { useClientWidth } from '@/lib/use-client-width';

export interface FramesCompareProps {
  framesA: readonly Frame[] | undefined;
  framesB: readonly Frame[] | undefined;
  /** The input video both versions saw. */
  media: BaseMedia | undefined;
  /** The node id, for labels. */
  name: string;
  settings: CompareViewSettings;
  /** The time on screen (ms); the nearest aligned frame is shown. Undefined: the first frame. */
  frameMs: number | undefined;
  /** Asked to show the aligned frame at this time (ms). */
  onFrameChange: (timeMs: number) => void;
  /** Draws both versions' data of one frame over the video at `media.timeMs`. */
  renderFrame: (dataA: Data | undefined, dataB: Data | undefined, media: BaseMedia | undefined) => ReactNode;
}

const STRIP_HEIGHT = 20;
const DISAGREE_COLOR = '#e11d48';
const LIST_LIMIT = 30;

const REASON_TEXT: Record<FrameReason, string> = {
  missing: 'only one version has this frame',
  concepts: 'different concepts',
  regions: 'boxes only one version found',
  labels: 'box labels changed',
  text: 'different text',
};

export function describeReasons(reasons: readonly FrameReason[]): string {
  return reasons.map((reason) => REASON_TEXT[reason]).join(', ');
}

/** The strip's bars in canvas pixels: one per disagreeing stretch, at least `minWidth` wide. */
export function stripRects(
  spans: readonly (readonly [number, number])[],
  count: number,
  width: number,
  minWidth = 1,
): { x: number; width: number }[] {
  if (count <= 0 || width <= 0) return [];
  const slot = width / count;
  return spans.map(([first, last]) => ({
    x: first * slot,
    width: Math.max(minWidth, (last - first + 1) * slot),
  }));
}


export function FramesCompare({
  framesA,
  framesB,
  media,
  name,
  frameMs,
  onFrameChange,
  renderFrame,
}: FramesCompareProps) {
  const threshold = useCompareThreshold();
  const frames = useMemo(
    () => diffFrames(framesA ?? [], framesB ?? [], { threshold }),
    [framesA, framesB, threshold],
  );
  const times = useMemo(() => frames.map((frame) => frame.timeMs), [frames]);
  const spans = useMemo(() => disagreementSpans(frames), [frames]);
  const disagreeing = useMemo(() => frames.reduce((n, frame) => n + (frame.disagrees ? 1 : 0), 0), [frames]);
  const sliderId = useId();
  const dragging = useRef(false);

  const count = frames.length;
  if (count === 0) return <p className="text-sm text-slate-500">No frames in either version.</p>;
  const current = Math.max(0, nearestFrame(times, frameMs ?? times[0] ?? 0));
  const frame = frames[current];
  const previous = nextDisagreement(frames, current, -1);
  const next = nextDisagreement(frames, current, 1);

  const go = (position: number | null) => {
    if (position === null) return;
    const target = frames[Math.min(count - 1, Math.max(0, position))];
    if (target) onFrameChange(target.timeMs);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target))
      return;
    const onSlider = event.target instanceof HTMLElement && event.target.id === sliderId;
    let target: number | null;
    switch (event.key) {
      case 'ArrowLeft':
        target = previous;
        break;
      case 'ArrowRight':
        target = next;
        break;
      case 'ArrowUp':
      case 'ArrowDown':
      case 'PageUp':
      case 'PageDown':
      case 'Home':
      case 'End': {
        // Slider keys on the slider only: elsewhere they scroll the page.
        if (!onSlider) return;
        const moves: Record<string, number> = {
          ArrowUp: current + 1,
          ArrowDown: current - 1,
          PageUp: current + 10,
          PageDown: current - 10,
          Home: 0,
          End: count - 1,
        };
        target = moves[event.key] ?? current;
        break;
      }
      default:
        return;
    }
    event.preventDefault();
    if (target !== null && target !== current) go(target);
  };

  const positionAt = (event: React.PointerEvent<HTMLDivElement>) => {
    const bounds = event.currentTarget.getBoundingClientRect();
    return frameAtX(event.clientX - bounds.left, bounds.width, count);
  };

  const frameText = `Frame ${current + 1} of ${count} at ${formatFrameTime(frame?.timeMs ?? 0)}`;
  const agreement = frame?.disagrees
    ? `A and B disagree here: ${describeReasons(frame.reasons)}`
    : 'A and B agree here';
  return (
    <div
      role="group"
      aria-label={`Frames of ${name}, version A against B`}
      onKeyDown={onKeyDown}
      className="flex flex-col gap-3"
    >
      <div className="min-w-0">
        {frame
          ? renderFrame(frame.a?.data, frame.b?.data, media ? { ...media, timeMs: frame.timeMs } : undefined)
          : null}
      </div>
      <div className="flex flex-col gap-1.5">
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <p className="font-medium text-slate-800 tabular-nums">{frameText}</p>
          <p className={cn('text-xs', frame?.disagrees ? 'text-rose-700' : 'text-slate-500')}>{agreement}</p>
        </div>
        <div
          id={sliderId}
          role="slider"
          tabIndex={0}
          aria-label="Frame"
          aria-orientation="horizontal"
          aria-valuemin={0}
          aria-valuemax={count - 1}
          aria-valuenow={current}
          aria-valuetext={`${frameText}; ${agreement}`}
          className="relative w-full cursor-pointer touch-none rounded-md bg-slate-100 outline-none select-none focus-visible:ring-2 focus-visible:ring-brand-600"
          style={{ height: STRIP_HEIGHT }}
          onPointerDown={(event) => {
            if (event.button !== 0) return;
            dragging.current = true;
            const strip = event.currentTarget;
            strip.focus();
            if (typeof strip.setPointerCapture === 'function') strip.setPointerCapture(event.pointerId);
            go(positionAt(event));
          }}
          onPointerMove={(event) => {
            if (!dragging.current) return;
            const position = positionAt(event);
            if (position >= 0 && position !== current) go(position);
          }}
          onPointerUp={() => (dragging.current = false)}
          onPointerCancel={() => (dragging.current = false)}
          onLostPointerCapture={() => (dragging.current = false)}
        >
          <DisagreementStrip spans={spans} count={count} />
          <div
            aria-hidden
            className="pointer-events-none absolute inset-y-0 rounded-sm border-2 border-slate-900 bg-slate-900/10"
            style={{ left: `${(current / count) * 100}%`, width: `max(4px, ${100 / count}%)` }}
          />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="secondary" size="sm" disabled={previous === null} onClick={() => go(previous)}>
            <span aria-hidden>←</span> Previous disagreement
          </Button>
          <Button variant="secondary" size="sm" disabled={next === null} onClick={() => go(next)}>
            Next disagreement <span aria-hidden>→</span>
          </Button>
          <p className="text-xs text-slate-600">
            {disagreeing === 0
              ? `A and B agree on all ${count} frames.`
              : `${disagreeing} of ${count} frames disagree${spans.length > 1 ? ` (${spans.length} stretches)` : ''}.`}
          </p>
        </div>
        {spans.length > 0 ? <DisagreementList frames={frames} spans={spans} onGo={go} /> : null}
      </div>
    </div>
  );
}

/** The marks, on a canvas the strip's size in device pixels, drawn when the spans or width change. */
const DisagreementStrip = memo(function DisagreementStrip({
  spans,
  count,
}: {
  spans: readonly [number, number][];
  count: number;
}) {
  const [ref, width] = useClientWidth<HTMLCanvasElement>();

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    // jsdom and hidden elements have no layout: draw at a nominal width then.
    const cssWidth = width || canvas.clientWidth || 480;
    const ratio = window.devicePixelRatio || 1;
    const size = { width: Math.round(cssWidth * ratio), height: Math.round(STRIP_HEIGHT * ratio) };
    if (canvas.width !== size.width || canvas.height !== size.height) {
      canvas.width = size.width;
      canvas.height = size.height;
    }
    const context = canvas.getContext('2d');
    if (!context) return;
    context.clearRect(0, 0, size.width, size.height);
    context.fillStyle = DISAGREE_COLOR;
    for (const rect of stripRects(spans, count, size.width, ratio)) {
      context.fillRect(rect.x, 0, rect.width, size.height);
    }
    canvas.dataset.rendered = 'true';
  }, [ref, spans, count, width]);

  return (
    <canvas
      ref={ref}
      aria-hidden="true"
      data-spans={spans.length}
      className="pointer-events-none absolute inset-0 size-full rounded-md"
    />
  );
});

/** The strip's text equivalent: each disagreeing stretch as a button that goes to its start. */
function DisagreementList({
  frames,
  spans,
  onGo,
}: {
  frames: readonly FrameDiff[];
  spans: readonly [number, number][];
  onGo: (position: number) => void;
}) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? spans : spans.slice(0, LIST_LIMIT);
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-slate-700">Where A and B disagree</summary>
      <ul aria-label="Disagreements" className="mt-1 flex flex-wrap gap-1">
        {shown.map(([first, last]) => {
          const start = frames[first];
          const end = frames[last];
          if (!start || !end) return null;
          const frameCount = last - first + 1;
          const label =
            frameCount === 1
              ? `${formatFrameTime(start.timeMs)}: ${describeReasons(start.reasons)}`
              : `${formatFrameTime(start.timeMs)} to ${formatFrameTime(end.timeMs)} (${frameCount} frames)`;
          return (
            <li key={first}>
              <Button variant="ghost" size="sm" className="h-7 px-2 tabular-nums" onClick={() => onGo(first)}>
                {label}
              </Button>
            </li>
          );
        })}
      </ul>
      {spans.length > LIST_LIMIT ? (
        <Button variant="link" size="sm" className="px-0" onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer' : `Show all ${spans.length} stretches`}
        </Button>
      ) : null}
    </details>
  );
}
