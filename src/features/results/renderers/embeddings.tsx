/**
 * Embeddings: how many dimensions, a compact heat strip of the vector (blue below zero, orange
 * above, scaled to the largest magnitude) and the vector as JSON to copy.
 */
import { useState } from 'react';
import { divergingColor } from '@/lib/colors';
import { Button } from '@/components/ui/button';
import type { RendererProps } from '@/features/results/renderers/types';

export function summariseVector(vector: readonly number[]) {
  let min = Infinity;
  let max = -Infinity;
  let sumSquares = 0;
  for (const v of vector) {
    min = Math.min(min, v);
    max = Math.max(max, v);
    sumSquares += v * v;
  }
  return vector.length === 0 ? { min: 0, max: 0, norm: 0 } : { min, max, norm: Math.sqrt(sumSquares) };
}

/**
 * The strip's cells: each value scaled into -1..1 by the largest magnitude. Longer vectors are
 * averaged into `maxCells` buckets, so a 4,096-d vector still draws as a few hundred rects.
 */
export function stripCells(vector: readonly number[], maxCells = 512): number[] {
  const peak = vector.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
  if (vector.length <= maxCells) return vector.map((v) => v / peak);
  const cells: number[] = [];
  const per = vector.length / maxCells;
  for (let c = 0; c < maxCells; c += 1) {
    const from = Math.floor(c * per);
    const to = Math.max(from + 1, Math.floor((c + 1) * per));
    let sum = 0;
    for (let i = from; i < to; i += 1) sum += vector[i] ?? 0;
    cells.push(sum / (to - from) / peak);
  }
  return cells;
}

export function EmbeddingsRenderer({ data }: RendererProps) {
  const embeddings = data.embeddings ?? [];
  return (
    <ul aria-label="Embeddings" className="flex flex-col gap-2">
      {embeddings.map((embedding, index) => (
        <EmbeddingItem
          key={index}
          vector={embedding.vector}
          dims={embedding.num_dimensions ?? embedding.vector.length}
        />
      ))}
    </ul>
  );
}

function EmbeddingItem({ vector, dims }: { vector: readonly number[]; dims: number }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const { min, max, norm } = summariseVector(vector);
  const cells = stripCells(vector);
  const copy = async () => {
    // Clipboard access can be refused (insecure origin, permissions): say so rather than pretend.
    try {
      await navigator.clipboard.writeText(JSON.stringify(vector));
      setCopied('yes');
    } catch {
      setCopied('no');
    }
    window.setTimeout(() => setCopied(null), 1500);
  };
  return (
    <li className="flex flex-col gap-1.5 rounded-lg border border-slate-200 px-3 py-2 text-sm">
      <p className="font-medium text-slate-800">Embedding · {dims} dimensions</p>
      {vector.length !== dims ? (
        <p className="text-xs text-amber-800">
          This response holds {vector.length} of the {dims} values.
        </p>
      ) : null}
      <svg
        role="img"
        aria-label={`Heat strip of ${vector.length} values, from ${min.toFixed(3)} to ${max.toFixed(3)}`}
        viewBox={`0 0 ${Math.max(1, cells.length)} 1`}
        preserveAspectRatio="none"
        className="h-6 w-full rounded border border-slate-200"
      >
        {cells.map((value, i) => (
          // Slightly wider than 1 so anti-aliasing leaves no hairline gaps between cells.
          <rect key={i} x={i} y={0} width={1.05} height={1} fill={divergingColor(value)} />
        ))}
      </svg>
      <p className="text-xs text-slate-500 tabular-nums">
        min {min.toFixed(3)} · max {max.toFixed(3)} · L2 norm {norm.toFixed(3)}
      </p>
      <p className="truncate font-mono text-xs text-slate-500">
        [
        {vector
          .slice(0, 8)
          .map((v) => v.toFixed(3))
          .join(', ')}
        {vector.length > 8 ? ', …' : ''}]
      </p>
      <div className="flex items-center gap-2">
        <Button variant="secondary" size="sm" onClick={() => void copy()}>
          Copy as JSON
        </Button>
        {copied ? (
          <span role="status" className="text-xs text-slate-500">
            {copied === 'yes' ? 'Copied' : 'The browser refused the clipboard'}
          </span>
        ) : null}
      </div>
    </li>
  );
}
