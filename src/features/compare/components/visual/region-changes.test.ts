import { describe, expect, it } from 'vitest';
import type { Region } from '@contract/clarifai';
import { matchRegions } from '@/features/compare/lib/match-regions';
import { regionItems } from '@/features/results/lib/region-model';
import {
  changeCounts,
  matchLabel,
  partnerMaps,
  unionRegionClasses,
  visibleChanges,
} from '@/features/compare/components/visual/region-changes';

const region = (name: string, value: number, left: number): Region => ({
  region_info: { bounding_box: { top_row: 0.1, left_col: left, bottom_row: 0.3, right_col: left + 0.1 } },
  data: { concepts: [{ id: name, name, value }] },
});

const a = [region('car', 0.9, 0), region('person', 0.8, 0.3), region('dog', 0.4, 0.6)];
const b = [region('truck', 0.95, 0), region('person', 0.3, 0.3), region('cat', 0.7, 0.8)];

describe('visible region changes', () => {
  const diff = matchRegions(a, b);
  const all = () => true;

  it('lists pairs, the label change and one-sided regions, counted', () => {
    const changes = visibleChanges(diff, all, all);
    expect(changes.matched.map(matchLabel)).toEqual(['car → truck', 'person']);
    expect(changes.aOnly.map((one) => one.index)).toEqual([2]);
    expect(changes.bOnly.map((one) => one.index)).toEqual([2]);
    expect(changeCounts(changes)).toBe('2 matched · 1 only in A · 1 only in B');
  });

  it('counts a pair whose B box is hidden as A’s alone, and drops what neither side shows', () => {
    const shownB = (index: number) => index !== 1;
    const shownA = (index: number) => index !== 2;
    const changes = visibleChanges(diff, shownA, shownB);
    expect(changes.matched.map((pair) => pair.indexA)).toEqual([0]);
    expect(changes.aOnly).toEqual([expect.objectContaining({ index: 1, partnerHidden: true })]);
    expect(changes.bOnly.map((one) => one.index)).toEqual([2]);
    expect(changeCounts(changes)).toBe('1 matched · 1 only in A · 1 only in B');
  });

  it('maps partners both ways', () => {
    const { aToB, bToA } = partnerMaps(diff);
    expect([...aToB]).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(bToA.get(1)).toBe(1);
    expect(aToB.has(2)).toBe(false);
  });

  it('gives a class one colour over both versions', () => {
    const { classes, colors } = unionRegionClasses(regionItems(a), regionItems(b));
    expect(classes.find((c) => c.key === 'person')?.count).toBe(2);
    expect(new Set(colors.keys())).toEqual(new Set(['car', 'person', 'dog', 'truck', 'cat']));
    // Distinct classes, distinct colours (five fit the palette).
    expect(new Set(colors.values()).size).toBe(5);
  });
});
