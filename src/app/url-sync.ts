/**
 * Keeps settings that change continuously (a slider's threshold, a scrubbed frame) in the address
 * once they settle: browsers throttle history writes, and a link needs only the last value.
 */
import { useEffect } from 'react';
import type { ViewStore } from '@/features/results/state/view-state';
import { writeUrl } from '@/app/url-state';

/** Writes the threshold into the address as it settles (not on every step of a drag). */
export function useThresholdInUrl(store: ViewStore) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = store.get().threshold;
    const unsubscribe = store.subscribe(() => {
      const threshold = store.get().threshold;
      if (threshold === last) return;
      last = threshold;
      clearTimeout(timer);
      timer = setTimeout(() => writeUrl({ threshold: Number(threshold.toFixed(2)) }), 200);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store]);
}

/** The frame on screen, into the address once scrubbing pauses (browsers throttle history writes). */
export function useFrameInUrl(frameMs: number | undefined) {
  useEffect(() => {
    const timer = setTimeout(
      () => writeUrl({ frame: frameMs === undefined ? undefined : Math.round(frameMs) }),
      250,
    );
    return () => clearTimeout(timer);
  }, [frameMs]);
}
