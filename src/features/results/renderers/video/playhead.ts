/**
 * Where in the input video the results pane is: one playhead shared by every node's player, so
 * stepping in the OCR node's player moves the translation node's too. Kept beside the view state
 * rather than in it: it changes at playback rate, and the view state's subscribers (bars, rows,
 * legends in every section) need not wake for that. One playhead per view store, so it lives
 * exactly as long as the pane's settings do.
 */
import { useSyncExternalStore } from 'react';
import { useViewStore, type ViewStore } from '@/features/results/state/view-state';

export interface PlayheadState {
  /** The video the time is about; a player of another video reads time 0. */
  url: string | null;
  timeMs: number;
  /** Counts explicit seeks (a step, a timeline click): every player then moves its video there. */
  seeks: number;
  /** The player whose video is playing and moving the time, if any. */
  driver: string | null;
}

export interface Playhead {
  get: () => PlayheadState;
  subscribe: (listener: () => void) => () => void;
  /** Puts every player of `url` at `timeMs`. */
  seek: (url: string, timeMs: number) => void;
  /** The playing video of player `by` has reached `timeMs`. */
  tick: (url: string, timeMs: number, by: string) => void;
  /** Player `by` started playing (the others pause) or stopped. */
  setDriver: (by: string | null) => void;
}

export function createPlayhead(): Playhead {
  let state: PlayheadState = { url: null, timeMs: 0, seeks: 0, driver: null };
  const listeners = new Set<() => void>();
  const set = (next: PlayheadState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  return {
    get: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    seek: (url, timeMs) => set({ ...state, url, timeMs, seeks: state.seeks + 1 }),
    tick: (url, timeMs, by) => {
      if (state.url === url && state.timeMs === timeMs && state.driver === by) return;
      set({ ...state, url, timeMs, driver: by });
    },
    setDriver: (by) => {
      if (state.driver !== by) set({ ...state, driver: by });
    },
  };
}

const playheads = new WeakMap<ViewStore, Playhead>();

/** The playhead of the results pane (of the nearest view store). */
export function usePlayhead(): Playhead {
  const store = useViewStore();
  let playhead = playheads.get(store);
  if (!playhead) {
    playhead = createPlayhead();
    playheads.set(store, playhead);
  }
  return playhead;
}

/** The time for a player of `url`, in ms; re-renders on every tick, so keep its readers small. */
export function usePlayheadTime(playhead: Playhead, url: string): number {
  return useSyncExternalStore(playhead.subscribe, () => timeFor(playhead.get(), url));
}

export function timeFor(state: PlayheadState, url: string): number {
  return state.url === url ? state.timeMs : 0;
}
