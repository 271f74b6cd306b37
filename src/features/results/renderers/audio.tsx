import type { RendererProps } from '@/features/results/renderers/types';

export function AudioRenderer({ data }: RendererProps) {
  const audio = data.audio;
  if (!audio) return null;
  const format = audio.audio_info?.audio_format?.toLowerCase() ?? 'wav';
  const src = audio.base64 ? `data:audio/${format};base64,${audio.base64}` : audio.url;
  const duration = audio.audio_info?.duration_seconds;
  return (
    <div className="flex flex-col gap-1">
      <audio controls src={src} aria-label="Output audio" className="w-full max-w-md" />
      {duration ? <p className="text-xs text-slate-500">{duration.toFixed(1)} s</p> : null}
    </div>
  );
}
