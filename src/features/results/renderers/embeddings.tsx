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

export function EmbeddingsRenderer({ data }: RendererProps) {
  const embeddings = data.embeddings ?? [];
  return (
    <ul aria-label="Embeddings" className="flex flex-col gap-2">
      {embeddings.map((embedding, index) => {
        const dims = embedding.num_dimensions ?? embedding.vector.length;
        const { min, max, norm } = summariseVector(embedding.vector);
        return (
          <li key={index} className="rounded-lg border border-slate-200 px-3 py-2 text-sm">
            <p className="font-medium text-slate-800">Embedding · {dims} dimensions</p>
            <p className="text-xs text-slate-500 tabular-nums">
              min {min.toFixed(3)} · max {max.toFixed(3)} · L2 norm {norm.toFixed(3)}
            </p>
            <p className="truncate font-mono text-xs text-slate-500">
              [{embedding.vector.slice(0, 8).map((v) => v.toFixed(3)).join(', ')}
              {embedding.vector.length > 8 ? ', …' : ''}]
            </p>
          </li>
        );
      })}
    </ul>
  );
}
