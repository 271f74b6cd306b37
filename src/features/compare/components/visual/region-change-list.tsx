/**
 * "Region changes": the detections of A and B paired up (with the change of confidence, and the
 * label change when there is one), then those only one version found, under the same threshold
 * and hidden classes as the boxes. Hovering or focusing a row highlights its box in both versions;
 * each row listens only to its own box's highlight, so a hover re-renders two rows, not the list.
 */
import { memo, useMemo, useState } from 'react';
import { formatScore } from '@/lib/format';
import { cn } from '@/lib/cn';
import { Button } from '@/components/ui/button';
import type { RegionDiff, RegionMatch } from '@/features/compare/lib/match-regions';
import { isRegionShown, type RegionItem } from '@/features/results/lib/region-model';
import type { HighlightStore } from '@/features/results/state/highlight-store';
import { useIsHighlighted } from '@/features/results/state/use-highlight';
import type { SceneView } from '@/features/results/lib/scene';
import { formatDelta } from '@/features/compare/components/panels/concepts-compare';
import {
  changeCounts,
  matchLabel,
  visibleChanges,
  type OneSided,
} from '@/features/compare/components/visual/region-changes';

/** Rows rendered before "Show all": thousands of rows cost more than they tell. */
export const CHANGE_ROW_LIMIT = 100;

const FALLBACK = '#0072B2';

export function RegionChangeList({
  diff,
  itemsA,
  itemsB,
  storeA,
  storeB,
  colors,
  view,
}: {
  diff: RegionDiff;
  itemsA: readonly RegionItem[];
  itemsB: readonly RegionItem[];
  storeA: HighlightStore;
  storeB: HighlightStore;
  colors: ReadonlyMap<string, string>;
  view: SceneView;
}) {
  const [showAll, setShowAll] = useState(false);
  const changes = useMemo(() => {
    const shown = (items: readonly RegionItem[]) => (index: number) => {
      const item = items[index];
      return item !== undefined && isRegionShown(item, view.threshold, view.hiddenClasses);
    };
    return visibleChanges(diff, shown(itemsA), shown(itemsB));
  }, [diff, itemsA, itemsB, view]);
  const total = changes.matched.length + changes.aOnly.length + changes.bOnly.length;
  // Changes first: one-sided regions and relabelled pairs lead, then matched pairs by index.
  const rows = useMemo(() => {
    const all: Row[] = [
      ...changes.aOnly.map((one): Row => ({ kind: 'a', one })),
      ...changes.bOnly.map((one): Row => ({ kind: 'b', one })),
      ...changes.matched.filter((pair) => pair.labelChanged).map((pair): Row => ({ kind: 'pair', pair })),
      ...changes.matched.filter((pair) => !pair.labelChanged).map((pair): Row => ({ kind: 'pair', pair })),
    ];
    return showAll ? all : all.slice(0, CHANGE_ROW_LIMIT);
  }, [changes, showAll]);

  return (
    <div className="flex min-w-0 flex-col gap-1">
      <p className="text-sm text-slate-700">{changeCounts(changes)}</p>
      {total === 0 ? (
        <p className="text-sm text-slate-500">No region is shown at this threshold.</p>
      ) : (
        <ul aria-label="Region changes" className="flex max-h-[60vh] flex-col gap-1 overflow-y-auto">
          {rows.map((row) =>
            row.kind === 'pair' ? (
              <PairRow
                key={`m${row.pair.indexA}`}
                pair={row.pair}
                scoreA={itemsA[row.pair.indexA]?.score}
                scoreB={itemsB[row.pair.indexB]?.score}
                color={colors.get(itemsA[row.pair.indexA]?.classKey ?? '') ?? FALLBACK}
                store={storeA}
              />
            ) : (
              <OneSidedRow
                key={`${row.kind}${row.one.index}`}
                side={row.kind}
                index={row.one.index}
                label={row.one.label}
                partnerHidden={row.one.partnerHidden}
                item={(row.kind === 'a' ? itemsA : itemsB)[row.one.index]}
                color={
                  colors.get((row.kind === 'a' ? itemsA : itemsB)[row.one.index]?.classKey ?? '') ?? FALLBACK
                }
                store={row.kind === 'a' ? storeA : storeB}
              />
            ),
          )}
        </ul>
      )}
      {total > rows.length ? (
        <p className="flex flex-wrap items-center gap-x-2 text-xs text-slate-500">
          {rows.length} of {total} listed.
          <Button variant="ghost" size="sm" onClick={() => setShowAll(true)}>
            Show all {total}
          </Button>
        </p>
      ) : null}
    </div>
  );
}

type Row = { kind: 'pair'; pair: RegionMatch } | { kind: 'a' | 'b'; one: OneSided };

/** Pointer and focus both highlight; the row is a focusable list item the keyboard reaches. */
function highlightHandlers(store: HighlightStore, index: number) {
  return {
    tabIndex: 0,
    onPointerEnter: () => store.set(index),
    onPointerLeave: () => store.set(null),
    onFocus: () => store.set(index),
    onBlur: () => store.set(null),
  };
}

/**
 * Rows out of sight are neither laid out nor painted (`content-visibility: auto`): a threshold
 * step that reorders a hundred rows otherwise repaints the whole scrolled list, most of the cost
 * of the step with thousands of boxes.
 */
const ROW_CLASS =
  'flex flex-wrap items-center gap-x-2 gap-y-0.5 rounded-md border px-2 py-1 text-sm outline-none focus-visible:ring-2 focus-visible:ring-slate-900 [content-visibility:auto] [contain-intrinsic-size:auto_1.875rem]';

function Swatch({ color }: { color: string }) {
  return <span aria-hidden className="size-3 shrink-0 rounded-sm" style={{ backgroundColor: color }} />;
}

const PairRow = memo(function PairRow({
  pair,
  scoreA,
  scoreB,
  color,
  store,
}: {
  pair: RegionMatch;
  scoreA: number | undefined;
  scoreB: number | undefined;
  color: string;
  /** A's store: highlighting A's box highlights its partner in B (see linkHighlights). */
  store: HighlightStore;
}) {
  const highlighted = useIsHighlighted(store, pair.indexA);
  return (
    <li
      {...highlightHandlers(store, pair.indexA)}
      data-highlighted={highlighted ? 'true' : 'false'}
      className={cn(ROW_CLASS, highlighted ? 'border-slate-400 bg-slate-100' : 'border-slate-200 bg-white')}
    >
      <Swatch color={color} />
      <span className={cn('font-medium', pair.labelChanged ? 'text-amber-900' : 'text-slate-800')}>
        {matchLabel(pair)}
      </span>
      <span className="text-xs text-slate-500">
        Box {pair.indexA + 1} ↔ Box {pair.indexB + 1}
      </span>
      <span className="ml-auto text-xs text-slate-600 tabular-nums">
        {formatScore(scoreA)} → {formatScore(scoreB)}
        {pair.confidenceDelta !== null ? ` (Δ ${formatDelta(pair.confidenceDelta)})` : ''}
        {pair.iou !== null ? ` · IoU ${pair.iou.toFixed(2)}` : ''}
      </span>
    </li>
  );
});

const OneSidedRow = memo(function OneSidedRow({
  side,
  index,
  label,
  partnerHidden,
  item,
  color,
  store,
}: {
  side: 'a' | 'b';
  /** Primitives, so a threshold step that rebuilds the list skips the rows that stay. */
  index: number;
  label: string | undefined;
  partnerHidden: boolean;
  item: RegionItem | undefined;
  color: string;
  store: HighlightStore;
}) {
  const highlighted = useIsHighlighted(store, index);
  const other = side === 'a' ? 'B' : 'A';
  return (
    <li
      {...highlightHandlers(store, index)}
      data-highlighted={highlighted ? 'true' : 'false'}
      className={cn(ROW_CLASS, highlighted ? 'border-slate-400 bg-slate-100' : 'border-slate-200 bg-white')}
    >
      <Swatch color={color} />
      <span
        className={cn(
          'rounded px-1 text-xs font-semibold',
          side === 'a' ? 'bg-orange-100 text-orange-900' : 'bg-sky-100 text-sky-900',
        )}
      >
        Only in {side === 'a' ? 'A' : 'B'}
      </span>
      <span className="font-medium text-slate-800">{item?.name ?? label ?? 'region'}</span>
      <span className="text-xs text-slate-500">Box {index + 1}</span>
      {partnerHidden ? <span className="text-xs text-slate-500">({other}’s match is hidden)</span> : null}
      <span className="ml-auto text-xs text-slate-600 tabular-nums">{formatScore(item?.score)}</span>
    </li>
  );
});
