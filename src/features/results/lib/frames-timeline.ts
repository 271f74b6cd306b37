/**
 * The timeline strip's geometry: frames share the strip's width equally (they are evenly spaced
 * in time), so a pointer position maps to a frame and a frame to a slot. The marks are a display
 * list (lib/draw-commands) so a clip of 6,000 frames is one canvas, not 6,000 elements: when
 * there are more frames than pixel columns, each column shows the strongest frame it covers.
 */
import type { DrawCommand } from '@/lib/draw-commands';
import type { Size } from '@/lib/geometry';

/** The frame under `x` (0..width) on a strip of `count` frames; clamped to the ends. */
export function frameAtX(x: number, width: number, count: number): number {
  if (count <= 0) return -1;
  if (width <= 0) return 0;
  return Math.min(count - 1, Math.max(0, Math.floor((x / width) * count)));
}

/** Where frame `index` sits on the strip: its slot's left edge and width. */
export function frameSlot(index: number, width: number, count: number): { x: number; width: number } {
  if (count <= 0) return { x: 0, width: 0 };
  const slot = width / count;
  return { x: index * slot, width: slot };
}

export interface TimelineBar {
  /** The frame the bar stands for (the strongest of its column when frames share a column). */
  frame: number;
  x: number;
  width: number;
  height: number;
  color: string;
}

/** Marks narrower than this many pixels per frame are drawn per column instead of per frame. */
const MIN_SLOT = 2;
/** A mark never gets shorter than this many pixels, so a weak answer is still seen. */
const MIN_HEIGHT = 2;

/**
 * One bar per frame with a mark (level > 0), standing on the strip's bottom edge, in device
 * pixels. Frames with room get a bar with a gap beside it; crowded ones share columns.
 */
export function timelineBars(
  levels: readonly number[],
  colors: readonly string[],
  size: Size,
): TimelineBar[] {
  const count = levels.length;
  const columns = Math.floor(size.width);
  if (count === 0 || columns <= 0 || size.height <= 0) return [];
  const bar = (frame: number, x: number, width: number): TimelineBar | null => {
    const level = levels[frame] ?? 0;
    if (level <= 0) return null;
    return {
      frame,
      x,
      width,
      height: Math.max(MIN_HEIGHT, Math.round(level * size.height)),
      color: colors[frame] ?? '#0072B2',
    };
  };
  const bars: TimelineBar[] = [];
  const slot = size.width / count;
  if (slot >= MIN_SLOT) {
    const gap = slot >= 6 ? 1 : 0;
    for (let frame = 0; frame < count; frame += 1) {
      const x = Math.round(frame * slot);
      const next = Math.round((frame + 1) * slot);
      const made = bar(frame, x, Math.max(1, next - x - gap));
      if (made) bars.push(made);
    }
    return bars;
  }
  for (let column = 0; column < columns; column += 1) {
    const first = Math.floor((column * count) / columns);
    const end = Math.max(first + 1, Math.floor(((column + 1) * count) / columns));
    let strongest = first;
    for (let frame = first + 1; frame < end && frame < count; frame += 1) {
      if ((levels[frame] ?? 0) > (levels[strongest] ?? 0)) strongest = frame;
    }
    const made = bar(strongest, column, 1);
    if (made) bars.push(made);
  }
  return bars;
}

/** The strip as drawing commands: a faint baseline, then the bars. */
export function timelineCommands(bars: readonly TimelineBar[], size: Size, baseline: string): DrawCommand[] {
  const line = Math.max(1, Math.round(size.height / 40));
  return [
    {
      op: 'fillRect',
      x: 0,
      y: size.height - line,
      width: size.width,
      height: line,
      color: baseline,
      alpha: 1,
    },
    ...bars.map((bar): DrawCommand => ({
      op: 'fillRect',
      x: bar.x,
      y: size.height - bar.height,
      width: bar.width,
      height: bar.height,
      color: bar.color,
      alpha: 0.85,
    })),
  ];
}
