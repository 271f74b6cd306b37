/**
 * The region list's model: what `matchRegions` found, under the view state (threshold and hidden
 * classes) the boxes are drawn with. Matching runs once per pair of outputs (it is quadratic);
 * a threshold step only re-sorts its answer here, which is linear: a pair with one side hidden
 * counts as that side's alone, as the pictures show it.
 */
import type { RegionDiff, RegionMatch, UnmatchedRegion } from '@/features/compare/lib/match-regions';
import { regionClasses, type RegionClass, type RegionItem } from '@/features/results/lib/region-model';

export interface OneSided extends UnmatchedRegion {
  /** True when the region had a partner whose box is hidden (below the threshold or switched off). */
  partnerHidden: boolean;
}

export interface VisibleChanges {
  matched: RegionMatch[];
  aOnly: OneSided[];
  bOnly: OneSided[];
}

export function visibleChanges(
  diff: RegionDiff,
  shownA: (index: number) => boolean,
  shownB: (index: number) => boolean,
): VisibleChanges {
  const matched: RegionMatch[] = [];
  const aOnly: OneSided[] = [];
  const bOnly: OneSided[] = [];
  for (const pair of diff.matched) {
    const a = shownA(pair.indexA);
    const b = shownB(pair.indexB);
    if (a && b) matched.push(pair);
    else if (a) aOnly.push({ region: pair.a, index: pair.indexA, label: pair.labelA, partnerHidden: true });
    else if (b) bOnly.push({ region: pair.b, index: pair.indexB, label: pair.labelB, partnerHidden: true });
  }
  for (const one of diff.aOnly) if (shownA(one.index)) aOnly.push({ ...one, partnerHidden: false });
  for (const one of diff.bOnly) if (shownB(one.index)) bOnly.push({ ...one, partnerHidden: false });
  const byIndex = (x: OneSided, y: OneSided) => x.index - y.index;
  return { matched, aOnly: aOnly.sort(byIndex), bOnly: bOnly.sort(byIndex) };
}

/** "3 matched · 1 only in A · 2 only in B" */
export function changeCounts(changes: VisibleChanges): string {
  return `${changes.matched.length} matched · ${changes.aOnly.length} only in A · ${changes.bOnly.length} only in B`;
}

/** "car → truck" when the label changed, else "car"; "region" for a region with no label. */
export function matchLabel(pair: RegionMatch): string {
  const a = pair.labelA ?? 'region';
  const b = pair.labelB ?? 'region';
  return pair.labelChanged ? `${a} → ${b}` : a;
}

/** Each region's partner on the other side, both ways, for linked highlights. */
export function partnerMaps(diff: RegionDiff): { aToB: Map<number, number>; bToA: Map<number, number> } {
  const aToB = new Map<number, number>();
  const bToA = new Map<number, number>();
  for (const pair of diff.matched) {
    aToB.set(pair.indexA, pair.indexB);
    bToA.set(pair.indexB, pair.indexA);
  }
  return { aToB, bToA };
}

/**
 * One legend and one colour per class over both versions, so "car" is the same colour in A and in
 * B; a class's count is both sides' regions together.
 */
export function unionRegionClasses(
  itemsA: readonly RegionItem[],
  itemsB: readonly RegionItem[],
): { classes: RegionClass[]; colors: Map<string, string> } {
  return regionClasses([...itemsA, ...itemsB]);
}
