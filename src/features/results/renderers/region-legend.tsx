/**
 * The classes of an output's regions (object classes, emotions, mask classes): a colour swatch,
 * a checkbox named by the class that shows or hides its boxes and masks everywhere, and a hover
 * that brings the class forward while the others fade.
 */
import type { RegionClass } from '@/features/results/lib/region-model';
import { toggleClass, useViewState, useViewStore } from '@/features/results/state/view-state';

export function RegionLegend({
  classes,
  onFocusClass,
}: {
  classes: readonly RegionClass[];
  onFocusClass: (key: string | null) => void;
}) {
  const store = useViewStore();
  const hidden = useViewState((state) => state.hiddenClasses);
  return (
    <div
      role="group"
      aria-label="Legend"
      className="flex flex-wrap gap-x-3 gap-y-1 text-sm"
      onPointerLeave={() => onFocusClass(null)}
    >
      {classes.map((entry) => (
        <span
          key={entry.key}
          className="inline-flex items-center gap-1.5"
          onPointerEnter={() => onFocusClass(entry.key)}
          onFocus={() => onFocusClass(entry.key)}
          onBlur={() => onFocusClass(null)}
          data-class={entry.key}
        >
          <label className="inline-flex cursor-pointer items-center gap-1.5">
            <input
              type="checkbox"
              className="size-3.5 accent-slate-700"
              checked={!hidden.has(entry.key)}
              onChange={(event) => toggleClass(store, entry.key, event.currentTarget.checked)}
            />
            <span aria-hidden className="size-3 rounded-sm" style={{ backgroundColor: entry.color }} />
            <span className="text-slate-800">{entry.key}</span>
          </label>
          <span
            className="text-xs text-slate-500 tabular-nums"
            title={`${entry.count} region${entry.count === 1 ? '' : 's'}`}
          >
            {entry.count}
          </span>
        </span>
      ))}
    </div>
  );
}
