import type { Concept } from '@contract/clarifai';

/**
 * Scores are compared with the threshold in whole percent (the slider's step): a score's percent
 * is rounded down, the threshold's to the nearest. The box overlay hides boxes with a CSS rule per
 * percent, so doing the same sum everywhere keeps bars, rows, boxes and the PNG in agreement.
 */
export function scorePercent(value: number): number {
  // The epsilon keeps 0.29 (28.999… × 100 in floating point) in the 29 bucket.
  return Math.floor(value * 100 + 1e-9);
}

export function thresholdPercent(threshold: number): number {
  return Math.round(threshold * 100);
}

export function meetsThreshold(value: number | undefined, threshold: number): boolean {
  return value === undefined || scorePercent(value) >= thresholdPercent(threshold);
}

export function sortConcepts(concepts: readonly Concept[]): Concept[] {
  return [...concepts].sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
}

export function conceptName(concept: Concept): string {
  return concept.name || concept.id;
}

/**
 * The concepts a person asked to see: at or above the threshold, and matching the filter text
 * (case-insensitive, anywhere in the name or id). A concept with no value is kept: there is
 * nothing to compare.
 */
export function visibleConcepts(concepts: readonly Concept[], threshold: number, filter: string): Concept[] {
  const needle = filter.trim().toLowerCase();
  return sortConcepts(concepts).filter(
    (concept) =>
      meetsThreshold(concept.value, threshold) &&
      (!needle ||
        conceptName(concept).toLowerCase().includes(needle) ||
        concept.id.toLowerCase().includes(needle)),
  );
}
