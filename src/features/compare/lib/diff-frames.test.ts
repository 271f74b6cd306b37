import { describe, expect, it } from 'vitest';
import type { Data, Frame } from '@contract/clarifai';
import {
  alignFrames,
  diffFrames,
  disagreementSpans,
  nextDisagreement,
} from '@/features/compare/lib/diff-frames';

const frame = (time: number | string, data: Data = {}): Frame => ({ frame_info: { time }, data });
const concept = (id: string, value: number) => ({ id, name: id, value });
const boxRegion = (left: number, id = 'car', value = 0.9) => ({
  value,
  region_info: { bounding_box: { top_row: 0.1, left_col: left, bottom_row: 0.5, right_col: left + 0.3 } },
  data: { concepts: [concept(id, value)] },
});

describe('alignFrames', () => {
  it('pairs frames by time (numbers or strings) and leaves the rest alone', () => {
    const aligned = alignFrames(
      [frame(500), frame('1500'), frame(2500)],
      [frame('500'), frame(2500), frame(3500)],
    );
    expect(aligned.map((f) => [f.timeMs, f.a !== undefined, f.b !== undefined])).toEqual([
      [500, true, true],
      [1500, true, false],
      [2500, true, true],
      [3500, false, true],
    ]);
  });

  it('pairs nearby times within the tolerance', () => {
    expect(alignFrames([frame(500)], [frame(520)], 25)).toHaveLength(1);
    expect(alignFrames([frame(500)], [frame(520)])).toHaveLength(2);
  });
});

describe('diffFrames', () => {
  const a = [
    frame(500, { concepts: [concept('road', 0.9), concept('tree', 0.3)] }),
    frame(1500, { concepts: [concept('road', 0.9)] }),
    frame(2500, { regions: [boxRegion(0.1)] }),
    frame(3500, { regions: [boxRegion(0.1)] }),
    frame(4500, { regions: [boxRegion(0.1, 'car')] }),
  ];
  const b = [
    // Tree moves but stays under 0.5: no disagreement.
    frame(500, { concepts: [concept('road', 0.8), concept('tree', 0.45)] }),
    frame(1500, { concepts: [concept('road', 0.9), concept('car', 0.6)] }),
    frame(2500, { regions: [boxRegion(0.12)] }),
    frame(3500, { regions: [] }),
    frame(4500, { regions: [boxRegion(0.1, 'truck')] }),
    frame(5500),
  ];

  it('marks frames with different concepts above the threshold, unmatched or relabelled boxes, or a missing side', () => {
    const diffs = diffFrames(a, b);
    expect(diffs.map((d) => [d.timeMs, d.disagrees, d.reasons])).toEqual([
      [500, false, []],
      [1500, true, ['concepts']],
      [2500, false, []],
      [3500, true, ['regions']],
      [4500, true, ['labels']],
      [5500, true, ['missing']],
    ]);
    expect(diffs[1]?.conceptsB).toEqual(['car', 'road']);
    expect([diffs[3]?.unmatchedA, diffs[3]?.unmatchedB]).toEqual([1, 0]);
  });

  it('ignores boxes under the threshold', () => {
    const diffs = diffFrames([frame(0, { regions: [boxRegion(0.1, 'car', 0.2)] })], [frame(0)]);
    expect(diffs[0]?.disagrees).toBe(false);
  });

  it('compares text per frame', () => {
    expect(
      diffFrames([frame(0, { text: { raw: 'EXIT' } })], [frame(0, { text: { raw: 'EX1T' } })])[0]?.reasons,
    ).toEqual(['text']);
  });
});

describe('nextDisagreement', () => {
  const strip = [false, true, false, false, true, false].map((disagrees) => ({ disagrees }));

  it('jumps forward and back without wrapping', () => {
    expect(nextDisagreement(strip, 0, 1)).toBe(1);
    expect(nextDisagreement(strip, 1, 1)).toBe(4);
    expect(nextDisagreement(strip, 4, 1)).toBeNull();
    expect(nextDisagreement(strip, 4, -1)).toBe(1);
    expect(nextDisagreement(strip, 1, -1)).toBeNull();
  });

  it('searches from an end when started outside the strip', () => {
    expect(nextDisagreement(strip, -1, 1)).toBe(1);
    expect(nextDisagreement(strip, strip.length, -1)).toBe(4);
    expect(nextDisagreement(strip, 99, 1)).toBeNull();
    expect(nextDisagreement([], 0, 1)).toBeNull();
  });

  it('groups disagreeing frames into spans', () => {
    expect(disagreementSpans([true, true, false, true].map((disagrees) => ({ disagrees })))).toEqual([
      [0, 1],
      [3, 3],
    ]);
  });
});
