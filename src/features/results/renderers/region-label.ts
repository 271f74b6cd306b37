import type { Region } from '@contract/clarifai';
import { formatScore } from '@/lib/format';
import { sortConcepts } from '@/features/results/renderers/concepts';

/** A region's name for its box and list row: its text (OCR) or its top concept, and a score. */
export function regionLabel(region: Region, index: number): { name: string; score: number | undefined; text: string } {
  const top = sortConcepts(region.data?.concepts ?? [])[0];
  const raw = region.data?.text?.raw?.trim();
  const name = raw || top?.name || top?.id || `Region ${index + 1}`;
  const score = region.value ?? top?.value;
  return { name, score, text: score === undefined ? name : `${name} ${formatScore(score)}` };
}

/** The colour key: the top concept (so "face" boxes share a colour), else a neutral "text". */
export function regionColorKey(region: Region): string {
  const top = sortConcepts(region.data?.concepts ?? [])[0];
  return top?.name ?? top?.id ?? (region.data?.text ? 'text' : 'region');
}
