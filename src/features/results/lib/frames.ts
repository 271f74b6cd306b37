/**
 * The sampled frames of a video output as the player reads them: each frame's position, time and
 * data; which frame is on screen at a playback time; and a one-line summary of what each frame
 * holds, for the timeline's marks, its tooltip and its `aria-valuetext`. Pure functions.
 */
import { frameTimeMs, type Data, type Frame } from '@contract/clarifai';
import { assignColors, colorFor, PALETTE } from '@/lib/colors';
import { formatScore } from '@/lib/format';
import { conceptName, sortConcepts } from '@/features/results/lib/concepts';
import { regionColorKey, type RegionClass } from '@/features/results/lib/region-model';

export interface FrameEntry {
  /** Position in `frames[]`: the timeline's value. */
  position: number;
  /** The frame's own index; frame 0 may arrive without one (protobuf leaves zero out). */
  index: number;
  timeMs: number;
  data: Data;
}

const EMPTY_DATA: Data = {};

export function frameEntries(frames: readonly Frame[]): FrameEntry[] {
  return frames.map((frame, position) => ({
    position,
    index: frame.frame_info?.index ?? position,
    timeMs: frameTimeMs(frame),
    data: frame.data ?? EMPTY_DATA,
  }));
}

/**
 * The frame shown at `timeMs`: the one whose time is nearest. Frames sit at the middle of their
 * windows (500, 1500, ... ms), so "nearest" is "the window that holds this moment"; a moment
 * exactly between two frames belongs to the later window. `times` ascend; -1 when there are none.
 */
export function nearestFrame(times: readonly number[], timeMs: number): number {
  if (times.length === 0) return -1;
  let low = 0;
  let high = times.length;
  // First frame at or after timeMs.
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((times[middle] ?? 0) < timeMs) low = middle + 1;
    else high = middle;
  }
  if (low === 0) return 0;
  if (low === times.length) return times.length - 1;
  const before = times[low - 1] ?? 0;
  const after = times[low] ?? 0;
  return timeMs - before < after - timeMs ? low - 1 : low;
}

/** "3.5 s", "0.15 s" (sampled every 100 ms the frames sit at 50, 150, ... ms), "2 s". */
export function formatFrameTime(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** "Frame 3 at 3.5 s", the player's heading for the frame on screen. */
export function frameTitle(entry: Pick<FrameEntry, 'index' | 'timeMs'>): string {
  return `Frame ${entry.index} at ${formatFrameTime(entry.timeMs)}`;
}

export type FrameSummaryKind = 'text' | 'regions' | 'concept' | 'empty';

export interface FrameSummary {
  kind: FrameSummaryKind;
  /** What was found, in a few words: the text read, "3 regions", "cat 80.0%", "nothing found". */
  label: string;
  /** The measure behind the mark: region count, top concept value, 1 for text, 0 when empty. */
  value: number;
  color: string;
}

const TEXT_COLOR = PALETTE[2];
const REGION_COLOR = PALETTE[0];
const EMPTY_COLOR = '#94a3b8';
const LABEL_LENGTH = 80;

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > LABEL_LENGTH ? `${oneLine.slice(0, LABEL_LENGTH - 1)}…` : oneLine;
}

// Frames keep their data objects while a stream grows (see lib/results-stream), so each frame is
// summarised once however many times the growing list is read.
const summaries = new WeakMap<Data, FrameSummary>();

/**
 * What one frame holds, by what reads best: its text (OCR, a translation), else its regions
 * (their texts when they are OCR lines, else how many), else its top concept.
 */
export function summariseFrame(data: Data): FrameSummary {
  const cached = summaries.get(data);
  if (cached) return cached;
  const summary = summarise(data);
  summaries.set(data, summary);
  return summary;
}

function summarise(data: Data): FrameSummary {
  const raw = data.text?.raw?.trim();
  if (raw) return { kind: 'text', label: clip(raw), value: 1, color: TEXT_COLOR };
  const regions = data.regions ?? [];
  if (regions.length > 0) {
    const texts = regions.map((region) => region.data?.text?.raw?.trim() ?? '').filter(Boolean);
    if (texts.length > 0) return { kind: 'text', label: clip(texts.join(' ')), value: 1, color: TEXT_COLOR };
    const count = regions.length;
    return {
      kind: 'regions',
      label: `${count} region${count === 1 ? '' : 's'}`,
      value: count,
      color: REGION_COLOR,
    };
  }
  const top = sortConcepts(data.concepts ?? [])[0];
  if (top) {
    const name = conceptName(top);
    return {
      kind: 'concept',
      label: top.value === undefined ? name : `${name} ${formatScore(top.value)}`,
      value: top.value ?? 1,
      color: colorFor(name),
    };
  }
  return { kind: 'empty', label: 'nothing found', value: 0, color: EMPTY_COLOR };
}

/** "Frame 3 at 3.5 s: 3", the timeline's `aria-valuetext` and tooltip. */
export function frameValueText(entry: Pick<FrameEntry, 'index' | 'timeMs'>, summary: FrameSummary): string {
  return `${frameTitle(entry)}: ${summary.label}`;
}

/**
 * Each frame's mark height, 0..1: region counts relative to the busiest frame (a lone region
 * still shows), concept values as they are, text as a full mark, nothing as no mark.
 */
export function markLevels(summaries: readonly FrameSummary[]): number[] {
  let most = 0;
  for (const summary of summaries) if (summary.kind === 'regions') most = Math.max(most, summary.value);
  return summaries.map((summary) => {
    switch (summary.kind) {
      case 'regions':
        return Math.max(0.25, summary.value / most);
      case 'concept':
        return Math.min(1, Math.max(0.05, summary.value));
      case 'text':
        return 1;
      case 'empty':
        return 0;
    }
  });
}

const classKeys = new WeakMap<Data, readonly string[]>();

function frameClassKeys(data: Data): readonly string[] {
  let keys = classKeys.get(data);
  if (!keys) {
    keys = (data.regions ?? []).map(regionColorKey);
    classKeys.set(data, keys);
  }
  return keys;
}

/**
 * The region classes over every frame, with one colour each: a class keeps its colour from frame
 * to frame, and the legend lists what the whole video holds.
 */
export function frameRegionClasses(entries: readonly FrameEntry[]): {
  classes: RegionClass[];
  colors: Map<string, string>;
} {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    for (const key of frameClassKeys(entry.data)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const colors = assignColors(counts.keys());
  const classes = [...counts]
    .map(([key, count]) => ({ key, count, color: colors.get(key) ?? REGION_COLOR }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return { classes, colors };
}
