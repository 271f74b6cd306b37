/**
 * View settings shared by every renderer of the results pane: one threshold, one concept filter,
 * one set of hidden classes and one mask opacity for all inputs and nodes, so comparing two
 * inputs (or a detector and its classifier) happens under the same settings. A tiny external
 * store read through `useSyncExternalStore`: a component re-renders only when the slice it
 * selects changes, and a threshold drag does not re-render renderers that ignore it.
 */
import { createContext, useContext, useState, useSyncExternalStore, type ReactNode } from 'react';

export interface ViewState {
  /** Concepts and regions scoring below this (0..1) are hidden. */
  threshold: number;
  /** Case-insensitive part of a concept name; empty shows all. */
  conceptFilter: string;
  /** Region classes (by colour key, e.g. a concept name) switched off in a legend. */
  hiddenClasses: ReadonlySet<string>;
  /** Opacity of segmentation masks, 0..1. */
  maskOpacity: number;
  /** Every node's raw JSON shown (the `j` key); each node's own button flips its own. */
  rawJson: boolean;
}

export const DEFAULT_VIEW_STATE: ViewState = {
  threshold: 0,
  conceptFilter: '',
  hiddenClasses: new Set(),
  maskOpacity: 0.5,
  rawJson: false,
};

export interface ViewStore {
  get: () => ViewState;
  set: (patch: Partial<ViewState>) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createViewStore(initial: Partial<ViewState> = {}): ViewStore {
  let state: ViewState = { ...DEFAULT_VIEW_STATE, ...initial };
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set: (patch) => {
      state = { ...state, ...patch };
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const ViewStoreContext = createContext<ViewStore | null>(null);

/** Provides a store; with none given, and none above, it makes its own. */
export function ViewStateProvider({ store, children }: { store?: ViewStore; children: ReactNode }) {
  const outer = useContext(ViewStoreContext);
  const [own] = useState(() => store ?? outer ?? createViewStore());
  if (!store && outer) return children;
  return <ViewStoreContext.Provider value={store ?? own}>{children}</ViewStoreContext.Provider>;
}

export function useViewStore(): ViewStore {
  const store = useContext(ViewStoreContext);
  if (!store) throw new Error('useViewStore needs a ViewStateProvider above it');
  return store;
}

/** One slice of the view state; `select` must return a stable value (a field, not a new object). */
export function useViewState<T>(select: (state: ViewState) => T): T {
  const store = useViewStore();
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}

export function toggleClass(store: ViewStore, key: string, visible: boolean): void {
  const hidden = new Set(store.get().hiddenClasses);
  if (visible) hidden.delete(key);
  else hidden.add(key);
  store.set({ hiddenClasses: hidden });
}
