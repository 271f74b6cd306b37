/**
 * The blue "+" and its modal: pick, drop or paste a file (it runs at once, like Clarifai's modal)
 * or give a URL. Progress while sending; closes on success; on failure the error shows in the
 * modal and what was given stays, so a person can fix it and run again.
 */
import { useRef, useState } from 'react';
import type * as React from 'react';
import { useMutation } from '@tanstack/react-query';
import { mediaKindFromMime, mediaKindFromUrl, type InputMedia } from '@/lib/media';
import type { PredictResponse } from '@/lib/predict-response';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle } from '@/components/ui/dialog';
import { ApiErrorNotice } from '@/components/api-error-notice';
import {
  predictMutationOptions,
  type PredictPhase,
  type PredictSource,
  type PredictTarget,
} from '@/features/try-input/api/predict';
import { MediaDropzone } from '@/features/try-input/components/media-dropzone';
import { UrlForm } from '@/features/try-input/components/url-form';
import { SendProgress } from '@/features/try-input/components/send-progress';

export const TRY_TITLE = 'Try your own image or video';

export interface Prediction {
  target: PredictTarget;
  response: PredictResponse;
  /** What to show for the input: the API echoes uploaded bytes only as a marker. */
  media: InputMedia;
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export function TryInput({
  target,
  onPredicted,
}: {
  /** `undefined` while no workflow is selected: the button is then disabled. */
  target: PredictTarget | undefined;
  onPredicted: (prediction: Prediction) => void;
}) {
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState('');
  const [progress, setProgress] = useState<PredictPhase | null>(null);
  const [pickedFile, setPickedFile] = useState<File | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const predict = useMutation(predictMutationOptions());

  const run = (source: PredictSource, media: InputMedia) => {
    if (!target) return;
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setPickError(null);
    setProgress(null);
    predict.mutate(
      { target, source, signal: controller.signal, onProgress: setProgress },
      {
        onSuccess: (response) => {
          onPredicted({ target, response, media });
          setOpen(false);
          setPickedFile(null);
          predict.reset();
        },
        onError: () => {
          // The object URL only lives on if the prediction succeeded and the results show it.
          if (media.url.startsWith('blob:')) URL.revokeObjectURL(media.url);
        },
        onSettled: () => setProgress(null),
      },
    );
  };

  const runFile = (file: File) => {
    const kind = mediaKindFromMime(file.type);
    if (!kind) {
      setPickError(`“${file.name}” is not an image, video or audio file.`);
      return;
    }
    setPickedFile(file);
    run({ type: 'file', file, kind }, { kind, url: URL.createObjectURL(file), name: file.name });
  };

  const runUrl = (value: string) => {
    const kind = mediaKindFromUrl(value);
    setPickedFile(null);
    run({ type: 'url', url: value, kind }, { kind, url: value });
  };

  const onOpenChange = (next: boolean) => {
    if (!next) {
      // Closing cancels a running request rather than leaving it to land in a closed modal.
      abortRef.current?.abort();
      predict.reset();
      setPickError(null);
    }
    setOpen(next);
  };

  const onPaste = (event: React.ClipboardEvent<HTMLDivElement>) => {
    const file = Array.from(event.clipboardData.files)[0];
    if (file) {
      event.preventDefault();
      runFile(file);
      return;
    }
    // A URL pasted outside the text box lands in it, ready to run.
    const text = event.clipboardData.getData('text/plain').trim();
    const inField = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
    if (!inField && /^https?:\/\//i.test(text)) {
      event.preventDefault();
      setUrl(text);
    }
  };

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
        <svg viewBox="0 0 24 24" className="size-6" aria-hidden fill="none" stroke="currentColor" strokeWidth="2.5">
          <path d="M12 5v14M5 12h14" strokeLinecap="round" />
        </svg>
      </Button>
      <DialogContent onPaste={onPaste}>
        <DialogClose />
        <div className="flex flex-col gap-1 pr-8">
          <DialogTitle>{TRY_TITLE}</DialogTitle>
          <DialogDescription>
            {target
              ? `Runs ${target.workflowId}${target.versionId ? ` (version ${target.versionId.slice(0, 8)})` : ''}. Drop, paste (Ctrl+V / ⌘V) or choose a file, or give a URL.`
              : 'Pick a workflow first.'}
          </DialogDescription>
        </div>
        <MediaDropzone disabled={busy} onFile={runFile} onReject={setPickError} pickedFile={pickedFile} />
        <div className="flex items-center gap-3 text-xs text-slate-400">
          <span className="h-px flex-1 bg-slate-200" />
          or
          <span className="h-px flex-1 bg-slate-200" />
        </div>
        <UrlForm value={url} onChange={setUrl} onSubmit={runUrl} disabled={busy} />
        {busy ? <SendProgress progress={progress} /> : null}
        {pickError ? (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
            {pickError}
          </p>
        ) : null}
        {error ? <ApiErrorNotice title="The workflow could not run on this input" error={error} /> : null}
      </DialogContent>
    </Dialog>
  );
}
