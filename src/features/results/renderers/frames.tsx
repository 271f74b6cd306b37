import { frameTimeMs } from '@contract/clarifai';
import { formatSeconds } from '@/lib/format';
import type { RendererProps } from '@/features/results/renderers/types';

export function FramesRenderer({ data, context }: RendererProps) {
  const frames = data.frames ?? [];
  if (frames.length === 0) return <p className="text-sm text-slate-500">No frames were sampled.</p>;
  const video = context.media?.kind === 'video' ? context.media : undefined;
  return (
    <div className="flex flex-col gap-2">
      <p className="text-xs text-slate-500">
        {frames.length} sampled frame{frames.length === 1 ? '' : 's'}
      </p>
      <ol aria-label="Frames" className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {frames.map((frame, position) => {
          const time = frameTimeMs(frame);
          // Frame 0 may arrive without `index` (protobuf leaves zero out).
          const index = frame.frame_info?.index ?? position;
          return (
            <li key={`${index}-${time}`} className="rounded-lg border border-slate-200 p-3" aria-label={`Frame ${index} at ${formatSeconds(time)}`}>
              <p className="mb-2 text-xs font-semibold text-slate-700">
                Frame {index} · <time>{formatSeconds(time)}</time>
              </p>
              {frame.data && Object.keys(frame.data).length > 0 ? (
                context.renderNested(frame.data, video ? { ...video, timeMs: time } : undefined)
              ) : (
                <p className="text-xs text-slate-400">Nothing found in this frame.</p>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
