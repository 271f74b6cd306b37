/**
 * Hovering a box in one version highlights its matched partner in the other. Each side keeps its
 * own highlight store (indices are per output); this keeps the two in step without a loop: while
 * one store is being followed, the other's echo is ignored.
 */
import type { HighlightStore } from '@/features/results/state/highlight-store';

export function linkHighlights(
  storeA: HighlightStore,
  storeB: HighlightStore,
  aToB: ReadonlyMap<number, number>,
  bToA: ReadonlyMap<number, number>,
): () => void {
  let following = false;
  const follow = (from: HighlightStore, to: HighlightStore, partners: ReadonlyMap<number, number>) => () => {
    if (following) return;
    following = true;
    try {
      const index = from.get();
      to.set(index === null ? null : (partners.get(index) ?? null));
    } finally {
      following = false;
    }
  };
  const offA = storeA.subscribe(follow(storeA, storeB, aToB));
  const offB = storeB.subscribe(follow(storeB, storeA, bToA));
  return () => {
    offA();
    offB();
  };
}
