/**
 * Regions (detections, OCR lines, crops, masks): the boxes over the input and, beside them, a
 * list "Regions" with each region's own answers. Hovering or focusing a row highlights its box,
 * and hovering a box highlights its row.
 */
import { useState } from 'react';
import type { Data, Region } from '@contract/clarifai';
import { colorFor } from '@/lib/colors';
import { formatScore } from '@/lib/format';
import { cn } from '@/lib/cn';
import { imageSrc } from '@/features/results/lib/media-source';
import { outputKinds } from '@/features/results/lib/output-kinds';
import { sortConcepts } from '@/features/results/renderers/concepts';
import { regionColorKey, regionLabel } from '@/features/results/renderers/region-label';
import { RegionOverlay } from '@/features/results/renderers/region-overlay';
import type { RendererProps, RenderContext } from '@/features/results/renderers/types';

export function RegionsRenderer({ data, context }: RendererProps) {
  const [highlighted, setHighlighted] = useState<number | null>(null);
  const regions = data.regions ?? [];
  if (regions.length === 0) return <p className="text-sm text-slate-500">No regions found.</p>;
  const media = context.media && context.media.kind !== 'audio' ? context.media : undefined;
  return (
    <div className={cn('grid gap-4', !context.nested && media && 'lg:grid-cols-[minmax(0,3fr)_minmax(16rem,2fr)]')}>
      {media ? (
        <RegionOverlay
          media={media}
          regions={regions}
          highlighted={highlighted}
          onHighlight={setHighlighted}
          compact={context.nested}
        />
      ) : (
        <p className="text-xs text-slate-500">No input picture to draw these regions on.</p>
      )}
      <RegionList regions={regions} highlighted={highlighted} onHighlight={setHighlighted} context={context} />
    </div>
  );
}

function RegionList({
  regions,
  highlighted,
  onHighlight,
  context,
}: {
  regions: readonly Region[];
  highlighted: number | null;
  onHighlight: (index: number | null) => void;
  context: RenderContext;
}) {
  return (
    <ul aria-label="Regions" className={cn('flex flex-col gap-1 overflow-y-auto', context.nested ? 'max-h-60' : 'max-h-[70vh]')}>
      {regions.map((region, index) => {
        const isHighlighted = index === highlighted;
        return (
          <li
            key={region.id ?? index}
            tabIndex={0}
            aria-current={isHighlighted ? 'true' : undefined}
            data-highlighted={isHighlighted ? 'true' : 'false'}
            onPointerEnter={() => onHighlight(index)}
            onPointerLeave={() => onHighlight(null)}
            onFocus={() => onHighlight(index)}
            onBlur={() => onHighlight(null)}
            className={cn(
              'flex gap-2 rounded-lg border px-3 py-2 text-sm outline-none transition-colors',
              isHighlighted ? 'border-brand-600 bg-brand-50' : 'border-slate-200 bg-white hover:bg-slate-50',
            )}
          >
            <span aria-hidden className="mt-1 size-2.5 shrink-0 rounded-sm" style={{ backgroundColor: colorFor(regionColorKey(region)) }} />
            <RegionRow region={region} index={index} context={context} />
          </li>
        );
      })}
    </ul>
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

function RegionRow({ region, index, context }: { region: Region; index: number; context: RenderContext }) {
  const label = regionLabel(region, index);
  const nested = region.data;
  const crop = imageSrc(nested?.image);
  const concepts = sortConcepts(nested?.concepts ?? []).slice(0, 3);
  const hasText = nested?.text?.raw !== undefined;
  // The top concept already names the row unless the row is named by its text.
  const chips = hasText ? concepts : concepts.slice(1);
  const rest = nested ? restOf(nested) : undefined;
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-1">
      <div className="flex items-baseline justify-between gap-2">
        <span className="min-w-0 break-words text-slate-900">
          {hasText ? nested?.text?.raw || '(empty text)' : label.name}
        </span>{' '}
        {label.score !== undefined ? <span className="shrink-0 text-xs text-slate-500 tabular-nums">{formatScore(label.score)}</span> : null}
      </div>
      {chips.length > 0 ? (
        // Spans, not a nested list: the rows of "Regions" are its only list items.
        <p className="flex flex-wrap gap-1">
          {chips.map((concept) => (
            <span key={concept.id} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
              {concept.name ?? concept.id} {formatScore(concept.value)}
            </span>
          ))}
        </p>
      ) : null}
      {crop ? <img src={crop} alt={`Crop of region ${index + 1}`} className="max-h-20 self-start rounded border border-slate-200" /> : null}
      {rest && outputKinds(rest).length > 0 ? context.renderNested(rest, context.media) : null}
    </div>
  );
}
