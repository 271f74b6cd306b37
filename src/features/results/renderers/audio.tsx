/**
 * Audio answers (text-to-speech): a player, the waveform, the duration and a download. A WAV is
 * read by `parseWav` (header and samples, no Web Audio needed); anything else is decoded by the
 * browser's `decodeAudioData` when it can, and shows the player alone when it cannot.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Data } from '@contract/clarifai';
import { replay } from '@/lib/draw-commands';
import { safeFileName } from '@/lib/download';
import {
  audioExtension,
  audioMime,
  audioSrc,
  base64Bytes,
  formatAudioDuration,
} from '@/features/results/lib/audio-source';
import { channelPeaks, parseWav, wavPeaks, type Peak } from '@/features/results/lib/wav';
import { waveformCommands } from '@/features/results/lib/waveform';
import type { RendererProps } from '@/features/results/renderers/types';

type Audio = NonNullable<Data['audio']>;

const WAVEFORM_HEIGHT = 64;
const WAVEFORM_COLOR = '#1d4ed8';

export function AudioRenderer({ data, context }: RendererProps) {
  const audio = data.audio;
  if (!audio) return null;
  return <AudioOutput audio={audio} name={context.name} />;
}

interface Decoded {
  bytes: Uint8Array;
  channels: Float32Array[];
  duration: number;
}

function AudioOutput({ audio, name }: { audio: Audio; name: string }) {
  const src = audioSrc(audio);
  const mime = audioMime(audio);
  const bytes = useMemo(() => (audio.base64 ? base64Bytes(audio.base64) : undefined), [audio.base64]);
  const wav = useMemo(() => (bytes ? parseWav(bytes) : undefined), [bytes]);
  const [decoded, setDecoded] = useState<Decoded | null>(null);
  const [playerDuration, setPlayerDuration] = useState<number | undefined>(undefined);

  // Not a WAV this page reads: let the browser decode it, where it can (not in jsdom).
  useEffect(() => {
    if (!bytes || wav?.ok || typeof OfflineAudioContext === 'undefined') return;
    let cancelled = false;
    const decoder = new OfflineAudioContext(1, 1, 44_100);
    // decodeAudioData takes the buffer over: give it a copy.
    decoder
      .decodeAudioData(bytes.slice().buffer)
      .then((buffer) => {
        if (cancelled) return;
        const channels = Array.from({ length: buffer.numberOfChannels }, (_, i) => buffer.getChannelData(i));
        setDecoded({ bytes, channels, duration: buffer.duration });
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [bytes, wav]);

  const decodedHere = decoded?.bytes === bytes ? decoded : null;
  const peaksFor = useMemo<((columns: number) => Peak[]) | undefined>(() => {
    if (bytes && wav?.ok) return (columns) => wavPeaks(bytes, wav.wav, columns);
    if (decodedHere) return (columns) => channelPeaks(decodedHere.channels, columns);
    return undefined;
  }, [bytes, wav, decodedHere]);

  const duration =
    (wav?.ok ? wav.wav.durationSeconds : undefined) ??
    decodedHere?.duration ??
    audio.audio_info?.duration_seconds ??
    playerDuration;
  const sampleRate = (wav?.ok ? wav.wav.sampleRate : undefined) ?? audio.audio_info?.sample_rate;

  if (!src) return <p className="text-sm text-slate-500">This audio output holds no bytes and no URL.</p>;
  return (
    <div className="flex max-w-xl flex-col gap-2">
      {peaksFor ? <Waveform peaksFor={peaksFor} /> : null}
      <audio
        controls
        src={src}
        aria-label="Output audio"
        className="w-full"
        onLoadedMetadata={(event) => {
          const seconds = event.currentTarget.duration;
          if (Number.isFinite(seconds)) setPlayerDuration(seconds);
        }}
      />
      <div className="flex flex-wrap items-center gap-3 text-xs text-slate-500">
        {duration !== undefined ? <span>{formatAudioDuration(duration)}</span> : null}
        {sampleRate ? <span>{(sampleRate / 1000).toFixed(sampleRate % 1000 === 0 ? 0 : 1)} kHz</span> : null}
        <span>{mime.replace('audio/', '').toUpperCase()}</span>
        <a
          href={src}
          download={safeFileName(name, audioExtension(mime))}
          className="font-medium text-brand-700 underline-offset-4 hover:underline"
        >
          Download audio
        </a>
      </div>
    </div>
  );
}

/** Peaks per device-pixel column, redrawn when the canvas changes width. */
function Waveform({ peaksFor }: { peaksFor: (columns: number) => Peak[] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [cssWidth, setCssWidth] = useState<number | null>(null);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setCssWidth(canvas.clientWidth));
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []);

  const draw = useCallback(() => {
    const canvas = ref.current;
    if (!canvas) return;
    // jsdom and hidden elements have no layout: draw at a nominal width then.
    const width = cssWidth || canvas.clientWidth || 480;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.round(width * ratio));
    canvas.height = Math.round(WAVEFORM_HEIGHT * ratio);
    const context = canvas.getContext('2d');
    if (!context) return;
    context.clearRect(0, 0, canvas.width, canvas.height);
    const peaks = peaksFor(canvas.width);
    replay(
      context,
      waveformCommands(peaks, { width: canvas.width, height: canvas.height }, WAVEFORM_COLOR),
      () => undefined,
    );
    canvas.dataset.rendered = 'true';
  }, [peaksFor, cssWidth]);

  useEffect(draw, [draw]);

  return (
    <canvas
      ref={ref}
      role="img"
      aria-label="Audio waveform"
      className="h-16 w-full rounded-md bg-slate-50"
      style={{ height: WAVEFORM_HEIGHT }}
    />
  );
}
