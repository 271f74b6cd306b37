/**
 * A video output's frames on the input video itself: the <video> with the regions of the sampled
 * frame nearest the playback time drawn over the picture (the same scene, boxes and masks as on
 * an image), play/pause and frame stepping, the timeline strip, and beside it what the frame on
 * screen holds ("Frame N at T s": its concepts, text and region list, through the registry).
 *
 * Keys, while the player or its timeline has focus (never while typing): ← / → step to the
 * previous / next sampled frame and seek there; space plays or pauses. The time is shared with the
 * pane's other players (playhead.ts), so every node's player shows the same frame.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type * as React from 'react';
import type { Data, Frame } from '@contract/clarifai';
import type { Size } from '@/lib/geometry';
import { Button } from '@/components/ui/button';
import {
  frameEntries,
  frameRegionClasses,
  frameTitle,
  nearestFrame,
  summariseFrame,
} from '@/features/results/lib/frames';
import { outputKinds } from '@/features/results/lib/output-kinds';
import { regionItems, type RegionItem } from '@/features/results/lib/region-model';
import { layoutRegions, sceneFromLayout } from '@/features/results/lib/scene';
import { createHighlightStore } from '@/features/results/state/highlight-store';
import { useViewState } from '@/features/results/state/view-state';
import { MaskLayer } from '@/features/results/renderers/mask-layer';
import { RegionBoxes } from '@/features/results/renderers/region-boxes';
import { RegionLegend } from '@/features/results/renderers/region-legend';
import { RegionList } from '@/features/results/renderers/regions';
import type { BaseMedia, RenderContext } from '@/features/results/renderers/types';
import { FrameTimeline } from '@/features/results/renderers/video/timeline';
import {
  timeFor,
  usePlayhead,
  usePlayheadTime,
  type Playhead,
} from '@/features/results/renderers/video/playhead';
import { useVideoSync } from '@/features/results/renderers/video/use-video-sync';
import { isTypingTarget } from '@/lib/shortcuts';


/** Space on a button presses that button. */
function isPressable(target: EventTarget): boolean {
  return target instanceof HTMLElement && target.closest('button, a[href], summary') !== null;
}

/**
 * Per sampled frame, made once and kept while its frame data lives: its region items, and the
 * overlay's layout of them at a given picture size and colours. A scrub passes the same frames
 * again and again; each pass then reuses them (and the memoised parts below see the same objects)
 * instead of building them anew on every playhead move.
 */
const NO_ITEMS: readonly RegionItem[] = [];
const itemsByFrame = new WeakMap<Data, readonly RegionItem[]>();
const layoutByItems = new WeakMap<
  readonly RegionItem[],
  { natural: Size; colors: ReadonlyMap<string, string>; layout: ReturnType<typeof layoutRegions> }
>();

function frameItems(data: Data | undefined): readonly RegionItem[] {
  if (!data?.regions?.length) return NO_ITEMS;
  let items = itemsByFrame.get(data);
  if (!items) {
    items = regionItems(data.regions);
    itemsByFrame.set(data, items);
  }
  return items;
}

function frameLayout(items: readonly RegionItem[], natural: Size, colors: ReadonlyMap<string, string>) {
  const kept = layoutByItems.get(items);
  if (
    kept &&
    kept.colors === colors &&
    kept.natural.width === natural.width &&
    kept.natural.height === natural.height
  ) {
    return kept.layout;
  }
  const layout = layoutRegions(items, natural, colors);
  layoutByItems.set(items, { natural, colors, layout });
  return layout;
}

/** Frame data the side panel hands to the registry: everything but the regions, listed apart. */
function withoutRegions(data: Data): Data {
  const rest: Data = { ...data };
  delete rest.regions;
  return rest;
}

export function VideoPlayer({
  frames,
  media,
  context,
  onUnplayable,
}: {
  frames: readonly Frame[];
  media: BaseMedia;
  context: RenderContext;
  /** The browser could not load or decode the video. */
  onUnplayable: () => void;
}) {
  const id = useId();
  const url = media.url;
  const playhead = usePlayhead();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [natural, setNatural] = useState<Size | null>(null);
  const [duration, setDuration] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const [focusClass, setFocusClass] = useState<string | null>(null);
  const [highlight] = useState(createHighlightStore);

  const entries = useMemo(() => frameEntries(frames), [frames]);
  const times = useMemo(() => entries.map((entry) => entry.timeMs), [entries]);
  const summaries = useMemo(() => entries.map((entry) => summariseFrame(entry.data)), [entries]);
  const { classes, colors } = useMemo(() => frameRegionClasses(entries), [entries]);
  const current = useSyncExternalStore(playhead.subscribe, () =>
    Math.max(0, nearestFrame(times, timeFor(playhead.get(), url))),
  );
  const entry = entries[current];
  useVideoSync({ videoRef, playhead, url, id, times, playing });

  // The picture's size, whenever the element knows it: also when its metadata arrived before this
  // component's listener did (a lazily loaded renderer can mount after a fast blob has loaded).
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const read = () => {
      if (video.videoWidth > 0) setNatural({ width: video.videoWidth, height: video.videoHeight });
      if (Number.isFinite(video.duration)) setDuration(video.duration * 1000);
    };
    if (video.readyState >= HTMLMediaElement.HAVE_METADATA) queueMicrotask(read);
    video.addEventListener('loadedmetadata', read);
    return () => video.removeEventListener('loadedmetadata', read);
  }, [url]);

  // A box index means another box in the next frame.
  useEffect(() => highlight.set(null), [highlight, entry]);

  const seekTo = useCallback(
    (position: number) => {
      const target = entries[Math.min(entries.length - 1, Math.max(0, position))];
      if (target) playhead.seek(url, target.timeMs);
    },
    [entries, playhead, url],
  );
  const step = (delta: number) => {
    videoRef.current?.pause();
    seekTo(current + delta);
  };
  const togglePlay = () => {
    const video = videoRef.current;
    if (!video) return;
    if (video.paused) {
      // Refused (no user gesture, a decode error): the video stays paused and says nothing.
      void Promise.resolve(video.play()).catch(() => undefined);
    } else {
      video.pause();
    }
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target)) return;
    const onTimeline = event.target instanceof HTMLElement && event.target.getAttribute('role') === 'slider';
    switch (event.key) {
      case 'ArrowRight':
        step(1);
        break;
      case 'ArrowLeft':
        step(-1);
        break;
      case 'ArrowUp':
      case 'ArrowDown':
      case 'PageUp':
      case 'PageDown':
      case 'Home':
      case 'End': {
        // Slider keys, on the slider only: elsewhere they scroll the page.
        if (!onTimeline) return;
        videoRef.current?.pause();
        const moves: Record<string, number> = {
          ArrowUp: current + 1,
          ArrowDown: current - 1,
          PageUp: current + 10,
          PageDown: current - 10,
          Home: 0,
          End: entries.length - 1,
        };
        seekTo(moves[event.key] ?? current);
        break;
      }
      case ' ':
        if (isPressable(event.target)) return;
        togglePlay();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  // The parts a seek does not change, made once: a seek re-renders the player (the frame on screen
  // changes), and the <video> element with its handlers and the legend need not be compared again.
  const video = useMemo(
    () => (
      <video
        ref={videoRef}
        src={url}
        aria-label="Input video"
        tabIndex={0}
        muted
        playsInline
        preload="auto"
        className="block max-h-[60vh] w-full object-contain outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
        onLoadedMetadata={(event) => {
          const video = event.currentTarget;
          setNatural({ width: video.videoWidth, height: video.videoHeight });
          setDuration(Number.isFinite(video.duration) ? video.duration * 1000 : null);
        }}
        onPlay={() => {
          setPlaying(true);
          playhead.setDriver(id);
        }}
        onPause={() => {
          setPlaying(false);
          if (playhead.get().driver === id) playhead.setDriver(null);
        }}
        onEnded={() => setPlaying(false)}
        onError={onUnplayable}
      />
    ),
    [url, id, playhead, onUnplayable],
  );
  const legend = useMemo(
    () => (classes.length > 0 ? <RegionLegend classes={classes} onFocusClass={setFocusClass} /> : null),
    [classes],
  );

  const nestedContext = useMemo<RenderContext>(
    () => ({ ...context, media: undefined, nested: true }),
    [context],
  );
  const items = frameItems(entry?.data);
  const rest = useMemo(() => (entry ? withoutRegions(entry.data) : {}), [entry]);
  const restKinds = outputKinds(rest);

  return (
    <div
      role="group"
      aria-label="Video player"
      onKeyDown={onKeyDown}
      className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(16rem,2fr)]"
    >
      <div className="flex min-w-0 flex-col gap-2">
        {/* The svg and canvases cover exactly the video's box, so `meet` and `object-fit:
            contain` letterbox alike; a click on the picture plays or pauses, as in most players. */}
        <div
          className="relative overflow-hidden rounded-lg bg-slate-900"
          data-rendered={natural ? 'true' : 'false'}
          onClick={() => {
            videoRef.current?.focus();
            togglePlay();
          }}
        >
          {video}
          {natural && natural.width > 0 && natural.height > 0 && items.length > 0 ? (
            <FrameOverlay
              items={items}
              natural={natural}
              colors={colors}
              highlight={highlight}
              focusClass={focusClass}
            />
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button
            variant="secondary"
            size="sm"
            aria-label={playing ? 'Pause' : 'Play'}
            aria-keyshortcuts="Space"
            onClick={togglePlay}
          >
            {playing ? <PauseIcon /> : <PlayIcon />}
          </Button>
          <Button
            variant="secondary"
            size="sm"
            aria-label="Previous frame"
            aria-keyshortcuts="ArrowLeft"
            disabled={current <= 0}
            onClick={() => step(-1)}
          >
            ‹
          </Button>
          <Button
            variant="secondary"
            size="sm"
            aria-label="Next frame"
            aria-keyshortcuts="ArrowRight"
            disabled={current >= entries.length - 1}
            onClick={() => step(1)}
          >
            ›
          </Button>
          <TimeReadout playhead={playhead} url={url} duration={duration} />
          <span className="ml-auto text-xs text-slate-500">
            {entries.length} sampled frame{entries.length === 1 ? '' : 's'} · ← → step · space plays
          </span>
        </div>
        <FrameTimeline entries={entries} summaries={summaries} current={current} onSeek={seekTo} />
        {legend}
      </div>
      {/* Its own layout: a new frame's heading and rows are laid out without the player beside it. */}
      <div className="flex min-w-0 flex-col gap-3 [contain:layout_style]">
        <h4 className="text-sm font-semibold text-slate-800">{entry ? frameTitle(entry) : 'No frame'}</h4>
        {restKinds.length > 0 ? context.renderNested(rest) : null}
        {items.length > 0 ? (
          <RegionList items={items} colors={colors} store={highlight} context={nestedContext} />
        ) : null}
        {restKinds.length === 0 && items.length === 0 ? (
          <p className="text-sm text-slate-500">Nothing found in this frame.</p>
        ) : null}
      </div>
    </div>
  );
}

/** The regions of the frame on screen, over the video: the image overlay's scene and boxes. */
function FrameOverlay({
  items,
  natural,
  colors,
  highlight,
  focusClass,
}: {
  items: readonly RegionItem[];
  natural: Size;
  colors: ReadonlyMap<string, string>;
  highlight: ReturnType<typeof createHighlightStore>;
  focusClass: string | null;
}) {
  const threshold = useViewState((state) => state.threshold);
  const hiddenClasses = useViewState((state) => state.hiddenClasses);
  const maskOpacity = useViewState((state) => state.maskOpacity);
  const layout = useMemo(() => frameLayout(items, natural, colors), [items, natural, colors]);
  const view = useMemo(() => ({ threshold, hiddenClasses }), [threshold, hiddenClasses]);
  const scene = useMemo(() => sceneFromLayout(layout, view), [layout, view]);
  return (
    <>
      <MaskLayer masks={scene.masks} size={scene.size} opacity={maskOpacity} focusClass={focusClass} />
      <RegionBoxes
        layout={layout}
        scene={scene}
        view={view}
        store={highlight}
        focusClass={focusClass}
        zoomScale={1}
      />
    </>
  );
}

/** "1.2 s / 5.0 s": the only part of the player that re-renders on every playback tick. */
function TimeReadout({
  playhead,
  url,
  duration,
}: {
  playhead: Playhead;
  url: string;
  duration: number | null;
}) {
  const time = usePlayheadTime(playhead, url);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return (
    <span className="font-mono text-xs text-slate-600 tabular-nums">
      {seconds(time)}
      {duration === null ? '' : ` / ${seconds(duration)}`}
    </span>
  );
}

function PlayIcon() {
  return (
    <svg viewBox="0 0 24 24" className="size-4" aria-hidden fill="currentColor">
      <path d="M8 5v14l11-7z" />
    </svg>
  );
}

function PauseIcon() {
  return (
    <svg viewBox="0 0 24 24" className="size-4" aria-hidden fill="currentColor">
      <path d="M6 5h4v14H6zM14 5h4v14h-4z" />
    </svg>
  );
}
