/**
 * One node pair's outputs compared kind by kind: the output-kind registry of the compare view.
 * Each kind either side holds gets its comparison (boxes swiped or overlaid, concepts ranked,
 * words diffed, ...); a kind without one is shown side by side through the results' own
 * renderers, so nothing either version said is hidden. Adding a comparison for a kind means one
 * module and one line in `compareRenderers`.
 */
import { Suspense, type ComponentType, type ReactNode } from 'react';
import type { Data } from '@contract/clarifai';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { Skeleton } from '@/components/ui/skeleton';
import { OUTPUT_KINDS, outputKinds, unknownKeys, type OutputKind } from '@/features/results/lib/output-kinds';
import { DataView } from '@/features/results/renderers/data-view';
import type { BaseMedia } from '@/features/results/renderers/types';
import type { DataCompareProps } from '@/features/compare/components/types';
import { compareRenderers } from '@/features/compare/components/compare-registry';

/** The part of `data` a kind reads (for the side-by-side fallback of kinds without a comparison). */
export function pickKinds(data: Data | undefined, kinds: ReadonlySet<OutputKind>): Data | undefined {
  if (!data) return undefined;
  const unknown = kinds.has('unknown') ? new Set(unknownKeys(data)) : new Set<string>();
  const wanted = (key: string) => {
    const kind = OUTPUT_KINDS.find((candidate) => candidate === key);
    return unknown.has(key) || (kind !== undefined && kinds.has(kind));
  };
  const out: Data = { ...data };
  for (const key of Object.keys(out)) {
    if (!wanted(key)) delete out[key];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The kinds either side holds, in the results' reading order. */
export function kindsOf(dataA: Data | undefined, dataB: Data | undefined): OutputKind[] {
  const kinds = new Set([...(dataA ? outputKinds(dataA) : []), ...(dataB ? outputKinds(dataB) : [])]);
  return [...kinds];
}

/** OCR answers in regions: their words, one region per line, for the word diff. */
export function regionText(data: Data | undefined): Data | undefined {
  const texts = (data?.regions ?? []).flatMap((region) => {
    const raw = region.data?.text?.raw;
    return raw ? [raw] : [];
  });
  return texts.length > 0 ? { text: { raw: texts.join('\n') } } : undefined;
}

export function DataCompare(props: DataCompareProps) {
  const { dataA, dataB, media, name } = props;
  const kinds = kindsOf(dataA, dataB);
  const rest = new Set(kinds.filter((kind) => !compareRenderers[kind]));
  const readsText = kinds.includes('regions') && !kinds.includes('text');
  const textA = readsText ? regionText(dataA) : undefined;
  const textB = readsText ? regionText(dataB) : undefined;
  const TextComparison = compareRenderers.text;
  return (
    <div className="flex flex-col gap-4">
      {kinds.map((kind) => {
        const Component = compareRenderers[kind];
        return Component ? (
          <KindBoundary key={kind} kind={kind}>
            <Component {...props} />
          </KindBoundary>
        ) : null;
      })}
      {TextComparison && (textA || textB) ? (
        <KindBoundary kind="text">
          <div className="flex flex-col gap-1">
            <h4 className="text-sm font-semibold text-slate-700">Text read in the regions</h4>
            <TextComparison {...props} dataA={textA} dataB={textB} />
          </div>
        </KindBoundary>
      ) : null}
      {rest.size > 0 ? (
        <SideBySide dataA={pickKinds(dataA, rest)} dataB={pickKinds(dataB, rest)} media={media} name={name} />
      ) : null}
    </div>
  );
}

function KindBoundary({ kind, children }: { kind: OutputKind; children: ReactNode }) {
  return (
    <ErrorBoundary
      fallback={(error) => (
        <p
          role="alert"
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          Could not compare the {kind}
          {error instanceof Error ? `: ${error.message}` : ''}.
        </p>
      )}
    >
      <Suspense fallback={<Skeleton className="h-24 w-full" />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

/** Both versions' outputs next to each other, drawn by the results' renderers. */
export function SideBySide({
  dataA,
  dataB,
  media,
  name,
  missing = { a: 'Nothing here in this version.', b: 'Nothing here in this version.' },
}: {
  dataA: Data | undefined;
  dataB: Data | undefined;
  media: BaseMedia | undefined;
  name: string;
  /** What a side without data says. */
  missing?: { a: string; b: string };
}) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {(
        [
          ['Version A', dataA],
          ['Version B', dataB],
        ] as const
      ).map(([label, data]) => (
        <figure key={label} className="flex min-w-0 flex-col gap-2">
          <figcaption className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
            {label}
          </figcaption>
          {data ? (
            <DataView data={data} media={media} name={`${name}-${label === 'Version A' ? 'a' : 'b'}`} />
          ) : (
            <p className="text-sm text-slate-500" role="status">
              {label === 'Version A' ? missing.a : missing.b}
            </p>
          )}
        </figure>
      ))}
    </div>
  );
}

export type DataCompareComponent = ComponentType<DataCompareProps>;
