/**
 * Two versions' texts as one word diff read from A to B: words only A has are struck out in
 * `<del>`, words only B has are marked in `<ins>`, each with a hidden "removed in B" / "added in
 * B" for screen readers (which do not announce the elements themselves) and a visible legend.
 * Both full texts stay one click away. Whitespace and line breaks are kept as the texts had them.
 */
import { useMemo, type ReactNode } from 'react';
import type { DiffRun } from '@/features/compare/lib/diff-words';
import { diffWords, tokenize } from '@/features/compare/lib/diff-words';
import type { DataCompareProps } from '@/features/compare/components/types';

const WORD = /^[\p{L}\p{N}\p{M}]/u;

function wordCount(text: string): number {
  return tokenize(text).filter((token) => WORD.test(token)).length;
}

/**
 * Words changed, counting a replacement once: each block of adjacent deletions and insertions
 * changes as many words as the longer of its two sides.
 */
export function changedWordCount(runs: readonly DiffRun[]): number {
  let total = 0;
  let deleted = 0;
  let inserted = 0;
  const flush = () => {
    total += Math.max(deleted, inserted);
    deleted = 0;
    inserted = 0;
  };
  for (const run of runs) {
    if (run.op === 'equal') flush();
    else if (run.op === 'delete') deleted += wordCount(run.text);
    else inserted += wordCount(run.text);
  }
  flush();
  return total;
}

const DEL_CLASS = 'rounded-sm bg-rose-100 text-rose-900 line-through decoration-rose-700';
const INS_CLASS = 'rounded-sm bg-emerald-100 text-emerald-900 no-underline';

export function TextCompare({ dataA, dataB }: DataCompareProps) {
  const textA = dataA?.text?.raw ?? '';
  const textB = dataB?.text?.raw ?? '';
  const diff = useMemo(() => diffWords(textA, textB), [textA, textB]);
  const changed = useMemo(() => changedWordCount(diff.runs), [diff]);

  if (!diff.changed) {
    return (
      <div className="flex flex-col gap-2">
        <p className="text-sm text-slate-700">Same text in both versions.</p>
        {textA ? <TextBlock>{textA}</TextBlock> : null}
      </div>
    );
  }
  const { inserted, deleted } = diff.stats;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <p className="text-slate-700">
          {changed === 0
            ? 'Only spacing or punctuation changed.'
            : `${changed} ${changed === 1 ? 'word' : 'words'} changed (${deleted} removed, ${inserted} added).`}
          {!textA ? ' Version A has no text.' : !textB ? ' Version B has no text.' : ''}
        </p>
        <ul aria-label="Legend" className="flex gap-3 text-xs text-slate-600">
          <li>
            <del className={DEL_CLASS}>struck out</del>: removed in B
          </li>
          <li>
            <ins className={INS_CLASS}>highlighted</ins>: added in B
          </li>
        </ul>
      </div>
      <TextBlock label="Differences from version A to version B">
        {diff.runs.map((run, index) =>
          run.op === 'equal' ? (
            <span key={index}>{run.text}</span>
          ) : run.op === 'delete' ? (
            <del key={index} className={DEL_CLASS}>
              <span className="sr-only">[removed in B: </span>
              {run.text}
              <span className="sr-only">]</span>
            </del>
          ) : (
            <ins key={index} className={INS_CLASS}>
              <span className="sr-only">[added in B: </span>
              {run.text}
              <span className="sr-only">]</span>
            </ins>
          ),
        )}
      </TextBlock>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700">Both full texts</summary>
        <div className="mt-2 grid gap-3 md:grid-cols-2">
          {(
            [
              ['Version A', textA],
              ['Version B', textB],
            ] as const
          ).map(([label, text]) => (
            <figure key={label} className="flex min-w-0 flex-col gap-1">
              <figcaption className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
                {label}
              </figcaption>
              <TextBlock label={`Text of ${label.toLowerCase()}`}>
                {text || <span className="text-slate-400 italic">(no text)</span>}
              </TextBlock>
            </figure>
          ))}
        </div>
      </details>
    </div>
  );
}

function TextBlock({ label, children }: { label?: string; children: ReactNode }) {
  return (
    <div
      role={label ? 'region' : undefined}
      aria-label={label}
      className="max-h-96 overflow-auto rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-[15px] leading-relaxed break-words whitespace-pre-wrap text-slate-900"
    >
      {children}
    </div>
  );
}
