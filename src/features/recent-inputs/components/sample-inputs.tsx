import { useId } from 'react';
import type * as React from 'react';
import { cn } from '@/lib/cn';
import { samplesFor, type Sample } from '@/features/recent-inputs/samples';

const KIND_ICON: Record<Sample['kind'], string> = {
  image: 'M4 5h16v14H4zM4 15l5-5 4 4 3-3 4 4',
  video: 'M4 6h12v12H4zM16 10l4-2v8l-4-2',
  audio: 'M9 18V6l10-2v12M9 18a3 3 0 1 1-3-3 3 3 0 0 1 3 3zM19 16a3 3 0 1 1-3-3 3 3 0 0 1 3 3z',
  text: 'M5 6h14M5 10h14M5 14h10M5 18h7',
};

/**
 * Buttons for the sample inputs, the ones suiting `workflowId` (all when none fits). Picking one
 * calls `onSample`; the page loads it (`sampleFile` / `sampleText`) and runs it.
 */
export function SampleInputs({
  onSample,
  workflowId,
  disabled = false,
  className,
  ...props
}: Omit<React.ComponentProps<'section'>, 'onSelect'> & {
  onSample: (sample: Sample) => void;
  workflowId?: string;
  disabled?: boolean;
}) {
  const samples = samplesFor(workflowId);
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className={cn('flex flex-col gap-2', className)} {...props}>
      <h2 id={titleId} className="text-sm font-medium text-slate-700">
        Or try a sample
      </h2>
      <ul className="flex flex-wrap gap-2">
        {samples.map((sample) => (
          <li key={sample.id}>
            <button
              type="button"
              disabled={disabled}
              onClick={() => onSample(sample)}
              className="inline-flex cursor-pointer items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-800 shadow-xs hover:border-brand-600 hover:bg-brand-50 disabled:cursor-not-allowed disabled:opacity-50"
            >
              {sample.kind === 'image' ? (
                <img src={sample.url} alt="" className="size-8 rounded object-cover" />
              ) : (
                <svg
                  viewBox="0 0 24 24"
                  aria-hidden
                  className="size-5 text-slate-500"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.8"
                  strokeLinejoin="round"
                  strokeLinecap="round"
                >
                  <path d={KIND_ICON[sample.kind]} />
                </svg>
              )}
              {sample.label}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
