import { describe, expect, it } from 'vitest';
import {
  binaryMask,
  diffMaskClasses,
  diffMasks,
  mergeDisagreements,
  ONLY_A,
  ONLY_B,
  resampleMask,
} from '@/features/compare/lib/diff-masks';

const size = { width: 4, height: 2 };
// A: the left half; B: the middle two columns.
const left = Uint8Array.from([1, 1, 0, 0, 1, 1, 0, 0]);
const middle = Uint8Array.from([0, 255, 255, 0, 0, 255, 255, 0]);

describe('diffMasks', () => {
  it('marks the pixels each side alone claims and computes IoU', () => {
    const diff = diffMasks(left, middle, size);
    expect([...diff.disagreement]).toEqual([ONLY_A, 0, ONLY_B, 0, ONLY_A, 0, ONLY_B, 0]);
    expect(diff).toMatchObject({ intersection: 2, union: 6, onlyA: 2, onlyB: 2 });
    expect(diff.iou).toBeCloseTo(1 / 3, 10);
  });

  it('is 1 for identical masks, including two empty ones', () => {
    expect(diffMasks(left, left, size).iou).toBe(1);
    expect(diffMasks(new Uint8Array(8), new Uint8Array(8), size).iou).toBe(1);
  });

  it('refuses masks of the wrong size', () => {
    expect(() => diffMasks(left, new Uint8Array(6), size)).toThrow(RangeError);
  });
});

describe('diffMaskClasses', () => {
  it('compares each class, a class found by one side against nothing, worst first', () => {
    const a = new Map([
      ['person', left],
      ['sky', middle],
    ]);
    const b = new Map([
      ['person', middle],
      ['tree', left],
    ]);
    const diffs = diffMaskClasses(a, b, size);
    expect(diffs.map((d) => [d.className, d.presence, Number(d.iou.toFixed(3))])).toEqual([
      ['sky', 'a-only', 0],
      ['tree', 'b-only', 0],
      ['person', 'both', 0.333],
    ]);
    const merged = mergeDisagreements(diffs, size);
    expect([...merged].every((v) => v !== 0)).toBe(false);
    expect(merged[0]).toBe(ONLY_B); // tree (B only) covers the left half; sorted before person
  });
});

describe('binaryMask', () => {
  it('reads an opaque grey raster by value and a transparent one by alpha', () => {
    expect([...binaryMask([0, 0, 0, 255, 9, 9, 9, 255])]).toEqual([0, 1]);
    expect([...binaryMask([0, 0, 0, 0, 0, 0, 0, 200])]).toEqual([0, 1]);
  });
});

describe('resampleMask', () => {
  it('scales by nearest neighbour', () => {
    const small = Uint8Array.from([1, 0]);
    expect([...resampleMask(small, { width: 2, height: 1 }, { width: 4, height: 2 })]).toEqual([
      1, 1, 0, 0, 1, 1, 0, 0,
    ]);
  });
});
