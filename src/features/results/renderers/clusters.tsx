/**
 * Clusters: the 2-D projections of every input this node saw, plotted together and coloured by
 * cluster id, with this input's point marked; then this input's clusters as a table. One input
 * still gets its plot (a single point says little, but it is where the next ones will land).
 */
import type { Data } from '@contract/clarifai';
import { assignColors } from '@/lib/colors';
import { fitPoints } from '@/lib/geometry';
import type { RendererProps } from '@/features/results/renderers/types';

type ClusterData = NonNullable<Data['clusters']>[number];

const WIDTH = 320;
const HEIGHT = 200;
const PADDING = 16;

interface PlotPoint {
  inputIndex: number;
  cluster: ClusterData;
  x: number;
  y: number;
}

export function ClustersRenderer({ data, context }: RendererProps) {
  const clusters = data.clusters ?? [];
  if (context.nested) return <ClusterTable clusters={clusters} />;
  const { peers, inputIndex } = context.related;
  // Without peers (a lone output), this output is the only input there is.
  const sources = peers.length > 0 ? peers : [{ inputIndex, data }];
  const points: PlotPoint[] = sources.flatMap((peer) =>
    (peer.data.clusters ?? []).flatMap((cluster) => {
      const [x, y] = cluster.projection ?? [];
      return x !== undefined && y !== undefined ? [{ inputIndex: peer.inputIndex, cluster, x, y }] : [];
    }),
  );
  return (
    <div className="flex flex-col gap-3">
      {points.length > 0 ? <ScatterPlot points={points} current={inputIndex} /> : null}
      <ClusterTable clusters={clusters} />
    </div>
  );
}

function ScatterPlot({ points, current }: { points: readonly PlotPoint[]; current: number }) {
  const colors = assignColors(points.map((p) => p.cluster.id));
  const toPlot = fitPoints(points, { width: WIDTH, height: HEIGHT }, PADDING);
  const origin = toPlot({ x: 0, y: 0 });
  const inputs = new Set(points.map((p) => p.inputIndex)).size;
  // This input's points last, so they sit on top.
  const ordered = [...points].sort(
    (a, b) => Number(a.inputIndex === current) - Number(b.inputIndex === current),
  );
  return (
    <figure className="flex flex-col gap-1">
      <svg
        role="img"
        aria-label={`Cluster projections of ${inputs} input${inputs === 1 ? '' : 's'}`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="w-full max-w-md rounded-lg border border-slate-200 bg-white"
      >
        {/* Axes through the projection's origin, when it is in view. */}
        {origin.x > 0 && origin.x < WIDTH ? (
          <line x1={origin.x} x2={origin.x} y1={0} y2={HEIGHT} stroke="#e2e8f0" />
        ) : null}
        {origin.y > 0 && origin.y < HEIGHT ? (
          <line x1={0} x2={WIDTH} y1={origin.y} y2={origin.y} stroke="#e2e8f0" />
        ) : null}
        {ordered.map((point, i) => {
          const at = toPlot(point);
          const isCurrent = point.inputIndex === current;
          const color = colors.get(point.cluster.id) ?? '#0072B2';
          const where = `(${point.x.toFixed(3)}, ${point.y.toFixed(3)})`;
          return (
            <g
              key={`${point.inputIndex}-${point.cluster.id}-${i}`}
              role="img"
              aria-label={`Input ${point.inputIndex + 1}${isCurrent ? ' (this input)' : ''}: cluster ${point.cluster.id} at ${where}`}
              data-highlighted={isCurrent ? 'true' : 'false'}
            >
              <title>{`Input ${point.inputIndex + 1} · cluster ${point.cluster.id} · ${where}`}</title>
              {isCurrent ? (
                <circle cx={at.x} cy={at.y} r={9} fill="none" stroke="#0f172a" strokeWidth={2} />
              ) : null}
              <circle
                cx={at.x}
                cy={at.y}
                r={isCurrent ? 6 : 4.5}
                fill={color}
                stroke="#ffffff"
                strokeWidth={1}
              />
            </g>
          );
        })}
      </svg>
      <figcaption className="text-xs text-slate-500">
        Coloured by cluster id; the ringed point is this input.
      </figcaption>
    </figure>
  );
}

function ClusterTable({ clusters }: { clusters: readonly ClusterData[] }) {
  return (
    <table className="self-start text-sm">
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
