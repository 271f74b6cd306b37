/**
 * How often a video is sampled: `output_config.sample_ms`, from 100 ms (ten frames a second) to
 * 60000 ms (one a minute), 1000 by default (API.md). A number box with the common choices beside
 * it; what the box holds is checked as it is typed, and the value handed on is always a valid one.
 * A picked video waits in `PickedVideo` so the interval can be set before it runs.
 */
import { useId, useState } from 'react';
import { SAMPLE_MS } from '@contract/clarifai';
import { cn } from '@/lib/cn';
import { Button } from '@/components/ui/button';
import { formatMegabytes } from '@/features/try-input/lib/limits';

export const SAMPLE_PRESETS = [100, 500, 1000, 2000] as const;

/** A whole number of ms in range, or why not. */
export function parseSampleMs(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(value) || value < SAMPLE_MS.min || value > SAMPLE_MS.max) {
    return {
      ok: false,
      message: `A whole number of milliseconds from ${SAMPLE_MS.min} to ${SAMPLE_MS.max}.`,
    };
  }
  return { ok: true, value };
}

/** "10 frames a second", "1 frame a second", "1 frame every 2 s". */
export function describeRate(sampleMs: number): string {
  if (sampleMs <= 1000) {
    const perSecond = Number((1000 / sampleMs).toFixed(2));
    return `${perSecond} frame${perSecond === 1 ? '' : 's'} a second`;
  }
  return `1 frame every ${Number((sampleMs / 1000).toFixed(2))} s`;
}

export function SampleInterval({
  value,
  onChange,
  disabled,
  className,
}: {
  value: number;
  /** Only ever called with a valid interval. */
  onChange: (sampleMs: number) => void;
  disabled?: boolean;
  className?: string;
}) {
  const id = useId();
  const hintId = useId();
  // What the box shows; it may hold a half-typed number that is not the value yet.
  const [text, setText] = useState(String(value));
  const parsed = parseSampleMs(text);
  const shown = parsed.ok && parsed.value !== value ? String(value) : text;
  const check = parseSampleMs(shown);

  const set = (next: string) => {
    setText(next);
    const result = parseSampleMs(next);
    if (result.ok) onChange(result.value);
  };

  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        Sample interval (ms)
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={SAMPLE_MS.min}
          max={SAMPLE_MS.max}
          step={100}
          value={shown}
          disabled={disabled}
          aria-invalid={check.ok ? undefined : true}
          aria-describedby={hintId}
          onChange={(event) => set(event.target.value)}
          // Leaving the box with a wrong number puts the value in use back.
          onBlur={() => {
            if (!parseSampleMs(text).ok) setText(String(value));
          }}
          className="h-9 w-28 rounded-md border border-slate-300 px-3 text-sm shadow-xs focus-visible:border-brand-600 focus-visible:outline-2 focus-visible:outline-brand-600/30 aria-invalid:border-red-500"
        />
        <div role="group" aria-label="Common intervals" className="flex gap-1">
          {SAMPLE_PRESETS.map((preset) => (
            <button
              key={preset}
              type="button"
              disabled={disabled}
              aria-pressed={value === preset}
              onClick={() => set(String(preset))}
              className={cn(
                'h-8 cursor-pointer rounded-md border px-2 text-xs tabular-nums transition-colors disabled:opacity-50',
                value === preset
                  ? 'border-brand-700 bg-brand-50 text-brand-800'
                  : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50',
              )}
            >
              {preset} ms
            </button>
          ))}
        </div>
      </div>
      <p id={hintId} className={cn('text-xs', check.ok ? 'text-slate-500' : 'text-red-700')}>
        {check.ok
          ? `One frame is answered per interval: ${describeRate(value)}. Shorter intervals take longer.`
          : check.message}
      </p>
    </div>
  );
}

/** A dropped, picked or pasted video, waiting for its interval and a Run. */
export function PickedVideo({
  file,
  sampleMs,
  onSampleMs,
  onRun,
  disabled,
}: {
  file: File;
  sampleMs: number;
  onSampleMs: (sampleMs: number) => void;
  onRun: () => void;
  disabled: boolean;
}) {
  return (
    <div
      role="group"
      aria-label="Video to run"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
    >
      <p className="text-sm text-slate-700">
        <span className="font-medium break-all">{file.name}</span> ({formatMegabytes(file.size)}): each
        sampled frame runs through the workflow. Choose how often to sample it, then run.
      </p>
      <SampleInterval value={sampleMs} onChange={onSampleMs} disabled={disabled} />
      <Button className="self-start" onClick={onRun} disabled={disabled}>
        Run video
      </Button>
    </div>
  );
}
