import { describe, expect, it } from 'vitest';
import type { Region } from '@contract/clarifai';
import { boxIoU, matchRegions, regionLabel } from '@/features/compare/lib/match-regions';

const box = (top: number, left: number, bottom: number, right: number) => ({
  top_row: top,
  left_col: left,
  bottom_row: bottom,
  right_col: right,
});

const region = (
  id: string,
  b: ReturnType<typeof box> | undefined,
  concept: string,
  value: number,
): Region => ({
  id,
  value,
  ...(b ? { region_info: { bounding_box: b } } : {}),
  data: { concepts: [{ id: concept, name: concept, value }] },
});

describe('boxIoU', () => {
  it('is 1 for the same box and 0 for disjoint boxes', () => {
    expect(boxIoU(box(0, 0, 0.5, 0.5), box(0, 0, 0.5, 0.5))).toBe(1);
    expect(boxIoU(box(0, 0, 0.5, 0.5), box(0.5, 0.5, 1, 1))).toBe(0);
  });

  it('computes a known overlap: two unit-0.4 squares shifted by half a side', () => {
    // Intersection 0.2 × 0.4 = 0.08; union 0.16 + 0.16 − 0.08 = 0.24.
    expect(boxIoU(box(0, 0, 0.4, 0.4), box(0, 0.2, 0.4, 0.6))).toBeCloseTo(1 / 3, 10);
  });

  it('reads missing edges as 0, as the overlay draws them', () => {
    expect(boxIoU({ bottom_row: 0.5, right_col: 0.5 }, box(0, 0, 0.5, 0.5))).toBe(1);
  });
});

describe('regionLabel', () => {
  it('uses the top concept, else the region text', () => {
    expect(
      regionLabel({
        data: {
          concepts: [
            { id: 'a', value: 0.2 },
            { id: 'b', name: 'Bee', value: 0.9 },
          ],
        },
      })?.label,
    ).toBe('Bee');
    expect(regionLabel({ data: { text: { raw: 'STOP' } } })).toEqual({ key: 'text:STOP', label: 'STOP' });
    expect(regionLabel({})).toBeUndefined();
  });
});

describe('matchRegions', () => {
  it('matches boxes by IoU with the confidence change and label change, and lists the rest', () => {
    const a = [
      region('a0', box(0, 0, 0.4, 0.4), 'cat', 0.9),
      region('a1', box(0.6, 0.6, 0.9, 0.9), 'dog', 0.8),
    ];
    const b = [
      region('b0', box(0.7, 0.1, 0.9, 0.3), 'bird', 0.7),
      region('b1', box(0, 0, 0.4, 0.38), 'lynx', 0.6),
    ];
    const diff = matchRegions(a, b);
    expect(diff.matched).toHaveLength(1);
    const [m] = diff.matched;
    expect(m?.indexA).toBe(0);
    expect(m?.indexB).toBe(1);
    expect(m?.iou).toBeCloseTo(0.95, 10);
    expect(m?.confidenceDelta).toBeCloseTo(-0.3, 10);
    expect(m?.labelChanged).toBe(true);
    expect([m?.labelA, m?.labelB]).toEqual(['cat', 'lynx']);
    expect(diff.aOnly.map((r) => [r.index, r.label])).toEqual([[1, 'dog']]);
    expect(diff.bOnly.map((r) => [r.index, r.label])).toEqual([[0, 'bird']]);
  });

  it('leaves boxes under the IoU threshold unmatched', () => {
    const a = [region('a', box(0, 0, 0.4, 0.4), 'cat', 0.9)];
    const b = [region('b', box(0, 0.2, 0.4, 0.6), 'cat', 0.9)]; // IoU 1/3
    expect(matchRegions(a, b).matched).toHaveLength(0);
    expect(matchRegions(a, b, { iouThreshold: 0.3 }).matched).toHaveLength(1);
  });

  it('prefers the box with the same concept over a better-overlapping relabelled one', () => {
    const a = [region('a', box(0, 0, 0.5, 0.5), 'cat', 0.9)];
    const b = [
      region('dog', box(0, 0, 0.5, 0.5), 'dog', 0.9),
      region('cat', box(0, 0, 0.5, 0.4), 'cat', 0.8),
    ];
    const diff = matchRegions(a, b);
    expect(diff.matched.map((m) => [m.indexA, m.indexB, m.labelChanged])).toEqual([[0, 1, false]]);
    expect(diff.bOnly.map((r) => r.index)).toEqual([0]);
  });

  it('gives each box at most one partner, the best overlap first', () => {
    const a = [region('a0', box(0, 0, 0.5, 0.5), 'x', 0.9), region('a1', box(0, 0, 0.5, 0.45), 'x', 0.9)];
    const b = [region('b0', box(0, 0, 0.5, 0.46), 'x', 0.9)];
    const diff = matchRegions(a, b);
    expect(diff.matched.map((m) => [m.indexA, m.indexB])).toEqual([[1, 0]]);
    expect(diff.aOnly.map((r) => r.index)).toEqual([0]);
  });

  it('pairs box-less (mask) regions by id, then by concept', () => {
    const a = [region('r1', undefined, 'person', 0.9), region('x', undefined, 'sky', 0.8)];
    const b = [region('y', undefined, 'sky', 0.7), region('r1', undefined, 'person', 0.95)];
    const diff = matchRegions(a, b);
    expect(diff.matched.map((m) => [m.indexA, m.indexB, m.pairedBy, m.iou])).toEqual([
      [0, 1, 'region-id', null],
      [1, 0, 'concept', null],
    ]);
  });

  it('drops regions under minValue but keeps the original indices', () => {
    const a = [region('low', box(0, 0, 0.2, 0.2), 'x', 0.1), region('hi', box(0.5, 0.5, 1, 1), 'x', 0.9)];
    const diff = matchRegions(a, [], { minValue: 0.5 });
    expect(diff.aOnly.map((r) => r.index)).toEqual([1]);
  });
});
