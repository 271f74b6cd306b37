/**
 * Embeddings and clusters of two versions. An embedding pair says how far the input moved in the
 * embedding space (cosine similarity, 1 = same direction), or why it cannot: a side has none, the
 * sizes differ (a new embedder), or a vector is all zeros. A cluster answer says whether the
 * input landed in the same cluster.
 */
import { useMemo } from 'react';
import { diffClusters, diffEmbeddings, type EmbeddingDiff } from '@/features/compare/lib/diff-vectors';
import type { DataCompareProps } from '@/features/compare/components/types';

const dims = (count: number) => `${count} ${count === 1 ? 'dimension' : 'dimensions'}`;

/** One embedding pair in words. */
export function describeEmbeddingDiff(diff: EmbeddingDiff): string {
  const { dimensionsA: a, dimensionsB: b, similarity } = diff;
  if (a === null && b === null) return 'in neither version';
  if (a === null) return `only in version B (${dims(b ?? 0)})`;
  if (b === null) return `only in version A (${dims(a)})`;
  if (a !== b) return `different sizes: ${dims(a)} in A, ${dims(b)} in B, so not comparable`;
  if (similarity === null) return `not comparable (${dims(a)}, a vector is empty or all zeros)`;
  return `cosine similarity ${similarity.toFixed(3)} (${dims(a)})`;
}

export function EmbeddingsCompare({ dataA, dataB }: DataCompareProps) {
  const embeddingsA = dataA?.embeddings;
  const embeddingsB = dataB?.embeddings;
  const diffs = useMemo(
    () => diffEmbeddings(embeddingsA ?? [], embeddingsB ?? []),
    [embeddingsA, embeddingsB],
  );
  if (diffs.length === 0) return <p className="text-sm text-slate-500">No embeddings in either version.</p>;
  return (
    <ul aria-label="Embedding similarity" className="flex flex-col gap-2 text-sm">
      {diffs.map((diff) => (
        <li key={diff.index} className="flex flex-col gap-1.5 rounded-lg border border-slate-200 px-3 py-2">
          <p className="text-slate-800">
            <span className="font-medium">
              {diffs.length > 1 ? `Embedding ${diff.index + 1}` : 'Embedding'}:
            </span>{' '}
            {describeEmbeddingDiff(diff)}
          </p>
          {diff.similarity !== null ? (
            <div
              role="meter"
              aria-label="Cosine similarity"
              aria-valuemin={-1}
              aria-valuemax={1}
              aria-valuenow={diff.similarity}
              aria-valuetext={diff.similarity.toFixed(3)}
              className="h-2 overflow-hidden rounded-full bg-slate-100"
            >
              {/* −1..1 drawn as 0..100%. */}
              <div
                className="h-full rounded-full bg-brand-600"
                style={{ width: `${((diff.similarity + 1) / 2) * 100}%` }}
              />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function ClustersCompare({ dataA, dataB }: DataCompareProps) {
  const { idA, idB, changed } = diffClusters(dataA?.clusters ?? [], dataB?.clusters ?? []);
  let text: string;
  if (idA === null && idB === null) text = 'No cluster in either version.';
  else if (idA === null) text = `Only version B puts the input in a cluster: ${idB}.`;
  else if (idB === null) text = `Only version A puts the input in a cluster: ${idA}.`;
  else if (changed) text = `Cluster changed: ${idA} in A, ${idB} in B.`;
  else text = `Same cluster in both versions: ${idA}.`;
  return (
    <p className="text-sm text-slate-800" data-changed={changed ? 'true' : 'false'}>
      {changed ? (
        <span aria-hidden className="mr-1 text-amber-700">
          ●
        </span>
      ) : null}
      {text}
    </p>
  );
}
