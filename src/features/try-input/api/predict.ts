/**
 * Running the selected workflow version on one input: `POST .../versions/{vid}/results` (or the
 * latest version's `.../results` when none is pinned). The bytes go base64 in `inputs[0].data`.
 */
import { mutationOptions } from '@tanstack/react-query';
import type { PostWorkflowResultsRequest } from '@contract/clarifai';
import { uploadRequest } from '@/lib/http';
import type { MediaKind } from '@/lib/media';
import { PredictResponse } from '@/lib/predict-response';
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
  | { phase: 'running' };

export interface PredictVariables {
  target: PredictTarget;
  source: PredictSource;
  onProgress?: (progress: PredictPhase) => void;
  signal?: AbortSignal;
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

export function predictMutationOptions() {
  return mutationOptions({
    mutationKey: ['predict'],
    mutationFn: async ({ target, source, onProgress, signal }: PredictVariables) => {
      const body = await buildPredictRequest(source, onProgress);
      onProgress?.({ phase: 'sending', percent: 0 });
      return uploadRequest(predictPath(target), {
        schema: PredictResponse,
        body,
        signal,
        onUploadProgress: ({ loaded, total }) => {
          // Once the body is out, the wait is the workflow running: say so rather than sit at 100%.
          onProgress?.(loaded >= total ? { phase: 'running' } : { phase: 'sending', percent: (loaded / total) * 100 });
        },
      });
    },
  });
}
