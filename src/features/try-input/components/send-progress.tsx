import { useEffect, useRef } from 'react';
import { Progress } from '@/components/ui/progress';
import type { PredictPhase } from '@/features/try-input/api/predict';

interface Described {
  text: string;
  value: number | undefined;
  label: string;
  note?: string;
}

const FRAMES_NOTE = 'Frames appear in the results as they are done; closing this stops the run.';

function describe(progress: PredictPhase | null): Described {
  if (!progress) return { text: 'Preparing…', value: undefined, label: 'Sending' };
  switch (progress.phase) {
    case 'reading':
      return {
        text: `Reading the file… ${Math.round(progress.percent)}%`,
        value: progress.percent,
        label: 'Sending',
      };
    case 'sending':
      return { text: `Sending… ${Math.round(progress.percent)}%`, value: progress.percent, label: 'Sending' };
    case 'running':
      return { text: 'Running the workflow…', value: undefined, label: 'Sending' };
    case 'frames':
      return progress.total === null
        ? { text: 'Reading the video…', value: undefined, label: 'Processing frames', note: FRAMES_NOTE }
        : {
            text: `Processing frames… ${progress.done} of ${progress.total}`,
            value: progress.total > 0 ? (progress.done / progress.total) * 100 : undefined,
            label: 'Processing frames',
            note: FRAMES_NOTE,
          };
    case 'nodes':
      return {
        text: `Running the workflow… ${progress.done} of ${progress.total} nodes done${progress.node ? ` (${progress.node} just finished)` : ''}`,
        value: progress.total > 0 ? (progress.done / progress.total) * 100 : undefined,
        label: 'Running nodes',
      };
    case 'inputs':
      return {
        text: `Answering inputs… ${progress.done} of ${progress.total}`,
        value: (progress.done / progress.total) * 100,
        label: 'Processing inputs',
      };
  }
}

export function SendProgress({ progress }: { progress: PredictPhase | null }) {
  const { text, value, label, note } = describe(progress);
  const ref = useRef<HTMLDivElement>(null);
  // The modal may be taller than the screen: bring the progress into view as each stage starts.
  useEffect(() => {
    const element = ref.current;
    if (element && typeof element.scrollIntoView === 'function') element.scrollIntoView({ block: 'nearest' });
  }, [label]);
  return (
    <div ref={ref} className="flex flex-col gap-2" aria-live="polite">
      <p className="text-sm text-slate-600">{text}</p>
      <Progress label={label} value={value} />
      {note ? <p className="text-xs text-slate-500">{note}</p> : null}
    </div>
  );
}
