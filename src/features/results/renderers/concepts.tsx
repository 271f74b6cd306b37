/**
 * Concepts as bars, highest first. The results pane's threshold and filter apply here (they are
 * shared view state, so every input and node answers to the same settings).
 */
import { useState } from 'react';
import { colorFor } from '@/lib/colors';
import { cn } from '@/lib/cn';
import { formatScore } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { conceptName, visibleConcepts } from '@/features/results/lib/concepts';
import { useViewState } from '@/features/results/state/view-state';
import type { RendererProps } from '@/features/results/renderers/types';

const NESTED_LIMIT = 5;
const LIMIT = 20;

export function ConceptsRenderer({ data, context }: RendererProps) {
  const [showAll, setShowAll] = useState(false);
  const threshold = useViewState((state) => state.threshold);
  const filter = useViewState((state) => state.conceptFilter);
  const all = data.concepts ?? [];
  if (all.length === 0) return <p className="text-sm text-slate-500">No concepts above the threshold.</p>;
  const concepts = visibleConcepts(all, threshold, filter);
  const hidden = all.length - concepts.length;
  const limit = context.nested ? NESTED_LIMIT : LIMIT;
  const shown = showAll ? concepts : concepts.slice(0, limit);
  return (
    <div className="flex flex-col gap-1.5">
      {concepts.length === 0 ? (
        <p className="text-sm text-slate-500">
          {filter.trim() ? `No concept matching “${filter.trim()}”` : 'No concept'}
          {threshold > 0 ? ` at or above ${formatScore(threshold)}` : ''}.
        </p>
      ) : (
        <ul aria-label="Concepts" className="flex flex-col gap-1.5">
          {shown.map((concept) => {
            const name = conceptName(concept);
            const value = concept.value ?? 0;
            return (
              <li
                key={concept.id}
                className={cn(
                  'grid items-center gap-2 text-sm',
                  // Nested (a frame, a region) sits in a narrow card: the name gets the room, the bar a fixed share.
                  context.nested
                    ? 'grid-cols-[minmax(0,1fr)_40%_3rem]'
                    : 'grid-cols-[minmax(6rem,10rem)_1fr_3.5rem]',
                )}
              >
                <span className="truncate text-slate-800" title={name}>
                  {name}
                </span>
                <div
                  role="meter"
                  aria-label={name}
                  aria-valuemin={0}
                  aria-valuemax={1}
                  aria-valuenow={value}
                  aria-valuetext={formatScore(value)}
                  className="h-2 overflow-hidden rounded-full bg-slate-100"
                >
                  <div
                    className="h-full rounded-full"
                    style={{
                      width: `${Math.max(0, Math.min(1, value)) * 100}%`,
                      backgroundColor: colorFor(name),
                    }}
                  />
                </div>
                {/* The meter says the value to screen readers (aria-valuetext); this is its visible twin. */}
                <span aria-hidden className="text-right text-xs text-slate-600 tabular-nums">
                  {formatScore(value)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <div className="flex items-center gap-3">
        {concepts.length > limit ? (
          <Button variant="link" size="sm" className="self-start px-0" onClick={() => setShowAll(!showAll)}>
            {showAll ? 'Show fewer' : `Show all ${concepts.length}`}
          </Button>
        ) : null}
        {hidden > 0 && !context.nested ? (
          <span className="text-xs text-slate-500">{hidden} hidden by the threshold or filter</span>
        ) : null}
      </div>
    </div>
  );
}
