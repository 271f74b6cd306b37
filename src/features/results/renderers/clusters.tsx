import type { RendererProps } from '@/features/results/renderers/types';

export function ClustersRenderer({ data }: RendererProps) {
  const clusters = data.clusters ?? [];
  return (
    <table className="text-sm">
      <caption className="text-left text-xs font-medium text-slate-500">Clusters</caption>
      <thead>
        <tr className="text-left text-xs text-slate-500">
          <th className="pr-4 font-medium">Cluster id</th>
          <th className="font-medium">Projection</th>
        </tr>
      </thead>
      <tbody>
        {clusters.map((cluster, index) => (
          <tr key={`${cluster.id}-${index}`}>
            <td className="pr-4 font-mono text-slate-800">{cluster.id}</td>
            <td className="font-mono text-slate-600 tabular-nums">
              {cluster.projection ? `[${cluster.projection.map((v) => v.toFixed(3)).join(', ')}]` : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
