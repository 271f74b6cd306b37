import { Progress } from '@/components/ui/progress';
import type { PredictPhase } from '@/features/try-input/api/predict';

function describe(progress: PredictPhase | null): { text: string; value: number | undefined } {
  if (!progress) return { text: 'Preparing…', value: undefined };
  switch (progress.phase) {
    case 'reading':
      return { text: `Reading the file… ${Math.round(progress.percent)}%`, value: progress.percent };
    case 'sending':
      return { text: `Sending… ${Math.round(progress.percent)}%`, value: progress.percent };
    case 'running':
      return { text: 'Running the workflow…', value: undefined };
  }
}

export function SendProgress({ progress }: { progress: PredictPhase | null }) {
  const { text, value } = describe(progress);
  return (
    <div className="flex flex-col gap-2" aria-live="polite">
      <p className="text-sm text-slate-600">{text}</p>
      <Progress label="Sending" value={value} />
    </div>
  );
}
