import { unknownKeys } from '@/features/results/lib/output-kinds';
import type { RendererProps } from '@/features/results/renderers/types';

function describe(value: unknown): string {
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  if (value && typeof value === 'object') return `fields: ${Object.keys(value).join(', ')}`;
  return String(value);
}

/** For fields no renderer knows yet (tracks, metadata, new kinds): at least say they are there. */
export function FallbackRenderer({ data }: RendererProps) {
  const keys = unknownKeys(data);
  return (
    <div className="text-sm">
      <p className="text-slate-600">Also in this output (no viewer for these yet; see Raw JSON):</p>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5">
        {keys.map((key) => (
          <div key={key} className="contents">
            <dt className="font-mono text-slate-800">{key}</dt>
            <dd className="truncate text-slate-500">{describe(data[key])}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
