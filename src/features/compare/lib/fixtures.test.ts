/**
 * The diffs on recorded Clarifai answers (shared/clarifai-examples beside the repository, as in
 * CI): a version compared with itself shows no difference, and one planted change is found.
 */
import { describe, expect, it } from 'vitest';
import { MultiOutputResponse, type Frame } from '@contract/clarifai';
import { diffFrames, nextDisagreement } from '@/features/compare/lib/diff-frames';
import { diffOutputs, outputsDiffer } from '@/features/compare/lib/diff-outputs';

const recorded = import.meta.glob<unknown>(
  '../../../../../shared/clarifai-examples/rest-json/video-predict-response.json',
  {
    eager: true,
    import: 'default',
  },
);
const json = Object.values(recorded)[0];
const response = MultiOutputResponse.parse(json);
const output = response.outputs?.[0];
const frames = output?.data?.frames ?? [];

describe('a recorded video answer', () => {
  it('has frames to compare', () => {
    expect(frames.length).toBe(9);
  });

  it('agrees with itself on every frame', () => {
    expect(diffFrames(frames, frames).filter((f) => f.disagrees)).toEqual([]);
    expect(outputsDiffer(diffOutputs(output, output))).toBe(false);
  });

  it('finds the one frame where a planted concept crosses the threshold', () => {
    const planted: Frame[] = frames.map((frame, i) =>
      i === 4
        ? {
            ...frame,
            data: {
              ...frame.data,
              concepts: [{ id: 'planted', name: 'planted', value: 0.99 }, ...(frame.data?.concepts ?? [])],
            },
          }
        : frame,
    );
    const diffs = diffFrames(frames, planted);
    expect(diffs.filter((f) => f.disagrees).map((f) => [f.position, f.timeMs, f.reasons])).toEqual([
      [4, 4000, ['concepts']],
    ]);
    expect(nextDisagreement(diffs, 0, 1)).toBe(4);
    expect(nextDisagreement(diffs, 4, 1)).toBeNull();
  });
});
