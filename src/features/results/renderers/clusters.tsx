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

/** One point of a scatter plot: an input (top-level clusters) or a region (per-region clusters). */
export interface ScatterPoint {
  key: string;
  /** "Input 2" or "Region 3". */
  label: string;
  clusterId: string;
  x: number;
  y: number;
  current: boolean;
}

export function ClustersRenderer({ data, context }: RendererProps) {
  const clusters = data.clusters ?? [];
  if (context.nested) return <ClusterTable clusters={clusters} />;
  const { peers, inputIndex } = context.related;
  // Without peers (a lone output), this output is the only input there is.
  const sources = peers.length > 0 ? peers : [{ inputIndex, data }];
  const points: ScatterPoint[] = sources.flatMap((peer) =>
    (peer.data.clusters ?? []).flatMap((cluster, i) => {
      const [x, y] = cluster.projection ?? [];
      if (x === undefined || y === undefined) return [];
      const current = peer.inputIndex === inputIndex;
      const label = `Input ${peer.inputIndex + 1}${current ? ' (this input)' : ''}`;
      return [{ key: `${peer.inputIndex}-${cluster.id}-${i}`, label, clusterId: cluster.id, x, y, current }];
    }),
  );
  const inputs = new Set(sources.map((peer) => peer.inputIndex)).size;
  return (
    <div className="flex flex-col gap-3">
      {points.length > 0 ? (
        <ClusterScatter
          points={points}
          name={`Cluster projections of ${inputs} input${inputs === 1 ? '' : 's'}`}
          caption="Coloured by cluster id; the ringed point is this input."
        />
      ) : null}
      <ClusterTable clusters={clusters} />
    </div>
  );
}

/** The 2-D projections as a scatter plot, coloured by cluster id, current points ringed. */
export function ClusterScatter({
  points,
  name,
  caption,
  onHover,
}: {
  points: readonly ScatterPoint[];
  name: string;
  caption: string;
  onHover?: (key: string | null) => void;
}) {
  const colors = assignColors(points.map((p) => p.clusterId));
  const toPlot = fitPoints(points, { width: WIDTH, height: HEIGHT }, PADDING);
  const origin = toPlot({ x: 0, y: 0 });
  // Current points last, so they sit on top.
  const ordered = [...points].sort((a, b) => Number(a.current) - Number(b.current));
  return (
    <figure className="flex flex-col gap-1">
      <svg
        role="img"
        aria-label={name}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="w-full max-w-md rounded-lg border border-slate-200 bg-white"
        onPointerLeave={onHover ? () => onHover(null) : undefined}
      >
        {/* Axes through the projection's origin, when it is in view. */}
        {origin.x > 0 && origin.x < WIDTH ? (
          <line x1={origin.x} x2={origin.x} y1={0} y2={HEIGHT} stroke="#e2e8f0" />
        ) : null}
        {origin.y > 0 && origin.y < HEIGHT ? (
          <line x1={0} x2={WIDTH} y1={origin.y} y2={origin.y} stroke="#e2e8f0" />
        ) : null}
        {ordered.map((point) => {
          const at = toPlot(point);
          const color = colors.get(point.clusterId) ?? '#0072B2';
          const where = `(${point.x.toFixed(3)}, ${point.y.toFixed(3)})`;
          return (
            <g
              key={point.key}
              role="img"
              aria-label={`${point.label}: cluster ${point.clusterId} at ${where}`}
              data-highlighted={point.current ? 'true' : 'false'}
              onPointerEnter={onHover ? () => onHover(point.key) : undefined}
            >
              <title>{`${point.label} · cluster ${point.clusterId} · ${where}`}</title>
              {point.current ? (
                <circle cx={at.x} cy={at.y} r={9} fill="none" stroke="#0f172a" strokeWidth={2} />
              ) : null}
              <circle
                cx={at.x}
                cy={at.y}
                r={point.current ? 6 : 4.5}
                fill={color}
                stroke="#ffffff"
                strokeWidth={1}
              />
            </g>
          );
        })}
      </svg>
      <figcaption className="text-xs text-slate-500">{caption}</figcaption>
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
