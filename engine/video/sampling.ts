/**
 * Which frames a video is answered on. `sample_ms` splits the video into windows
 * [k·sample_ms, (k+1)·sample_ms); each window is represented by the frame on screen at its middle,
 * time k·sample_ms + ⌊sample_ms/2⌋ (500, 1500, ... ms at the default 1000, as Clarifai's responses
 * show). A window counts if its middle is inside the video (strictly before the end), so the last,
 * partial window is included when the video reaches its middle.
 *
 * A video shorter than half a window has no middle inside it; rather than answer no frames it gets
 * one, index 0, at the middle of the part of the first window that it covers: ⌊duration/2⌋.
 */
import { SAMPLE_MS } from '../../contract/clarifai';

export interface FramePlan {
  /** Time of frame 0, ms. */
  readonly firstMs: number;
  /** Gap between frames, ms (the request's `sample_ms`). */
  readonly periodMs: number;
  readonly count: number;
}

export function planFrames(durationMs: number, sampleMs: number = SAMPLE_MS.default): FramePlan {
  if (!(durationMs > 0)) throw new RangeError(`duration must be positive, not ${durationMs}`);
  if (!Number.isInteger(sampleMs) || sampleMs <= 0)
    throw new RangeError(`sample_ms must be a positive integer, not ${sampleMs}`);
  const middle = Math.floor(sampleMs / 2);
  if (middle < durationMs) {
    return { firstMs: middle, periodMs: sampleMs, count: Math.ceil((durationMs - middle) / sampleMs) };
  }
  return { firstMs: Math.floor(durationMs / 2), periodMs: sampleMs, count: 1 };
}

/** The time of frame `index`, in whole milliseconds (Clarifai's `frame_info.time`). */
export function frameTime(plan: FramePlan, index: number): number {
  return plan.firstMs + index * plan.periodMs;
}

/**
 * ffmpeg's filter for the plan: timestamps shifted so frame k's time falls on output tick k, then
 * `fps` with `round=up` keeps, for each tick, the last frame that starts at or before it (the
 * frame on screen at that instant), repeating a frame when the video has fewer frames than ticks.
 */
export function samplingFilter(plan: FramePlan): string {
  const shift = (plan.firstMs / 1000).toFixed(3);
  return `setpts=PTS-STARTPTS-${shift}/TB,fps=fps=1000/${plan.periodMs}:start_time=0:round=up`;
}
