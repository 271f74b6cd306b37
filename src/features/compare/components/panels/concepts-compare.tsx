/**
 * Two versions' concepts as one ranking table: for each concept its rank and value in A and in
 * B, the change, and whether it crossed the threshold (the results' threshold, 0.5 while that is
 * 0). Crossings and one-sided concepts are words in the cells, with colour only as a second cue.
 * The results' concept filter applies here too, so both panes answer to the same settings.
 */
import { useId, useMemo, useState } from 'react';
import { cn } from '@/lib/cn';
import { formatScore } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { changedConceptRows, diffConcepts, type ConceptRow } from '@/features/compare/lib/diff-concepts';
import { useViewState } from '@/features/results/state/view-state';
import type { DataCompareProps } from '@/features/compare/components/types';
import { useCompareThreshold } from '@/features/compare/components/panels/compare-threshold';
import { ColumnHeaders } from '@/components/ui/table';

const LIMIT = 20;

/** +0.12 / −0.30 (a real minus sign); null when a side has no value. */
export function formatDelta(delta: number | null): string {
  if (delta === null) return '';
  const rounded = Math.round(delta * 100) / 100;
  if (rounded === 0) return '0.00';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(2)}`;
}

export function ConceptsCompare({ dataA, dataB }: DataCompareProps) {
  const threshold = useCompareThreshold();
  const filter = useViewState((state) => state.conceptFilter)
    .trim()
    .toLowerCase();
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const checkboxId = useId();
  const conceptsA = dataA?.concepts;
  const conceptsB = dataB?.concepts;
  const { rows, byName } = useMemo(() => {
    const byId = diffConcepts(conceptsA ?? [], conceptsB ?? [], { threshold });
    // Two different models rarely share concept ids but often share names ("cat"): when no id
    // pairs up, pairing by name is the comparison a person means.
    if (byId.some((row) => row.presence === 'both') || !conceptsA?.length || !conceptsB?.length) {
      return { rows: byId, byName: false };
    }
    const named = diffConcepts(conceptsA, conceptsB, { threshold, by: 'name' });
    return named.some((row) => row.presence === 'both')
      ? { rows: named, byName: true }
      : { rows: byId, byName: false };
  }, [conceptsA, conceptsB, threshold]);
  const changed = useMemo(() => changedConceptRows(rows), [rows]);
  if (rows.length === 0) return <p className="text-sm text-slate-500">No concepts in either version.</p>;

  const listed = (onlyChanged ? changed : rows).filter(
    (row) => !filter || row.name.toLowerCase().includes(filter),
  );
  const shown = showAll ? listed : listed.slice(0, LIMIT);
  const crossed = rows.filter((row) => row.crossed !== null).length;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <p className="text-slate-700">
          {changed.length === 0
            ? 'Same concepts and values in both versions.'
            : `${changed.length} of ${rows.length} concepts changed; ${crossed} crossed the threshold (${formatScore(threshold)}).`}
          {byName ? ' Paired by name: the versions’ concept ids differ.' : ''}
        </p>
        <span className="flex items-center gap-1.5">
          <input
            id={checkboxId}
            type="checkbox"
            checked={onlyChanged}
            onChange={(event) => setOnlyChanged(event.currentTarget.checked)}
          />
          <label htmlFor={checkboxId} className="text-slate-700">
            Show only changed concepts
          </label>
        </span>
      </div>
      {listed.length === 0 ? (
        <p className="text-sm text-slate-500">
          {filter ? `No concept matching “${filter}”.` : 'No concept changed.'}
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm tabular-nums">
            <caption className="sr-only">Concept changes</caption>
            <thead className="text-xs text-slate-500">
              <tr>
                <th scope="col" rowSpan={2} className="px-2 py-1 text-left font-medium">
                  Concept
                </th>
                <th
                  scope="colgroup"
                  colSpan={2}
                  className="border-b border-slate-200 px-2 py-1 font-semibold"
                >
                  Version A
                </th>
                <th
                  scope="colgroup"
                  colSpan={2}
                  className="border-b border-slate-200 px-2 py-1 font-semibold"
                >
                  Version B
                </th>
                <th scope="col" rowSpan={2} className="px-2 py-1 text-right font-medium">
                  Change
                </th>
                <th scope="col" rowSpan={2} className="px-2 py-1 text-left font-medium">
                  Threshold
                </th>
              </tr>
              <ColumnHeaders
                columns={[
                  { label: 'Rank A', align: 'right' },
                  { label: 'Value A', align: 'right' },
                  { label: 'Rank B', align: 'right' },
                  { label: 'Value B', align: 'right' },
                ]}
              />
            </thead>
            <tbody>
              {shown.map((row) => (
                <ConceptRowView key={`${row.id}|${row.name}`} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {listed.length > LIMIT ? (
        <Button variant="link" size="sm" className="self-start px-0" onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer' : `Show all ${listed.length}`}
        </Button>
      ) : null}
    </div>
  );
}

function ConceptRowView({ row }: { row: ConceptRow }) {
  const missing = <span className="text-slate-400">not reported</span>;
  return (
    <tr className="border-t border-slate-100">
      <th
        scope="row"
        className="max-w-48 truncate px-2 py-1 text-left font-normal text-slate-800"
        title={row.name}
      >
        {row.name}
        {row.presence !== 'both' ? (
          <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
            {row.presence === 'a-only' ? 'only in A' : 'only in B'}
          </span>
        ) : null}
      </th>
      <td className="px-2 py-1 text-right text-slate-600">{row.rankA ?? '—'}</td>
      <td className="px-2 py-1 text-right">
        {row.rankA === null ? missing : formatScore(row.valueA ?? undefined)}
      </td>
      <td className="px-2 py-1 text-right text-slate-600">{row.rankB ?? '—'}</td>
      <td className="px-2 py-1 text-right">
        {row.rankB === null ? missing : formatScore(row.valueB ?? undefined)}
      </td>
      <td
        className={cn(
          'px-2 py-1 text-right',
          row.delta !== null && row.delta > 0 && 'text-emerald-700',
          row.delta !== null && row.delta < 0 && 'text-rose-700',
        )}
      >
        {formatDelta(row.delta)}
      </td>
      <td className="px-2 py-1 text-left">
        {row.crossed === 'up' ? (
          <span className="font-medium text-emerald-700">
            <span aria-hidden>▲ </span>crossed up
          </span>
        ) : row.crossed === 'down' ? (
          <span className="font-medium text-rose-700">
            <span aria-hidden>▼ </span>crossed down
          </span>
        ) : null}
      </td>
    </tr>
  );
}
