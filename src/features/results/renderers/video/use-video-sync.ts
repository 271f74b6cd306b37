/**
 * Ties one player's <video> to the shared playhead, both ways. Playhead → video: an explicit seek
 * moves every player there; while another player plays, this one follows frame by frame (one
 * seek per sampled frame, not per tick) and pauses if it was playing. Video → playhead: while
 * this video plays, each presented frame's time is reported, read with
 * `requestVideoFrameCallback` where the browser has it (the time of the picture actually shown),
 * else once per animation frame from `currentTime`.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { nearestFrame } from '@/features/results/lib/frames';
import type { Playhead } from '@/features/results/renderers/video/playhead';

function moveTo(video: HTMLVideoElement, timeMs: number): void {
  if (Math.abs(video.currentTime * 1000 - timeMs) > 0.5) video.currentTime = timeMs / 1000;
}

/**
 * Seeks that arrive while the video is still seeking (a scrub sends one per pointer move) wait,
 * and only the last of them is made once the video has got there: each seek costs the page's main
 * thread the media element's work (range reads of the file, a new picture to composite), and the
 * positions in between would never be shown anyway.
 */
function coalescedSeeks(video: HTMLVideoElement) {
  let waiting: number | null = null;
  const onSeeked = () => {
    if (waiting === null) return;
    const timeMs = waiting;
    waiting = null;
    moveTo(video, timeMs);
  };
  video.addEventListener('seeked', onSeeked);
  return {
    seek(timeMs: number) {
      if (video.seeking) waiting = timeMs;
      else {
        waiting = null;
        moveTo(video, timeMs);
      }
    },
    dispose: () => video.removeEventListener('seeked', onSeeked),
  };
}

/** Chrome, Edge and Safari have it; Firefox (before 132) does not. */
function hasFrameCallbacks(video: HTMLVideoElement): boolean {
  return typeof video.requestVideoFrameCallback === 'function';
}

export function useVideoSync({
  videoRef,
  playhead,
  url,
  id,
  times,
  playing,
}: {
  videoRef: RefObject<HTMLVideoElement | null>;
  playhead: Playhead;
  url: string;
  /** This player, as the playhead's driver. */
  id: string;
  /** The sampled frames' times, ascending. */
  times: readonly number[];
  playing: boolean;
}): void {
  // Read by the subscription below without re-subscribing as a stream adds frames.
  const timesRef = useRef(times);
  useEffect(() => {
    timesRef.current = times;
  }, [times]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    let seeks = playhead.get().seeks;
    const initial = playhead.get();
    const seeker = coalescedSeeks(video);
    // A player that appears later (another node's section) starts where the others are.
    if (initial.url === url) seeker.seek(initial.timeMs);
    const unsubscribe = playhead.subscribe(() => {
      const state = playhead.get();
      if (state.url !== url) return;
      if (state.seeks !== seeks) {
        seeks = state.seeks;
        seeker.seek(state.timeMs);
        return;
      }
      if (state.driver === null || state.driver === id) return;
      if (!video.paused) video.pause();
      const shown = nearestFrame(timesRef.current, video.currentTime * 1000);
      if (shown !== nearestFrame(timesRef.current, state.timeMs)) seeker.seek(state.timeMs);
    });
    return () => {
      unsubscribe();
      seeker.dispose();
    };
  }, [videoRef, playhead, url, id]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video || !playing) return;
    let stopped = false;
    const report = (timeMs: number) => {
      if (!stopped) playhead.tick(url, timeMs, id);
    };
    if (hasFrameCallbacks(video)) {
      let handle = 0;
      const onFrame: VideoFrameRequestCallback = (_now, metadata) => {
        report(metadata.mediaTime * 1000);
        if (!stopped) handle = video.requestVideoFrameCallback(onFrame);
      };
      handle = video.requestVideoFrameCallback(onFrame);
      return () => {
        stopped = true;
        video.cancelVideoFrameCallback(handle);
      };
    }
    let handle = 0;
    const onTick = () => {
      report(video.currentTime * 1000);
      if (!stopped) handle = requestAnimationFrame(onTick);
    };
    handle = requestAnimationFrame(onTick);
    return () => {
      stopped = true;
      cancelAnimationFrame(handle);
    };
  }, [videoRef, playhead, url, id, playing]);
}
