/**
 * What the region views need to know about each region, derived once per output: its class (the
 * colour key and legend entry), its name and score for the label, and its mask if it has one.
 */
import type { Region } from '@contract/clarifai';
import { assignColors } from '@/lib/colors';
import { formatScore } from '@/lib/format';
import { imageSrc } from '@/features/results/lib/media-source';
import { conceptName, meetsThreshold, sortConcepts } from '@/features/results/lib/concepts';

export interface RegionItem {
  /** Position in the output's `regions`: names the box ("Box 3") and ties box, row and crop. */
  index: number;
  region: Region;
  /** Legend class and colour key: the top concept (emotion, object class), else "text" or "region". */
  classKey: string;
  name: string;
  /** The score shown on the label and compared with the threshold. */
  score: number | undefined;
  /** "happiness 99.9%" */
  text: string;
  maskSrc: string | undefined;
}

/** A region's name for its box and list row: its text (OCR) or its top concept, and a score. */
export function regionLabel(
  region: Region,
  index: number,
): { name: string; score: number | undefined; text: string } {
  const top = sortConcepts(region.data?.concepts ?? [])[0];
  const raw = region.data?.text?.raw?.trim();
  const name = raw || (top && conceptName(top)) || `Region ${index + 1}`;
  // A classifier answering inside a detector's region (Face-Sentiment) names the box by its
  // concept, so the score shown is that concept's; OCR text goes with the region's own score.
  const score = raw ? (region.value ?? top?.value) : (top?.value ?? region.value);
  return { name, score, text: score === undefined ? name : `${name} ${formatScore(score)}` };
}

export function regionColorKey(region: Region): string {
  const top = sortConcepts(region.data?.concepts ?? [])[0];
  return (top && conceptName(top)) ?? (region.data?.text ? 'text' : 'region');
}

export function regionItems(regions: readonly Region[]): RegionItem[] {
  return regions.map((region, index) => ({
    index,
    region,
    classKey: regionColorKey(region),
    ...regionLabel(region, index),
    maskSrc: imageSrc(region.region_info?.mask?.image),
  }));
}

export function isRegionShown(
  item: RegionItem,
  threshold: number,
  hiddenClasses: ReadonlySet<string>,
): boolean {
  return !hiddenClasses.has(item.classKey) && meetsThreshold(item.score, threshold);
}

export interface RegionClass {
  key: string;
  color: string;
  count: number;
}

/** The legend: one entry per class, most frequent first, each with its colour for this output. */
export function regionClasses(items: readonly RegionItem[]): {
  classes: RegionClass[];
  colors: Map<string, string>;
} {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.classKey, (counts.get(item.classKey) ?? 0) + 1);
  const colors = assignColors(counts.keys());
  const classes = [...counts]
    .map(([key, count]) => ({ key, count, color: colors.get(key) ?? '#0072B2' }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return { classes, colors };
}
