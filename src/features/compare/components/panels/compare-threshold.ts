/**
 * The threshold the comparisons decide "shown" by: the results' threshold, or 0.5 while it is 0.
 * At 0 every concept and box counts as shown, so nothing could cross it and every frame with any
 * difference in scores would agree: 0.5 (the diff library's default) keeps the marks meaningful.
 */
import { DEFAULT_CONCEPT_THRESHOLD } from '@/features/compare/lib/diff-concepts';
import { useViewState } from '@/features/results/state/view-state';

export function effectiveThreshold(threshold: number): number {
  return threshold > 0 ? threshold : DEFAULT_CONCEPT_THRESHOLD;
}

export function useCompareThreshold(): number {
  return effectiveThreshold(useViewState((state) => state.threshold));
}
