/**
 * The blue "+" and its modal, in three tabs: an image or video (with an optional caption, for
 * multimodal workflows), a text, or audio (files, a URL, or a recording). Files run at once, like
 * Clarifai's modal, up to 32 in one request. Progress while sending; closes on success; on
 * failure the error shows in the modal and what was given stays, so a person can fix it and run
 * again.
 */
import { lazy, Suspense, useId, useImperativeHandle, useRef, useState } from 'react';
import type * as React from 'react';
import { useMutation } from '@tanstack/react-query';
import { SAMPLE_MS } from '@contract/clarifai';
import type { GivenInput } from '@/lib/given-input';
import { mediaKindFromUrl } from '@/lib/media';
import type { PredictResponse } from '@/lib/predict-response';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle } from '@/components/ui/dialog';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { Skeleton } from '@/components/ui/skeleton';
import { ApiErrorNotice } from '@/components/api-error-notice';
import {
  predictMutationOptions,
  sourceFor,
  type PredictPhase,
  type PredictTarget,
} from '@/features/try-input/api/predict';
import { planFiles, planTexts, type BatchPlan, type FileMode } from '@/features/try-input/lib/batch';
import { givenInput, type InputSpec } from '@/features/try-input/lib/inputs';
import { UrlForm } from '@/features/try-input/components/url-form';
import { SendProgress } from '@/features/try-input/components/send-progress';
import { PickedVideo, SampleInterval } from '@/features/try-input/components/sample-interval';
import { InputTabs, type TabItem } from '@/features/try-input/components/input-tabs';
import { EMPTY_TEXT_DRAFT, TextForm, type TextDraft } from '@/features/try-input/components/text-form';
import { PlusIcon } from '@/components/ui/icons';

// The drop zone (react-dropzone) and the audio tab (with the microphone recorder) load when the
// modal first shows them, so the first page does not carry them.
const MediaDropzone = lazy(() =>
  import('@/features/try-input/components/media-dropzone').then((m) => ({ default: m.MediaDropzone })),
);
const AudioForm = lazy(() =>
  import('@/features/try-input/components/audio-form').then((m) => ({ default: m.AudioForm })),
);

export const TRY_TITLE = 'Try your own image or video';

export interface Prediction {
  target: PredictTarget;
  response: PredictResponse;
  /**
   * What was given for each input, in request order (the response's order too): the API echoes
   * uploaded bytes only as a marker. Object URLs in it now belong to whoever shows the results.
   */
  inputs: readonly GivenInput[];
  /** What was sent, in request order: kept so the same inputs can be run again (a link, a reload). */
  specs: readonly InputSpec[];
  /** The video sample interval it ran with, if a video was sent. */
  sampleMs?: number;
}

/** Runs inputs chosen elsewhere (recent inputs, samples, a link) through the modal's own path. */
export interface TryInputHandle {
  /** Opens the modal (the `+` key). */
  open: () => void;
  run: (inputs: readonly InputSpec[], options?: { sampleMs?: number }) => void;
  /** Files pasted or dropped outside the modal: as if given to it (a video waits for its Run). */
  runFiles: (files: readonly File[]) => void;
  /** A URL pasted outside the modal: the modal opens with it in the URL box, ready to run. */
  openWithUrl: (url: string) => void;
}

type InputTab = 'media' | 'text' | 'audio';

const TABS: readonly TabItem<InputTab>[] = [
  { value: 'media', label: 'Image or video' },
  { value: 'text', label: 'Text' },
  { value: 'audio', label: 'Audio' },
];

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function revokeBlobs(inputs: readonly GivenInput[]) {
  for (const input of inputs) {
    if (input.media?.url.startsWith('blob:')) URL.revokeObjectURL(input.media.url);
  }
}

export function TryInput({
  target,
  onPredicted,
  onPartial,
  onInputs,
  description,
  ref,
}: {
  /** `run` shows the modal with its progress, as if the inputs had been dropped on it. */
  ref?: React.Ref<TryInputHandle>;
  /** `undefined` while no workflow is selected: the button is then disabled. */
  target: PredictTarget | undefined;
  onPredicted?: (prediction: Prediction) => void;
  /**
   * When given, the modal only gathers the inputs and hands them over (the compare view runs them
   * on two versions itself); it closes as soon as they are valid.
   */
  onInputs?: (inputs: readonly InputSpec[], options: { sampleMs: number | undefined }) => void;
  /** What the modal says it will run, when not the target's own version. */
  description?: string;
  /**
   * The results so far while a video is answered frame by frame (the engine streams them); `null`
   * when that run ends without an answer (it failed or was cancelled). `onPredicted` replaces them.
   */
  onPartial?: (partial: Prediction | null) => void;
}) {
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<InputTab>('media');
  const [url, setUrl] = useState('');
  const [caption, setCaption] = useState('');
  const [textDraft, setTextDraft] = useState<TextDraft>(EMPTY_TEXT_DRAFT);
  const [audioUrl, setAudioUrl] = useState('');
  const [progress, setProgress] = useState<PredictPhase | null>(null);
  const [picked, setPicked] = useState<readonly File[]>([]);
  const [pickError, setPickError] = useState<string | null>(null);
  // A video waits for its sample interval and a Run; an image runs at once.
  const [videoFile, setVideoFile] = useState<File | null>(null);
  const [sampleMs, setSampleMs] = useState<number>(SAMPLE_MS.default);
  const abortRef = useRef<AbortController | null>(null);
  const captionIds = { field: useId(), hint: useId() };
  const predict = useMutation(predictMutationOptions());
  // The last inputs sent, kept so a failed run (engine down, 429, timeout) can be retried as is.
  const [lastPlan, setLastPlan] = useState<BatchPlan | null>(null);

  const run = (plan: BatchPlan, sampleOverride?: number) => {
    if (!target) return;
    setLastPlan(plan);
    if (!plan.ok) {
      // Said before anything is read or sent.
      setPickError(plan.message);
      return;
    }
    const hasVideo = plan.inputs.some((spec) => 'kind' in spec && spec.kind === 'video');
    const interval = hasVideo ? (sampleOverride ?? sampleMs) : undefined;
    if (onInputs) {
      onInputs(plan.inputs, { sampleMs: interval });
      setPickError(null);
      setOpen(false);
      setPicked([]);
      setVideoFile(null);
      return;
    }
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setPickError(null);
    setProgress(null);
    const given = plan.inputs.map((spec) => givenInput(spec, (file) => URL.createObjectURL(file)));
    predict.mutate(
      {
        target,
        source: sourceFor(plan.inputs),
        signal: controller.signal,
        onProgress: setProgress,
        sampleMs: interval,
        onPartial:
          onPartial &&
          ((response) => {
            onPartial({ target, response, inputs: given, specs: plan.inputs });
            // The first frames are in: the modal steps aside so they can be seen, and the run goes
            // on with its progress (and a Stop) beside the + button.
            setOpen(false);
          }),
      },
      {
        onSuccess: (response) => {
          onPredicted?.({ target, response, inputs: given, specs: plan.inputs, sampleMs: interval });
          setOpen(false);
          setPicked([]);
          setVideoFile(null);
          predict.reset();
        },
        // The object URLs only live on if the prediction succeeded and the results show them.
        onError: (failure) => {
          onPartial?.(null);
          revokeBlobs(given);
          // A run that failed after the modal stepped aside says so in the modal, with Retry.
          if (!isAbort(failure)) setOpen(true);
        },
        onSettled: () => setProgress(null),
      },
    );
  };

  const runFiles = (files: File[], mode: FileMode) => {
    const plan = planFiles(files, { mode, caption: mode === 'media' ? caption : '' });
    setPicked(plan.ok ? files : []);
    const only = plan.ok && plan.inputs.length === 1 ? plan.inputs[0] : undefined;
    if (mode === 'media' && only?.type === 'file' && only.kind === 'video') {
      setVideoFile(only.file);
      setPickError(null);
      return;
    }
    setVideoFile(null);
    run(plan);
  };

  const runMediaUrl = (value: string) => {
    const kind = mediaKindFromUrl(value);
    const text = caption.trim();
    setPicked([]);
    run({
      ok: true,
      inputs: [
        kind === 'image' && text
          ? { type: 'url', kind, url: value, caption: text }
          : { type: 'url', kind, url: value },
      ],
    });
  };

  const runAudioUrl = (value: string) => {
    setPicked([]);
    run({ ok: true, inputs: [{ type: 'url', kind: 'audio', url: value }] });
  };

  const runText = (draft: TextDraft) => {
    run(
      draft.source === 'url'
        ? { ok: true, inputs: [{ type: 'text-url', url: draft.url.trim() }] }
        : planTexts(draft.text, { perLine: draft.perLine }),
    );
  };

  const runRecording = (file: File) => {
    setPicked([file]);
    run({ ok: true, inputs: [{ type: 'file', kind: 'audio', file }] });
  };

  const onOpenChange = (next: boolean) => {
    if (!next) {
      // Closing cancels a running request rather than leaving it to land in a closed modal.
      abortRef.current?.abort();
      // The mutation's own callbacks are dropped with the reset: the partial results go here.
      if (predict.isPending) onPartial?.(null);
      predict.reset();
      setPickError(null);
    }
    setOpen(next);
  };

  const onTabChange = (next: InputTab) => {
    setTab(next);
    setPickError(null);
  };

  const onPaste = (event: React.ClipboardEvent<HTMLDivElement>) => {
    const files = Array.from(event.clipboardData.files);
    if (files.length > 0) {
      event.preventDefault();
      if (!predict.isPending) runFiles(files, tab === 'audio' ? 'audio' : 'media');
      return;
    }
    // A URL pasted outside the text boxes lands in this tab's URL box, ready to run.
    const text = event.clipboardData.getData('text/plain').trim();
    const inField = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
    if (!inField && /^https?:\/\//i.test(text)) {
      event.preventDefault();
      if (tab === 'media') setUrl(text);
      else if (tab === 'audio') setAudioUrl(text);
      else setTextDraft({ ...textDraft, source: 'url', url: text });
    }
  };

  useImperativeHandle(ref, () => ({
    open: () => onOpenChange(true),
    run: (inputs, options) => {
      if (options?.sampleMs !== undefined) setSampleMs(options.sampleMs);
      setOpen(true);
      run({ ok: true, inputs: [...inputs] }, options?.sampleMs);
    },
    runFiles: (files) => {
      setTab('media');
      setOpen(true);
      if (!predict.isPending) runFiles([...files], 'media');
    },
    openWithUrl: (value) => {
      setTab('media');
      setUrl(value);
      setOpen(true);
    },
  }));

  const busy = predict.isPending;
  const error = predict.error && !isAbort(predict.error) ? predict.error : null;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <Button
        size="fab"
        aria-label={TRY_TITLE}
        title={target ? TRY_TITLE : 'Pick a workflow first'}
        disabled={!target}
        onClick={() => onOpenChange(true)}
      >
        <PlusIcon className="size-6" />
      </Button>
      {busy && !open ? (
        <div className="flex min-w-56 flex-col gap-1">
          <SendProgress progress={progress} />
          <Button variant="secondary" size="sm" className="self-start" onClick={() => onOpenChange(false)}>
            Stop
          </Button>
        </div>
      ) : null}
      <DialogContent onPaste={onPaste}>
        <DialogClose />
        <div className="flex flex-col gap-1 pr-8">
          <DialogTitle>{TRY_TITLE}</DialogTitle>
          <DialogDescription>
            {description ??
              (target
                ? `Runs ${target.workflowId}${target.versionId ? ` (version ${target.versionId.slice(0, 8)})` : ''} on an image or video, a text, or audio. Drop, paste (Ctrl+V / ⌘V) or choose up to 32 files, or give a URL.`
                : 'Pick a workflow first.')}
          </DialogDescription>
        </div>
        <InputTabs label="Kind of input" tabs={TABS} value={tab} onChange={onTabChange}>
          {tab === 'media' ? (
            <>
              <LazyPart what="drop zone" height="h-32">
                <MediaDropzone
                  disabled={busy}
                  onFiles={(files) => runFiles(files, 'media')}
                  picked={picked}
                />
              </LazyPart>
              {videoFile ? (
                <PickedVideo
                  file={videoFile}
                  sampleMs={sampleMs}
                  onSampleMs={setSampleMs}
                  onRun={() => run(planFiles([videoFile], { mode: 'media' }))}
                  disabled={busy}
                />
              ) : null}
              <div className="flex flex-col gap-1">
                <label htmlFor={captionIds.field} className="text-sm font-medium text-slate-700">
                  Caption
                </label>
                <textarea
                  id={captionIds.field}
                  aria-describedby={captionIds.hint}
                  rows={2}
                  value={caption}
                  onChange={(event) => setCaption(event.target.value)}
                  placeholder="A sunny day at the beach"
                  className="rounded-md border border-slate-300 px-3 py-2 text-sm shadow-xs focus-visible:border-brand-600 focus-visible:outline-2 focus-visible:outline-brand-600/30"
                />
                <p id={captionIds.hint} className="text-xs text-slate-500">
                  Optional, for multimodal workflows: sent with each image as its text. Type it before
                  choosing the image.
                </p>
              </div>
              <div className="flex items-center gap-3 text-xs text-slate-400">
                <span className="h-px flex-1 bg-slate-200" />
                or
                <span className="h-px flex-1 bg-slate-200" />
              </div>
              <UrlForm value={url} onChange={setUrl} onSubmit={runMediaUrl} disabled={busy} />
              {!videoFile && mediaKindFromUrl(url.trim()) === 'video' ? (
                <SampleInterval value={sampleMs} onChange={setSampleMs} disabled={busy} />
              ) : null}
            </>
          ) : tab === 'text' ? (
            <TextForm draft={textDraft} onChange={setTextDraft} onSubmit={runText} disabled={busy} />
          ) : (
            <LazyPart what="audio form" height="h-40">
              <AudioForm
                url={audioUrl}
                onUrlChange={setAudioUrl}
                onUrl={runAudioUrl}
                onFiles={(files) => runFiles(files, 'audio')}
                onRecorded={runRecording}
                picked={picked}
                disabled={busy}
              />
            </LazyPart>
          )}
        </InputTabs>
        {busy ? <SendProgress progress={progress} /> : null}
        {pickError ? (
          <p
            role="alert"
            className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
          >
            {pickError}
          </p>
        ) : null}
        {error ? (
          <ApiErrorNotice
            title="The workflow could not run on this input"
            error={error}
            onRetry={lastPlan ? () => run(lastPlan) : undefined}
          />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

/** A part of the modal loaded on demand: a skeleton meanwhile, and a notice if its chunk fails to load. */
function LazyPart({ what, height, children }: { what: string; height: string; children: React.ReactNode }) {
  return (
    <ErrorBoundary
      fallback={(error) => (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
          Could not load the {what}
          {error instanceof Error ? `: ${error.message}` : ''}. Reload the page to try again.
        </p>
      )}
    >
      <Suspense fallback={<Skeleton className={`${height} w-full`} data-loading={what} />}>
        {children}
      </Suspense>
    </ErrorBoundary>
  );
}
