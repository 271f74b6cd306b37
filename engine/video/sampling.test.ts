import { describe, expect, it } from 'vitest';
import { frameTime, planFrames, samplingFilter } from './sampling';

const times = (durationMs: number, sampleMs?: number) => {
  const plan = planFrames(durationMs, sampleMs);
  return Array.from({ length: plan.count }, (_, index) => frameTime(plan, index));
};

describe('frame times', () => {
  it('puts frames at the middle of each window: 500, 1500, ... at the default 1000 ms', () => {
    expect(times(5000)).toEqual([500, 1500, 2500, 3500, 4500]);
    expect(times(5000, 500)).toEqual([250, 750, 1250, 1750, 2250, 2750, 3250, 3750, 4250, 4750]);
  });

  it('at 100 ms, 50 frames over 5 s at 50, 150, ..., 4950', () => {
    const at100 = times(5000, 100);
    expect(at100).toHaveLength(50);
    expect(at100.slice(0, 3)).toEqual([50, 150, 250]);
    expect(at100.at(-1)).toBe(4950);
  });

  it('includes the last, partial window only when its middle is inside the video', () => {
    expect(times(4600)).toEqual([500, 1500, 2500, 3500, 4500]);
    // A middle exactly at the end is not inside: nothing is on screen at that instant.
    expect(times(4500)).toEqual([500, 1500, 2500, 3500]);
    expect(times(4500.5)).toHaveLength(5);
  });

  it('rounds an odd sample_ms down to whole milliseconds', () => {
    expect(times(1000, 333)).toEqual([166, 499, 832]);
  });

  it('samples a video shorter than half a window once, at its own middle', () => {
    expect(planFrames(5000, 60000)).toEqual({ firstMs: 2500, periodMs: 60000, count: 1 });
    expect(times(5000, 10000)).toEqual([2500]);
    // Half a window exactly: the middle (5000) is at the end, not inside, so the video's middle.
    expect(times(5000, 10001)).toEqual([2500]);
    expect(times(5001, 10000)).toEqual([5000]);
  });

  it('refuses durations and sample_ms that make no sense', () => {
    expect(() => planFrames(0)).toThrow(RangeError);
    expect(() => planFrames(1000, 0)).toThrow(RangeError);
    expect(() => planFrames(1000, 1.5)).toThrow(RangeError);
  });

  it('tells ffmpeg to shift time so frame k falls on output tick k', () => {
    expect(samplingFilter(planFrames(5000, 1000))).toBe(
      'setpts=PTS-STARTPTS-0.500/TB,fps=fps=1000/1000:start_time=0:round=up',
    );
    expect(samplingFilter(planFrames(5000, 60000))).toContain('PTS-STARTPTS-2.500/TB,fps=fps=1000/60000');
  });
});
