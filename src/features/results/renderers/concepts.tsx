import { useState } from 'react';
import type { Concept } from '@contract/clarifai';
import { colorFor } from '@/lib/colors';
import { cn } from '@/lib/cn';
import { formatScore } from '@/lib/format';
import { Button } from '@/components/ui/button';
import type { RendererProps } from '@/features/results/renderers/types';

const NESTED_LIMIT = 5;
const LIMIT = 20;

export function sortConcepts(concepts: readonly Concept[]): Concept[] {
  return [...concepts].sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
}

export function ConceptsRenderer({ data, context }: RendererProps) {
  const [showAll, setShowAll] = useState(false);
  const concepts = sortConcepts(data.concepts ?? []);
  if (concepts.length === 0)
    return <p className="text-sm text-slate-500">No concepts above the threshold.</p>;
  const limit = context.nested ? NESTED_LIMIT : LIMIT;
  const shown = showAll ? concepts : concepts.slice(0, limit);
  return (
    <div className="flex flex-col gap-1.5">
      <ul aria-label="Concepts" className="flex flex-col gap-1.5">
        {shown.map((concept) => {
          const name = concept.name || concept.id;
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
              <span className="text-right text-xs text-slate-600 tabular-nums">{formatScore(value)}</span>
            </li>
          );
        })}
      </ul>
      {concepts.length > limit ? (
        <Button variant="link" size="sm" className="self-start px-0" onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer' : `Show all ${concepts.length}`}
        </Button>
      ) : null}
    </div>
  );
}
