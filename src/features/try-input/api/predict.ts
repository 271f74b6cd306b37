/**
 * Running the selected workflow version on one input: `POST .../versions/{vid}/results` (or the
 * latest version's `.../results` when none is pinned). The bytes go base64 in `inputs[0].data`.
 * The answer is asked for as the engine's NDJSON stream (docs/decisions/006): progress and each
 * video frame's answer arrive as the work goes, and the partial results are handed on so the
 * pane can draw them; Clarifai's cloud answers plain JSON, read the same way.
 */
import { mutationOptions } from '@tanstack/react-query';
import type { PostWorkflowResultsRequest } from '@contract/clarifai';
import { NDJSON_MEDIA_TYPE, readResultsStream, type FrameLine, type WorkLine } from '@contract/lens-stream';
import { streamingUploadRequest } from '@/lib/http';
import type { MediaKind } from '@/lib/media';
import { PredictResponse } from '@/lib/predict-response';
import { createResultsAccumulator } from '@/lib/results-stream';
import { appPath, type UserApp } from '@/lib/user-app';
import { readAsBase64 } from '@/features/try-input/lib/read-file';
import { sizeProblem } from '@/features/try-input/lib/limits';
import { readInputs, type InputSpec } from '@/features/try-input/lib/inputs';

export interface PredictTarget {
  userApp: UserApp;
  workflowId: string;
  /** The pinned version; without it the API runs the latest. */
  versionId: string | undefined;
}

export type PredictSource =
  | { type: 'file'; file: File; kind: MediaKind }
  | { type: 'url'; url: string; kind: MediaKind }
  /** Several inputs, or a text, or an image with its caption: one input each, in order. */
  | { type: 'inputs'; inputs: readonly InputSpec[] };

export type PredictPhase =
  | { phase: 'reading'; percent: number }
  | { phase: 'sending'; percent: number }
  | { phase: 'running' }
  /** A video's sampled frames answered so far; `total` is unknown until the video is probed. */
  | { phase: 'frames'; done: number; total: number | null }
  /** Inputs of a batch answered so far. */
  | { phase: 'inputs'; done: number; total: number }
  /** Workflow nodes done so far on the images and texts; `node` just finished. */
  | { phase: 'nodes'; done: number; total: number; node: string | undefined };

export interface PredictVariables {
  target: PredictTarget;
  source: PredictSource;
  onProgress?: (progress: PredictPhase) => void;
  /** For a video: the gap between sampled frames, sent as `output_config.sample_ms`. */
  sampleMs?: number;
  /** The results so far, while a streamed answer arrives (a few times a second at most). */
  onPartial?: (response: PredictResponse) => void;
  signal?: AbortSignal;
}

/** A lone file keeps the one-file path (the video one streams); anything else goes as a list. */
export function sourceFor(inputs: readonly InputSpec[]): PredictSource {
  const only = inputs.length === 1 ? inputs[0] : undefined;
  if (only?.type === 'file' && !only.caption) return { type: 'file', file: only.file, kind: only.kind };
  if (only?.type === 'url' && !only.caption) return { type: 'url', url: only.url, kind: only.kind };
  return { type: 'inputs', inputs };
}

export function predictPath({ userApp, workflowId, versionId }: PredictTarget): string {
  return versionId
    ? appPath(userApp, 'workflows', workflowId, 'versions', versionId, 'results')
    : appPath(userApp, 'workflows', workflowId, 'results');
}

export async function buildPredictRequest(
  source: PredictSource,
  onProgress?: (progress: PredictPhase) => void,
): Promise<PostWorkflowResultsRequest> {
  if (source.type === 'inputs') {
    const inputs = await readInputs(source.inputs, (fraction) =>
      onProgress?.({ phase: 'reading', percent: fraction * 100 }),
    );
    return { inputs };
  }
  if (source.type === 'url') return { inputs: [{ data: { [source.kind]: { url: source.url } } }] };
  const problem = sizeProblem(source.kind, source.file.size);
  if (problem) throw new Error(problem);
  const base64 = await readAsBase64(source.file, (fraction) =>
    onProgress?.({ phase: 'reading', percent: fraction * 100 }),
  );
  return { inputs: [{ data: { [source.kind]: { base64 } } }] };
}

/** How often partial results are handed on: often enough to look live, rarely enough to draw. */
const PARTIAL_EVERY_MS = 150;

function isFrameLine(line: WorkLine): line is FrameLine {
  return 'frame' in line && !('progress' in line);
}

/** Gathers frame lines and hands snapshots on, at most one per PARTIAL_EVERY_MS. */
function partialResults(onPartial: ((response: PredictResponse) => void) | undefined) {
  const answer = createResultsAccumulator();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  const flush = () => {
    timer = undefined;
    last = Date.now();
    onPartial?.(answer.snapshot());
  };
  return {
    add: (frame: FrameLine['frame']) => {
      answer.add(frame);
      if (!onPartial || timer !== undefined) return;
      timer = setTimeout(flush, Math.max(0, last + PARTIAL_EVERY_MS - Date.now()));
    },
    /** No snapshot after the final answer (or a failure). */
    stop: () => clearTimeout(timer),
  };
}

/** One prediction: reads the input, sends it, and reads the (streamed) answer. */
export async function predict({
  target,
  source,
  onProgress,
  sampleMs,
  onPartial,
  signal,
}: PredictVariables): Promise<PredictResponse> {
  const request = await buildPredictRequest(source, onProgress);
  const body =
    sampleMs === undefined
      ? request
      : { ...request, output_config: { ...request.output_config, sample_ms: sampleMs } };
  onProgress?.({ phase: 'sending', percent: 0 });
  const partials = partialResults(onPartial);
  // Once the work reports progress, the upload's end must not put "Running" back.
  let working = false;
  const onLine = (line: WorkLine) => {
    if (isFrameLine(line)) {
      partials.add(line.frame);
      return;
    }
    const { stage, done, total } = line.progress;
    if (stage === 'nodes') {
      working = true;
      if (total !== null) onProgress?.({ phase: 'nodes', done, total, node: line.progress.node });
      return;
    }
    if (stage === 'frames') {
      working = true;
      onProgress?.({ phase: 'frames', done, total });
    } else if (total !== null && total > 1) {
      working = true;
      onProgress?.({ phase: 'inputs', done, total });
    }
  };
  try {
    return await streamingUploadRequest(predictPath(target), {
      schema: PredictResponse,
      body,
      signal,
      streamType: NDJSON_MEDIA_TYPE,
      readStream: (response) => readResultsStream(response, onLine),
      onUploadProgress: ({ loaded, total }) => {
        if (working) return;
        // Once the body is out, the wait is the workflow running: say so rather than sit at 100%.
        onProgress?.(
          loaded >= total ? { phase: 'running' } : { phase: 'sending', percent: (loaded / total) * 100 },
        );
      },
    });
  } finally {
    partials.stop();
  }
}

export function predictMutationOptions() {
  return mutationOptions({ mutationKey: ['predict'], mutationFn: predict });
}
