/**
 * Video outputs of two versions, frame by frame, for the disagreement strip: frames are aligned by
 * time (both versions sample the same video; with the same `sample_ms` the times are equal), and a
 * frame "disagrees" when the two versions see different things there: different concepts above
 * the threshold, a box only one of them found (or whose label changed), different text, or a frame
 * only one of them has. `nextDisagreement` is what ← / → call.
 */
import { frameTimeMs, type Data, type Frame } from '@contract/clarifai';
import { DEFAULT_IOU_THRESHOLD, matchRegions } from '@/features/compare/lib/match-regions';
import { DEFAULT_CONCEPT_THRESHOLD } from '@/features/compare/lib/diff-concepts';

export type FrameReason = 'missing' | 'concepts' | 'regions' | 'labels' | 'text';

export interface AlignedFrame {
  timeMs: number;
  a: Frame | undefined;
  b: Frame | undefined;
}

export interface FrameDiff extends AlignedFrame {
  /** Position in the aligned list: the strip's value. */
  position: number;
  disagrees: boolean;
  /** Why, in a fixed order; empty when the frame agrees. */
  reasons: FrameReason[];
  /** Concept ids at or above the threshold, sorted. */
  conceptsA: string[];
  conceptsB: string[];
  /** Boxes (at or above the threshold) that only one side found. */
  unmatchedA: number;
  unmatchedB: number;
}

export interface DiffFramesOptions {
  /** Concepts and regions below this value are ignored; default 0.5. */
  threshold?: number;
  iouThreshold?: number;
  /** Frames whose times differ by at most this many ms are the same frame; default 0. */
  toleranceMs?: number;
}

/**
 * Merges two frame lists by time (each sorted first; responses are already in order). Frames
 * closer than `toleranceMs` pair up; the rest stand alone with the other side undefined.
 */
export function alignFrames(a: readonly Frame[], b: readonly Frame[], toleranceMs = 0): AlignedFrame[] {
  const sorted = (frames: readonly Frame[]) =>
    frames.map((frame) => ({ frame, time: frameTimeMs(frame) })).sort((x, y) => x.time - y.time);
  const listA = sorted(a);
  const listB = sorted(b);
  const out: AlignedFrame[] = [];
  let i = 0;
  let j = 0;
  while (i < listA.length || j < listB.length) {
    const fa = listA[i];
    const fb = listB[j];
    if (fa && fb && Math.abs(fa.time - fb.time) <= toleranceMs) {
      out.push({ timeMs: Math.min(fa.time, fb.time), a: fa.frame, b: fb.frame });
      i += 1;
      j += 1;
    } else if (fa && (!fb || fa.time < fb.time)) {
      out.push({ timeMs: fa.time, a: fa.frame, b: undefined });
      i += 1;
    } else if (fb) {
      out.push({ timeMs: fb.time, a: undefined, b: fb.frame });
      j += 1;
    }
  }
  return out;
}

function conceptsAbove(data: Data | undefined, threshold: number): string[] {
  return (data?.concepts ?? [])
    .filter((concept) => (concept.value ?? 1) >= threshold)
    .map((concept) => concept.id)
    .sort();
}

const sameList = (x: readonly string[], y: readonly string[]) =>
  x.length === y.length && x.every((v, i) => v === y[i]);

/** Compares two aligned frames. */
export function diffFrame(frame: AlignedFrame, position: number, options: DiffFramesOptions = {}): FrameDiff {
  const threshold = options.threshold ?? DEFAULT_CONCEPT_THRESHOLD;
  const iouThreshold = options.iouThreshold ?? DEFAULT_IOU_THRESHOLD;
  const dataA = frame.a?.data;
  const dataB = frame.b?.data;
  const conceptsA = conceptsAbove(dataA, threshold);
  const conceptsB = conceptsAbove(dataB, threshold);
  const regions = matchRegions(dataA?.regions ?? [], dataB?.regions ?? [], {
    iouThreshold,
    minValue: threshold,
  });
  const reasons: FrameReason[] = [];
  if (!frame.a || !frame.b) reasons.push('missing');
  if (!sameList(conceptsA, conceptsB)) reasons.push('concepts');
  if (regions.aOnly.length > 0 || regions.bOnly.length > 0) reasons.push('regions');
  if (regions.matched.some((match) => match.labelChanged)) reasons.push('labels');
  if ((dataA?.text?.raw ?? '') !== (dataB?.text?.raw ?? '')) reasons.push('text');
  return {
    ...frame,
    position,
    disagrees: reasons.length > 0,
    reasons,
    conceptsA,
    conceptsB,
    unmatchedA: regions.aOnly.length,
    unmatchedB: regions.bOnly.length,
  };
}

export function diffFrames(
  a: readonly Frame[],
  b: readonly Frame[],
  options: DiffFramesOptions = {},
): FrameDiff[] {
  return alignFrames(a, b, options.toleranceMs ?? 0).map((frame, position) =>
    diffFrame(frame, position, options),
  );
}

/**
 * The position of the next (direction 1) or previous (−1) disagreeing frame after `from`,
 * not wrapping; null when there is none. `from` may be −1 or the length to search from an end.
 */
export function nextDisagreement(
  frames: readonly Pick<FrameDiff, 'disagrees'>[],
  from: number,
  direction: 1 | -1,
): number | null {
  const start = Math.min(frames.length - 1, Math.max(0, from + direction));
  if (start !== from + direction && (start - from) * direction <= 0) return null;
  for (let i = start; i >= 0 && i < frames.length; i += direction) {
    if (frames[i]?.disagrees) return i;
  }
  return null;
}

/** Disagreeing stretches as [first, last] positions, for drawing the strip as a few bars. */
export function disagreementSpans(frames: readonly Pick<FrameDiff, 'disagrees'>[]): [number, number][] {
  const spans: [number, number][] = [];
  frames.forEach((frame, i) => {
    if (!frame.disagrees) return;
    const last = spans[spans.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else spans.push([i, i]);
  });
  return spans;
}
