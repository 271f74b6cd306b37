/**
 * Regions (detections, OCR lines, crops, masks): the boxes and masks over the input, a legend of
 * classes and, beside them, a list "Regions" with each region's own answers (concepts, text, its
 * crop, embeddings). Hovering or focusing a row or its crop highlights the box, and hovering a box
 * highlights its row. The threshold and the legend's toggles hide boxes and rows alike.
 */
import { lazy, memo, Suspense, useMemo, useState } from 'react';
import type { Data, Image } from '@contract/clarifai';
import { formatScore } from '@/lib/format';
import { cn } from '@/lib/cn';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { imageSrc } from '@/features/results/lib/media-source';
import { outputKinds } from '@/features/results/lib/output-kinds';
import { sortConcepts, conceptName } from '@/features/results/lib/concepts';
import {
  isRegionShown,
  regionClasses,
  regionItems,
  type RegionItem,
} from '@/features/results/lib/region-model';
import { createHighlightStore, type HighlightStore } from '@/features/results/state/highlight-store';
import { useHighlighted, useIsHighlighted } from '@/features/results/state/use-highlight';
import type { ScatterPoint } from '@/features/results/renderers/clusters';
import { useViewState } from '@/features/results/state/view-state';
import { RegionOverlay } from '@/features/results/renderers/region-overlay';
import { RegionLegend } from '@/features/results/renderers/region-legend';
import type { RendererProps, RenderContext } from '@/features/results/renderers/types';

/** Rows rendered before "Show all": a long list costs more than it tells. */
const ROW_LIMIT = 100;

export function RegionsRenderer({ data, context }: RendererProps) {
  const [store] = useState(createHighlightStore);
  const [focusClass, setFocusClass] = useState<string | null>(null);
  const regions = data.regions;
  const items = useMemo(() => regionItems(regions ?? []), [regions]);
  const { classes, colors } = useMemo(() => regionClasses(items), [items]);
  if (items.length === 0) return <p className="text-sm text-slate-500">No regions found.</p>;
  const media = context.media && context.media.kind !== 'audio' ? context.media : undefined;
  return (
    <div
      className={cn(
        'grid gap-4',
        !context.nested && media && 'lg:grid-cols-[minmax(0,3fr)_minmax(16rem,2fr)]',
      )}
    >
      <div className="flex min-w-0 flex-col gap-2">
        {media ? (
          <RegionOverlay
            media={media}
            items={items}
            colors={colors}
            store={store}
            focusClass={focusClass}
            compact={context.nested}
            name={context.name}
          />
        ) : (
          <p className="text-xs text-slate-500">No input picture to draw these regions on.</p>
        )}
        {context.nested ? null : <RegionLegend classes={classes} onFocusClass={setFocusClass} />}
        {context.nested ? null : <RegionClusters items={items} store={store} />}
      </div>
      <RegionList items={items} colors={colors} store={store} context={context} />
    </div>
  );
}

// Few answers carry per-region clusters: the plot loads with the clusters renderer, on demand.
const ClusterScatter = lazy(() =>
  import('@/features/results/renderers/clusters').then((m) => ({ default: m.ClusterScatter })),
);

/**
 * Per-region clusters (Face-Search, Object-Search) plotted together: one point per region, coloured
 * by cluster id, so faces that share an id sit in one colour. The plot shares the boxes' highlight.
 */
function RegionClusters({ items, store }: { items: readonly RegionItem[]; store: HighlightStore }) {
  const highlighted = useHighlighted(store);
  const points: ScatterPoint[] = items.flatMap((item) =>
    (item.region.data?.clusters ?? []).flatMap((cluster, i) => {
      const [x, y] = cluster.projection ?? [];
      if (x === undefined || y === undefined) return [];
      const key = `${item.index}-${i}`;
      const current = highlighted === item.index;
      return [{ key, label: `Region ${item.index + 1}`, clusterId: cluster.id, x, y, current }];
    }),
  );
  if (points.length === 0) return null;
  const regions = new Set(points.map((p) => p.label)).size;
  return (
    <Suspense fallback={<Skeleton className="h-48 w-full" />}>
      <ClusterScatter
        points={points}
        name={`Cluster projections of ${regions} region${regions === 1 ? '' : 's'}`}
        caption="One point per region, coloured by cluster id; hover a point or a box to match them."
        onHover={(key) => store.set(key === null ? null : Number(key.split('-')[0]))}
      />
    </Suspense>
  );
}

/** The list "Regions"; exported for the video player, which lists the regions of the frame on screen. */
export function RegionList({
  items,
  colors,
  store,
  context,
}: {
  items: readonly RegionItem[];
  colors: ReadonlyMap<string, string>;
  store: HighlightStore;
  context: RenderContext;
}) {
  const [showAll, setShowAll] = useState(false);
  const threshold = useViewState((state) => state.threshold);
  const hiddenClasses = useViewState((state) => state.hiddenClasses);
  const shown = useMemo(
    () => items.filter((item) => isRegionShown(item, threshold, hiddenClasses)),
    [items, threshold, hiddenClasses],
  );
  const byScore = useMemo(() => bestFirst(items), [items]);
  const rows = useMemo(
    () =>
      showAll || shown.length <= ROW_LIMIT
        ? shown
        : firstRows(byScore, (item) => isRegionShown(item, threshold, hiddenClasses), ROW_LIMIT),
    [shown, byScore, showAll, threshold, hiddenClasses],
  );
  const hiddenCount = items.length - shown.length;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <ul
        aria-label="Regions"
        className={cn('flex flex-col gap-1 overflow-y-auto', context.nested ? 'max-h-60' : 'max-h-[70vh]')}
      >
        {rows.map((item) => (
          <RegionRowItem
            key={item.region.id ?? item.index}
            item={item}
            color={colors.get(item.classKey) ?? '#0072B2'}
            store={store}
            context={context}
          />
        ))}
      </ul>
      {shown.length > rows.length ? (
        <p className="flex flex-wrap items-center gap-x-2 text-xs text-slate-500">
          The {rows.length} best-scoring of {shown.length} are listed.
          <Button variant="link" size="sm" className="h-auto px-0" onClick={() => setShowAll(true)}>
            Show all {shown.length}
          </Button>
        </p>
      ) : null}
      {hiddenCount > 0 ? (
        <p className="text-xs text-slate-500">
          {hiddenCount} region{hiddenCount === 1 ? '' : 's'} hidden by the threshold or the legend.
        </p>
      ) : null}
    </div>
  );
}

const RegionRowItem = memo(function RegionRowItem({
  item,
  color,
  store,
  context,
}: {
  item: RegionItem;
  color: string;
  store: HighlightStore;
  context: RenderContext;
}) {
  const highlighted = useIsHighlighted(store, item.index);
  const { index } = item;
  return (
    <li
      tabIndex={0}
      aria-current={highlighted ? 'true' : undefined}
      data-highlighted={highlighted ? 'true' : 'false'}
      onPointerEnter={() => store.set(index)}
      onPointerLeave={() => store.set(null)}
      onFocus={() => store.set(index)}
      onBlur={() => store.set(null)}
      className={cn(
        'flex gap-2 rounded-lg border px-3 py-2 text-sm outline-none transition-colors focus-visible:ring-2 focus-visible:ring-brand-600',
        highlighted ? 'border-brand-600 bg-brand-50' : 'border-slate-200 bg-white hover:bg-slate-50',
      )}
    >
      <span aria-hidden className="mt-1 size-2.5 shrink-0 rounded-sm" style={{ backgroundColor: color }} />
      <RegionRow item={item} context={context} store={store} />
    </li>
  );
});

export function bestFirst<T extends { index: number; score: number | undefined }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.index - b.index);
}

/**
 * The rows listed before "Show all" when they do not all fit: the best-scoring shown ones, in the
 * answer's order (reading order for OCR). A person looking at thousands of detections wants the
 * confident ones first, and moving the threshold then rarely changes which rows are listed.
 * `byScore` is sorted once (`bestFirst`), so each threshold step is one pass, not a sort.
 */
export function firstRows<T extends { index: number }>(
  byScore: readonly T[],
  isShown: (item: T) => boolean,
  limit: number,
): T[] {
  const rows: T[] = [];
  for (const item of byScore) {
    if (rows.length === limit) break;
    if (isShown(item)) rows.push(item);
  }
  return rows.sort((a, b) => a.index - b.index);
}

function CropThumbnail({ src, index, store }: { src: string; index: number; store: HighlightStore }) {
  const [failed, setFailed] = useState(false);
  if (failed) {
    return (
      <span className="flex size-20 shrink-0 items-center justify-center rounded border border-dashed border-slate-300 p-1 text-center text-[10px] text-slate-500">
        crop {index + 1} could not be decoded
      </span>
    );
  }
  return (
    <img
      src={src}
      alt={`Crop of region ${index + 1}`}
      // Hovering the crop is hovering its row; this also covers a crop shown outside a row.
      onPointerEnter={() => store.set(index)}
      onError={() => setFailed(true)}
      className="max-h-20 max-w-20 shrink-0 self-start rounded border border-slate-200 object-contain"
    />
  );
}

/** Nested kinds the row shows itself; anything else goes through the registry. */
function restOf(data: Data): Data {
  const rest: Data = { ...data };
  delete rest.concepts;
  delete rest.text;
  delete rest.image;
  return rest;
}

function RegionRow({
  item,
  context,
  store,
}: {
  item: RegionItem;
  context: RenderContext;
  store: HighlightStore;
}) {
  const { region, index } = item;
  const nested = region.data;
  const cropImage: Image | undefined =
    nested?.image ?? (region.id ? context.related.regionCrops.get(region.id) : undefined);
  const crop = imageSrc(cropImage);
  const concepts = sortConcepts(nested?.concepts ?? []).slice(0, 3);
  const hasText = nested?.text?.raw !== undefined;
  // The top concept already names the row unless the row is named by its text.
  const chips = hasText ? concepts : concepts.slice(1);
  const rest = nested ? restOf(nested) : undefined;
  return (
    <div className="flex min-w-0 flex-1 gap-3">
      {crop ? <CropThumbnail src={crop} index={index} store={store} /> : null}
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex items-baseline justify-between gap-2">
          <span className="min-w-0 break-words text-slate-900">
            {hasText ? nested?.text?.raw || '(empty text)' : item.name}
          </span>{' '}
          {item.score !== undefined ? (
            <span className="shrink-0 text-xs text-slate-600 tabular-nums">{formatScore(item.score)}</span>
          ) : null}
        </div>
        {chips.length > 0 ? (
          // Spans, not a nested list: the rows of "Regions" are its only list items.
          <p className="flex flex-wrap gap-1">
            {chips.map((concept) => (
              <span key={concept.id} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
                {conceptName(concept)} {formatScore(concept.value)}
              </span>
            ))}
          </p>
        ) : null}
        {rest && outputKinds(rest).length > 0 ? context.renderNested(rest, context.media) : null}
      </div>
    </div>
  );
}
