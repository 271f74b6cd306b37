import { useCallback, useSyncExternalStore } from 'react';
import type { HighlightStore } from '@/features/results/state/highlight-store';

/** True while region `index` is highlighted; re-renders only when that changes. */
export function useIsHighlighted(store: HighlightStore, index: number): boolean {
  const subscribe = useCallback(
    (listener: () => void) => store.subscribeIndex(index, listener),
    [store, index],
  );
  return useSyncExternalStore(subscribe, () => store.get() === index);
}

/** The highlighted index, for the few components that draw whichever one it is. */
export function useHighlighted(store: HighlightStore): number | null {
  return useSyncExternalStore(store.subscribe, store.get);
}
