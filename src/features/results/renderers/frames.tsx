/**
 * A video output (`data.frames[]`). With the input video at hand and a browser that plays video,
 * the frames are shown on the video itself (video/video-player.tsx). Otherwise, such as for a
 * recorded answer whose video is not here, or a format this browser cannot decode, each frame is
 * a card in a grid with its own answer.
 */
import { useState } from 'react';
import { frameTimeMs, type Frame } from '@contract/clarifai';
import { formatSeconds } from '@/lib/format';
import { Button } from '@/components/ui/button';
import type { BaseMedia, RendererProps, RenderContext } from '@/features/results/renderers/types';
import { VideoPlayer } from '@/features/results/renderers/video/video-player';

/** Cards drawn before "Show all": a 10-minute clip sampled every 100 ms has 6,000 frames. */
const GRID_LIMIT = 60;

let playsVideo: boolean | undefined;

/** Whether this browser plays video at all (jsdom, for one, does not). */
function browserPlaysVideo(): boolean {
  if (playsVideo === undefined) {
    const probe = typeof document === 'undefined' ? null : document.createElement('video');
    playsVideo = Boolean(probe && (probe.canPlayType('video/mp4') || probe.canPlayType('video/webm')));
  }
  return playsVideo;
}

export function FramesRenderer({ data, context }: RendererProps) {
  const frames = data.frames ?? [];
  // The video that failed to load: its frames fall back to the grid.
  const [unplayable, setUnplayable] = useState<string | null>(null);
  if (frames.length === 0) return <p className="text-sm text-slate-500">No frames were sampled.</p>;
  const video = context.media?.kind === 'video' ? context.media : undefined;
  if (video && !context.nested && unplayable !== video.url && browserPlaysVideo()) {
    return (
      <VideoPlayer
        frames={frames}
        media={video}
        context={context}
        onUnplayable={() => setUnplayable(video.url)}
      />
    );
  }
  const failed = video !== undefined && unplayable === video.url;
  return (
    <FrameGrid
      frames={frames}
      context={context}
      // Each card would try the same video again.
      video={failed ? undefined : video}
      note={
        failed ? 'The video cannot be played in this browser, so each sampled frame is listed.' : undefined
      }
    />
  );
}

function FrameGrid({
  frames,
  context,
  video,
  note,
}: {
  frames: readonly Frame[];
  context: RenderContext;
  video: BaseMedia | undefined;
  note: string | undefined;
}) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? frames : frames.slice(0, GRID_LIMIT);
  return (
    <div className="flex flex-col gap-2">
      <p className="text-xs text-slate-500">
        {frames.length} sampled frame{frames.length === 1 ? '' : 's'}
        {note ? `. ${note}` : ''}
      </p>
      <ol aria-label="Frames" className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {shown.map((frame, position) => {
          const time = frameTimeMs(frame);
          // Frame 0 may arrive without `index` (protobuf leaves zero out).
          const index = frame.frame_info?.index ?? position;
          return (
            <li
              key={`${index}-${time}`}
              className="rounded-lg border border-slate-200 p-3"
              aria-label={`Frame ${index} at ${formatSeconds(time)}`}
            >
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
      {shown.length < frames.length ? (
        <p className="flex flex-wrap items-center gap-x-2 text-xs text-slate-500">
          The first {shown.length} of {frames.length} frames are listed.
          <Button variant="link" size="sm" className="h-auto px-0" onClick={() => setShowAll(true)}>
            Show all {frames.length}
          </Button>
        </p>
      ) : null}
    </div>
  );
}
