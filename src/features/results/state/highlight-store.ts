/**
 * Which region is highlighted (pointer over its box, its row or its crop), as a store with one
 * subscription list per region index: moving the pointer from box 12 to box 13 wakes exactly the
 * components of regions 12 and 13, not the thousands of others. With 5,000 boxes a React state
 * lifted to the renderer would re-render every box and row on each pointer move.
 */
export interface HighlightStore {
  get: () => number | null;
  set: (index: number | null) => void;
  /** Called when the highlight enters or leaves `index`. */
  subscribeIndex: (index: number, listener: () => void) => () => void;
  /** Called on every change. */
  subscribe: (listener: () => void) => () => void;
}

export function createHighlightStore(): HighlightStore {
  let current: number | null = null;
  const byIndex = new Map<number, Set<() => void>>();
  const all = new Set<() => void>();
  const add = (set: Set<() => void>, listener: () => void) => {
    set.add(listener);
    return () => void set.delete(listener);
  };
  return {
    get: () => current,
    set: (index) => {
      if (index === current) return;
      const previous = current;
      current = index;
      for (const target of [previous, index]) {
        if (target === null) continue;
        for (const listener of byIndex.get(target) ?? []) listener();
      }
      for (const listener of all) listener();
    },
    subscribeIndex: (index, listener) => {
      let set = byIndex.get(index);
      if (!set) {
        set = new Set();
        byIndex.set(index, set);
      }
      return add(set, listener);
    },
    subscribe: (listener) => add(all, listener),
  };
}
