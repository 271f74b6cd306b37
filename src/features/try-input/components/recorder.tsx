/**
 * Record from the microphone: "Record", a running clock, "Stop recording"; the clip then runs at
 * once, as a picked file does. The microphone is released on stop, on unmount (tab switch, modal
 * closed) and after five minutes at most.
 */
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import {
  browserRecordingEnv,
  formatClock,
  microphoneProblem,
  RecordingUnavailable,
  startRecording,
  type Recording,
} from '@/features/try-input/lib/recorder';

/** Five minutes of Opus is about 1.2 MB: far under the 20 MB audio limit, and enough to try ASR. */
export const MAX_RECORDING_MS = 5 * 60 * 1000;

type Phase = { phase: 'idle' } | { phase: 'starting' } | { phase: 'recording'; startedAt: number };

export function Recorder({ disabled, onRecorded }: { disabled: boolean; onRecorded: (file: File) => void }) {
  const [state, setState] = useState<Phase>({ phase: 'idle' });
  const [elapsed, setElapsed] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const recordingRef = useRef<Recording | null>(null);
  const mountedRef = useRef(true);
  const onRecordedRef = useRef(onRecorded);
  useEffect(() => {
    onRecordedRef.current = onRecorded;
  });

  useEffect(() => {
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
      recordingRef.current?.cancel();
      recordingRef.current = null;
    };
  }, []);

  const stop = async () => {
    const recording = recordingRef.current;
    recordingRef.current = null;
    setState({ phase: 'idle' });
    if (!recording) return;
    try {
      const file = await recording.stop();
      if (!mountedRef.current) return;
      if (file.size === 0) setProblem('The recording is empty: check the microphone and record again.');
      else onRecordedRef.current(file);
    } catch (error) {
      if (mountedRef.current) setProblem(microphoneProblem(error));
    }
  };
  const stopRef = useRef(stop);
  useEffect(() => {
    stopRef.current = stop;
  });

  const startedAt = state.phase === 'recording' ? state.startedAt : undefined;
  useEffect(() => {
    if (startedAt === undefined) return;
    const tick = window.setInterval(() => {
      const now = Date.now() - startedAt;
      setElapsed(now);
      if (now >= MAX_RECORDING_MS) void stopRef.current();
    }, 250);
    return () => window.clearInterval(tick);
  }, [startedAt]);

  const start = async () => {
    setProblem(null);
    setElapsed(0);
    setState({ phase: 'starting' });
    try {
      const recording = await startRecording(browserRecordingEnv());
      if (!mountedRef.current) {
        recording.cancel();
        return;
      }
      recordingRef.current = recording;
      setState({ phase: 'recording', startedAt: Date.now() });
    } catch (error) {
      if (!mountedRef.current) return;
      setState({ phase: 'idle' });
      setProblem(error instanceof RecordingUnavailable ? error.message : microphoneProblem(error));
    }
  };

  const recording = state.phase === 'recording';
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        {recording ? (
          <Button variant="secondary" onClick={() => void stop()}>
            <span aria-hidden className="size-2.5 rounded-xs bg-red-600" />
            Stop recording
          </Button>
        ) : (
          <Button
            variant="secondary"
            disabled={disabled || state.phase === 'starting'}
            onClick={() => void start()}
          >
            <span aria-hidden className="size-2.5 rounded-full bg-red-600" />
            Record
          </Button>
        )}
        {recording ? (
          <span className="flex items-center gap-2 text-sm text-slate-700">
            <span aria-hidden className="size-2 animate-pulse rounded-full bg-red-600" />
            <span role="timer" aria-label="Recording time" className="font-mono tabular-nums">
              {formatClock(elapsed)}
            </span>
            <span className="text-xs text-slate-500">of {formatClock(MAX_RECORDING_MS)} at most</span>
          </span>
        ) : state.phase === 'starting' ? (
          <span className="text-sm text-slate-600">Asking for the microphone…</span>
        ) : (
          <span className="text-xs text-slate-500">
            Speak after pressing Record; the recording runs when you stop.
          </span>
        )}
      </div>
      {problem ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
