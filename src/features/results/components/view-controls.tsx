/**
 * The results pane's view settings, one set for all inputs and nodes: the score threshold, the
 * concept filter and the mask opacity. Shown only when the answer holds something they act on.
 */
import { useId } from 'react';
import { formatScore } from '@/lib/format';
import type { Holds } from '@/features/results/lib/scan';
import { useViewState, useViewStore } from '@/features/results/state/view-state';

export function ViewControls({ holds }: { holds: Holds }) {
  const store = useViewStore();
  const threshold = useViewState((state) => state.threshold);
  const filter = useViewState((state) => state.conceptFilter);
  const maskOpacity = useViewState((state) => state.maskOpacity);
  const ids = { threshold: useId(), filter: useId(), opacity: useId() };
  if (!holds.scores && !holds.concepts && !holds.masks) return null;
  return (
    <div
      role="group"
      aria-label="View options"
      className="sticky top-0 z-10 flex flex-wrap items-center gap-x-6 gap-y-2 rounded-xl border border-slate-200 bg-white/95 px-4 py-2 shadow-xs backdrop-blur"
    >
      {holds.scores ? (
        <div className="flex items-center gap-2 text-sm">
          <label htmlFor={ids.threshold} className="text-slate-700">
            Threshold
          </label>
          <input
            id={ids.threshold}
            type="range"
            min={0}
            max={1}
            step={0.01}
            value={threshold}
            aria-valuetext={formatScore(threshold)}
            onChange={(event) => store.set({ threshold: Number(event.currentTarget.value) })}
            className="w-36 accent-brand-700"
          />
          <output htmlFor={ids.threshold} className="min-w-16 text-xs whitespace-nowrap text-slate-600 tabular-nums">
            ≥ {formatScore(threshold)}
          </output>
        </div>
      ) : null}
      {holds.concepts ? (
        <div className="flex items-center gap-2 text-sm">
          <label htmlFor={ids.filter} className="text-slate-700">
            Filter concepts
          </label>
          <input
            id={ids.filter}
            type="search"
            value={filter}
            placeholder="e.g. person"
            onChange={(event) => store.set({ conceptFilter: event.currentTarget.value })}
            className="h-8 w-44 rounded-md border border-slate-300 px-2 text-sm"
          />
        </div>
      ) : null}
      {holds.masks ? (
        <div className="flex items-center gap-2 text-sm">
          <label htmlFor={ids.opacity} className="text-slate-700">
            Mask opacity
          </label>
          <input
            id={ids.opacity}
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={maskOpacity}
            aria-valuetext={`${Math.round(maskOpacity * 100)}%`}
            onChange={(event) => store.set({ maskOpacity: Number(event.currentTarget.value) })}
            className="w-28 accent-brand-700"
          />
        </div>
      ) : null}
    </div>
  );
}
