/**
 * Which box in version B is "the same detection" as a box in version A. Greedy matching on IoU
 * (intersection over union of the two boxes) at or above a threshold, preferring pairs with the
 * same top concept, so a box that kept its label is not stolen by a relabelled neighbour. Greedy
 * on a sorted candidate list is deterministic and, for detections that overlap one-to-one (the
 * usual case), gives the same answer as an optimal assignment.
 *
 * Regions without a box (a segmenter's mask-only regions) cannot be compared by IoU here (their
 * pixels are decoded elsewhere, see diff-masks): they pair by region id, then by top concept (or text).
 */
import type { BoundingBox, Region } from '@contract/clarifai';
import { boxToPixels } from '@/lib/geometry';

export const DEFAULT_IOU_THRESHOLD = 0.5;

const UNIT = { width: 1, height: 1 };

/**
 * IoU of two normalised boxes, 0..1. Missing edges read as 0 and edges are clamped and ordered,
 * exactly as the overlay draws them (`boxToPixels`), so what is compared is what is seen.
 */
export function boxIoU(a: BoundingBox, b: BoundingBox): number {
  const ra = boxToPixels(a, UNIT);
  const rb = boxToPixels(b, UNIT);
  const w = Math.min(ra.x + ra.width, rb.x + rb.width) - Math.max(ra.x, rb.x);
  const h = Math.min(ra.y + ra.height, rb.y + rb.height) - Math.max(ra.y, rb.y);
  const intersection = w > 0 && h > 0 ? w * h : 0;
  const union = ra.width * ra.height + rb.width * rb.height - intersection;
  return union > 0 ? intersection / union : 0;
}

/** The region's top concept (highest value; the first on ties), or undefined. */
export function topConcept(
  region: Region,
): { id: string; label: string; value: number | undefined } | undefined {
  let best: { id: string; label: string; value: number | undefined } | undefined;
  for (const concept of region.data?.concepts ?? []) {
    if (!best || (concept.value ?? 0) > (best.value ?? 0)) {
      best = { id: concept.id, label: concept.name || concept.id, value: concept.value };
    }
  }
  return best;
}

/** A region's confidence: its own `value`, else its top concept's. */
export function regionConfidence(region: Region): number | undefined {
  return region.value ?? topConcept(region)?.value;
}

export interface RegionMatch {
  a: Region;
  b: Region;
  indexA: number;
  indexB: number;
  /** Null when the regions were paired without boxes (by id or concept). */
  iou: number | null;
  /** Confidence B − A; null when either side has none. */
  confidenceDelta: number | null;
  labelChanged: boolean;
  labelA: string | undefined;
  labelB: string | undefined;
  pairedBy: 'box' | 'region-id' | 'concept';
}

export interface UnmatchedRegion {
  region: Region;
  index: number;
  label: string | undefined;
}

export interface RegionDiff {
  /** Sorted by A's index. */
  matched: RegionMatch[];
  /** Sorted by index. */
  aOnly: UnmatchedRegion[];
  bOnly: UnmatchedRegion[];
}

export interface MatchRegionsOptions {
  /** Minimum IoU for two boxes to be the same detection; default 0.5. */
  iouThreshold?: number;
  /** Regions below this confidence are left out of the comparison entirely; default 0 (keep all). */
  minValue?: number;
}

/**
 * What a region says, for matching and for "label changed": its top concept, or for a region that
 * holds text instead (an OCR word) the text itself.
 */
export function regionLabel(region: Region): { key: string; label: string } | undefined {
  const top = topConcept(region);
  if (top) return { key: `concept:${top.id}`, label: top.label };
  const raw = region.data?.text?.raw;
  return raw === undefined ? undefined : { key: `text:${raw}`, label: raw };
}

function conceptKey(region: Region): string | undefined {
  return regionLabel(region)?.key;
}

function match(
  a: Region,
  b: Region,
  indexA: number,
  indexB: number,
  iou: number | null,
  pairedBy: RegionMatch['pairedBy'],
): RegionMatch {
  const labelA = regionLabel(a);
  const labelB = regionLabel(b);
  const confidenceA = regionConfidence(a);
  const confidenceB = regionConfidence(b);
  return {
    a,
    b,
    indexA,
    indexB,
    iou,
    confidenceDelta:
      confidenceA !== undefined && confidenceB !== undefined ? confidenceB - confidenceA : null,
    labelChanged: labelA?.key !== labelB?.key,
    labelA: labelA?.label,
    labelB: labelB?.label,
    pairedBy,
  };
}

/**
 * Matches regions of A and B. Indices in the result are positions in the arrays passed in (before
 * `minValue` filtering), so the UI can highlight the same region it drew.
 */
export function matchRegions(
  regionsA: readonly Region[],
  regionsB: readonly Region[],
  { iouThreshold = DEFAULT_IOU_THRESHOLD, minValue = 0 }: MatchRegionsOptions = {},
): RegionDiff {
  const keep = (region: Region) => (regionConfidence(region) ?? 1) >= minValue;
  const listA = regionsA.flatMap((region, index) => (keep(region) ? [{ region, index }] : []));
  const listB = regionsB.flatMap((region, index) => (keep(region) ? [{ region, index }] : []));
  const takenA = new Set<number>();
  const takenB = new Set<number>();
  const matched: RegionMatch[] = [];

  // Boxes: every pair over the threshold, best first.
  const candidates: { i: number; j: number; iou: number; sameConcept: boolean }[] = [];
  for (const { region: a, index: i } of listA) {
    const boxA = a.region_info?.bounding_box;
    if (!boxA) continue;
    for (const { region: b, index: j } of listB) {
      const boxB = b.region_info?.bounding_box;
      if (!boxB) continue;
      const iou = boxIoU(boxA, boxB);
      if (iou >= iouThreshold && iou > 0)
        candidates.push({ i, j, iou, sameConcept: conceptKey(a) === conceptKey(b) });
    }
  }
  candidates.sort(
    (x, y) => Number(y.sameConcept) - Number(x.sameConcept) || y.iou - x.iou || x.i - y.i || x.j - y.j,
  );
  for (const { i, j, iou } of candidates) {
    const a = regionsA[i];
    const b = regionsB[j];
    if (takenA.has(i) || takenB.has(j) || !a || !b) continue;
    takenA.add(i);
    takenB.add(j);
    matched.push(match(a, b, i, j, iou, 'box'));
  }

  // Box-less regions: by id, then by top concept, first come first served.
  const boxless = (list: typeof listA) => list.filter(({ region }) => !region.region_info?.bounding_box);
  const boxlessA = boxless(listA);
  const boxlessB = boxless(listB);
  const pairBy = (key: (region: Region) => string | undefined, pairedBy: RegionMatch['pairedBy']) => {
    for (const { region: a, index: i } of boxlessA) {
      const keyA = key(a);
      if (takenA.has(i) || keyA === undefined) continue;
      const found = boxlessB.find(({ region: b, index: j }) => !takenB.has(j) && key(b) === keyA);
      if (!found) continue;
      takenA.add(i);
      takenB.add(found.index);
      matched.push(match(a, found.region, i, found.index, null, pairedBy));
    }
  };
  pairBy((region) => region.id || undefined, 'region-id');
  pairBy(conceptKey, 'concept');

  const unmatched = (list: typeof listA, taken: Set<number>): UnmatchedRegion[] =>
    list
      .filter(({ index }) => !taken.has(index))
      .map(({ region, index }) => ({ region, index, label: regionLabel(region)?.label }));
  return {
    matched: matched.sort((x, y) => x.indexA - y.indexA),
    aOnly: unmatched(listA, takenA),
    bOnly: unmatched(listB, takenB),
  };
}
