/**
 * Two versions' audio (text-to-speech) through one player: "Play A" / "Play B" swap the player's
 * source and carry over the position and whether it was playing, so the same moment can be heard
 * in both voices back to back. Each side's duration is listed (from the WAV header, else
 * `audio_info`, else what the player measured once it loaded that side).
 *
 * The swap is two steps because a new `src` makes the element reload from 0: the switch notes
 * where the player was, and the `loadedmetadata` of the new source seeks there and resumes.
 */
import { useMemo, useRef, useState, type SyntheticEvent } from 'react';
import type { Data } from '@contract/clarifai';
import { cn } from '@/lib/cn';
import { Button } from '@/components/ui/button';
import { audioSrc, base64Bytes, formatAudioDuration } from '@/features/results/lib/audio-source';
import { parseWav } from '@/features/results/lib/wav';
import type { DataCompareProps, Side } from '@/features/compare/components/types';

type Audio = NonNullable<Data['audio']>;

/** The duration the answer itself states: the WAV header's, else `audio_info`'s. */
export function declaredDuration(audio: Audio | undefined): number | undefined {
  if (!audio) return undefined;
  const bytes = audio.base64 ? base64Bytes(audio.base64) : undefined;
  const wav = bytes ? parseWav(bytes) : undefined;
  if (wav?.ok) return wav.wav.durationSeconds;
  return audio.audio_info?.duration_seconds;
}

const SIDES: readonly { side: Side; label: string; version: string }[] = [
  { side: 'a', label: 'Play A', version: 'Version A' },
  { side: 'b', label: 'Play B', version: 'Version B' },
];

export function AudioCompare({ dataA, dataB }: DataCompareProps) {
  const audioA = dataA?.audio;
  const audioB = dataB?.audio;
  const sources = useMemo(
    () => ({ a: audioA ? audioSrc(audioA) : undefined, b: audioB ? audioSrc(audioB) : undefined }),
    [audioA, audioB],
  );
  const declared = useMemo(
    () => ({ a: declaredDuration(audioA), b: declaredDuration(audioB) }),
    [audioA, audioB],
  );
  const [chosen, setChosen] = useState<Side>('a');
  const [measured, setMeasured] = useState<Partial<Record<Side, number>>>({});
  const playerRef = useRef<HTMLAudioElement>(null);
  /** Where to resume once the other side's source has loaded. */
  const resume = useRef<{ time: number; play: boolean } | null>(null);

  // A side without audio cannot be chosen: fall back to the one that has some.
  const side: Side = sources[chosen] ? chosen : chosen === 'a' ? 'b' : 'a';
  const src = sources[side];
  if (!sources.a && !sources.b) return <p className="text-sm text-slate-500">No audio in either version.</p>;

  const switchTo = (next: Side) => {
    // The same bytes on both sides: nothing reloads, so there is nothing to resume.
    if (next === side || !sources[next] || sources[next] === src) {
      setChosen(next);
      return;
    }
    const player = playerRef.current;
    resume.current = player ? { time: player.currentTime, play: !player.paused } : null;
    setChosen(next);
  };

  const onLoadedMetadata = (event: SyntheticEvent<HTMLAudioElement>) => {
    const player = event.currentTarget;
    const duration = player.duration;
    if (Number.isFinite(duration)) setMeasured((current) => ({ ...current, [side]: duration }));
    const at = resume.current;
    resume.current = null;
    if (!at) return;
    // A shorter B ends where it ends.
    player.currentTime = Number.isFinite(duration) ? Math.min(at.time, duration) : at.time;
    if (at.play) {
      // Refused (autoplay rules, a decode error): the player stays paused at the right place.
      void Promise.resolve(player.play()).catch(() => undefined);
    }
  };

  return (
    <div className="flex max-w-xl flex-col gap-2">
      <div role="group" aria-label="Which version plays" className="flex gap-2">
        {SIDES.map(({ side: option, label }) => (
          <Button
            key={option}
            size="sm"
            variant={option === side ? 'primary' : 'secondary'}
            aria-pressed={option === side}
            disabled={!sources[option]}
            onClick={() => switchTo(option)}
          >
            {label}
          </Button>
        ))}
      </div>
      <audio
        ref={playerRef}
        controls
        src={src}
        aria-label={`Audio of version ${side.toUpperCase()}`}
        className="w-full"
        onLoadedMetadata={onLoadedMetadata}
      />
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-xs text-slate-600">
        {SIDES.map(({ side: option, version }) => {
          const duration = declared[option] ?? measured[option];
          return (
            <div key={option} className={cn('contents', option === side && 'font-semibold text-slate-800')}>
              <dt>{version}</dt>
              <dd className="tabular-nums">
                {!sources[option]
                  ? 'no audio'
                  : duration !== undefined
                    ? formatAudioDuration(duration)
                    : 'duration unknown'}
              </dd>
            </div>
          );
        })}
      </dl>
      <p className="text-xs text-slate-500">Switching keeps the position and whether it plays.</p>
    </div>
  );
}
