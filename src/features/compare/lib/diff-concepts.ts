/**
 * Two concept lists side by side: one row per concept in either list, with its rank and value in
 * A and in B, the change, and whether it crossed the threshold (what decides if the concept is
 * "shown" in the results view). Rows are sorted by the larger of the two values, so the concepts
 * that matter in either version come first.
 *
 * A concept missing from one side was not reported there (below `min_value`, past
 * `max_concepts`): its value is unknown, so its delta is null, but for crossing it counts as below
 * the threshold (it was not shown).
 */
import type { Concept } from '@contract/clarifai';

export const DEFAULT_CONCEPT_THRESHOLD = 0.5;

export type Crossing = 'up' | 'down' | null;

export interface ConceptRow {
  id: string;
  name: string;
  /** Null when the concept is missing on that side, or present without a value. */
  valueA: number | null;
  valueB: number | null;
  /** 1-based position in each list sorted by value; null when missing on that side. */
  rankA: number | null;
  rankB: number | null;
  /** valueB − valueA when both are known. */
  delta: number | null;
  /** 'up': below the threshold in A, at or above it in B; 'down': the other way. */
  crossed: Crossing;
  presence: 'both' | 'a-only' | 'b-only';
}

export interface DiffConceptsOptions {
  threshold?: number;
  /** Pair concepts by id (default) or by display name (two models with different concept ids). */
  by?: 'id' | 'name';
}

function conceptName(concept: Concept): string {
  return concept.name || concept.id;
}

function ranked(concepts: readonly Concept[]): Concept[] {
  // Stable sort: ties keep the model's order.
  return [...concepts].sort((x, y) => (y.value ?? 0) - (x.value ?? 0));
}

/** Present with no value counts as shown, as in the results view; missing counts as not shown. */
function shown(concept: Concept | undefined, threshold: number): boolean {
  if (!concept) return false;
  return concept.value === undefined || concept.value >= threshold;
}

export function diffConcepts(
  conceptsA: readonly Concept[],
  conceptsB: readonly Concept[],
  { threshold = DEFAULT_CONCEPT_THRESHOLD, by = 'id' }: DiffConceptsOptions = {},
): ConceptRow[] {
  const key = (concept: Concept) => (by === 'id' ? concept.id : conceptName(concept));
  const index = (list: readonly Concept[]) => {
    const map = new Map<string, { concept: Concept; rank: number }>();
    ranked(list).forEach((concept, i) => {
      if (!map.has(key(concept))) map.set(key(concept), { concept, rank: i + 1 });
    });
    return map;
  };
  const inA = index(conceptsA);
  const inB = index(conceptsB);
  const keys = [...new Set([...inA.keys(), ...inB.keys()])];
  const rows = keys.map((k): ConceptRow => {
    const a = inA.get(k);
    const b = inB.get(k);
    const valueA = a?.concept.value ?? null;
    const valueB = b?.concept.value ?? null;
    const shownA = shown(a?.concept, threshold);
    const shownB = shown(b?.concept, threshold);
    const any = a?.concept ?? b?.concept;
    return {
      id: any?.id ?? k,
      name: any ? conceptName(any) : k,
      valueA,
      valueB,
      rankA: a?.rank ?? null,
      rankB: b?.rank ?? null,
      delta: valueA !== null && valueB !== null ? valueB - valueA : null,
      crossed: shownA === shownB ? null : shownB ? 'up' : 'down',
      presence: a && b ? 'both' : a ? 'a-only' : 'b-only',
    };
  });
  const top = (row: ConceptRow) => Math.max(row.valueA ?? 0, row.valueB ?? 0);
  return rows.sort((x, y) => top(y) - top(x) || x.name.localeCompare(y.name) || x.id.localeCompare(y.id));
}

/** Rows whose concept moved: crossed the threshold, appeared or vanished, or changed value. */
export function changedConceptRows(rows: readonly ConceptRow[], minDelta = 0): ConceptRow[] {
  return rows.filter(
    (row) =>
      row.crossed !== null ||
      row.presence !== 'both' ||
      (row.delta !== null && Math.abs(row.delta) > minDelta),
  );
}
