/**
 * Comparing two versions of the selected workflow: the "+" gathers one input, both versions run
 * on it at once (two predict queries, keyed by version and input, so each side fills in as it
 * answers and changing one version re-runs only that side), and the compare view shows them.
 * Everything that makes the screen is in the address (versions, view, threshold, frame, input),
 * so a reload or a shared link brings it back (docs/decisions/010).
 */
import { lazy, Suspense, useCallback, useState, type ReactNode, type Ref } from 'react';
import { useQuery, type QueryClient, useQueryClient } from '@tanstack/react-query';
import type { WorkflowNode, WorkflowVersion } from '@contract/clarifai';
import type { PredictResponse } from '@/lib/predict-response';
import type { UserApp } from '@/lib/user-app';
import { shortId } from '@/lib/format';
import { ApiErrorNotice } from '@/components/api-error-notice';
import { Empty } from '@/components/ui/empty';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { Skeleton } from '@/components/ui/skeleton';
import { useZoom } from '@/components/zoom-viewport';
import { numberParam, readUrl, writeUrl } from '@/app/url-state';
import { useFrameInUrl, useThresholdInUrl } from '@/app/url-sync';
import { keepInput, resolveInput } from '@/app/input-refs';
import { predict, sourceFor, type PredictPhase } from '@/features/try-input/api/predict';
import { TryInput, type TryInputHandle } from '@/features/try-input/components/try-input';
import type { InputSpec } from '@/features/try-input/lib/inputs';
import { createViewStore, type ViewStore } from '@/features/results/state/view-state';
import type { CompareSide } from '@/features/compare/components/compare-view';
import type { CompareViewMode } from '@/features/compare/components/types';

const CompareView = lazy(() =>
  import('@/features/compare/components/compare-view').then((m) => ({ default: m.CompareView })),
);

/** Concepts and boxes under this are hidden unless the address says otherwise (Clarifai's default). */
const DEFAULT_THRESHOLD = 0.5;
const MODES: readonly CompareViewMode[] = ['side', 'swipe', 'overlay'];

function modeParam(value: string | undefined): CompareViewMode {
  return MODES.find((mode) => mode === value) ?? 'side';
}

export function progressText(progress: PredictPhase | undefined): string | undefined {
  if (!progress) return undefined;
  switch (progress.phase) {
    case 'reading':
      return `Reading ${Math.round(progress.percent)}%`;
    case 'sending':
      return `Sending ${Math.round(progress.percent)}%`;
    case 'running':
      return 'Running';
    case 'frames':
      return progress.total ? `Frame ${progress.done} of ${progress.total}` : `Frame ${progress.done}`;
    case 'inputs':
      return `Input ${progress.done} of ${progress.total}`;
    case 'nodes':
      return `Node ${progress.done} of ${progress.total}`;
  }
}

interface SideAnswer {
  response: PredictResponse;
  elapsedMs: number;
}

interface Live {
  progress?: PredictPhase;
  partial?: PredictResponse;
}

function useSide(
  userApp: UserApp,
  workflowId: string,
  versionId: string | undefined,
  input: { ref: string; spec: InputSpec } | undefined,
  sampleMs: number | undefined,
) {
  const [live, setLive] = useState<Live>({});
  // The input's reference names its spec (a File cannot be part of a key): same ref, same input.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  const query = useQuery({
    queryKey: ['compare-predict', userApp, workflowId, versionId, input?.ref, sampleMs],
    queryFn: async ({ signal }): Promise<SideAnswer> => {
      if (!input || !versionId) throw new Error('Nothing to run yet.');
      setLive({});
      const started = performance.now();
      try {
        const response = await predict({
          target: { userApp, workflowId, versionId },
          source: sourceFor([input.spec]),
          sampleMs,
          signal,
          onProgress: (progress) => setLive((current) => ({ ...current, progress })),
          onPartial: (partial) => setLive((current) => ({ ...current, partial })),
        });
        return { response, elapsedMs: performance.now() - started };
      } finally {
        setLive({});
      }
    },
    enabled: Boolean(input && versionId),
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    retry: false,
  });
  return { query, live };
}

function sideOf(
  versionId: string | undefined,
  version: WorkflowVersion | undefined,
  nodes: readonly WorkflowNode[] | undefined,
  { query, live }: ReturnType<typeof useSide>,
): CompareSide {
  return {
    versionId,
    version,
    nodes,
    response: query.data?.response ?? live.partial,
    running: query.isFetching,
    progress: progressText(live.progress),
    error: query.isFetching ? undefined : query.error,
    elapsedMs: query.data?.elapsedMs,
    onRetry: () => void query.refetch(),
  };
}

export function CompareWorkspace({
  userApp,
  workflowId,
  versionA,
  versionB,
  tryInput,
  samples,
}: {
  /** Sample inputs to offer while nothing has been given. */
  samples?: ReactNode;
  userApp: UserApp;
  workflowId: string;
  versionA: WorkflowVersion | undefined;
  versionB: WorkflowVersion | undefined;
  /** The page's `+` key opens this comparison's modal. */
  tryInput?: Ref<TryInputHandle>;
}) {
  const queryClient = useQueryClient();
  const [url] = useState(() => readUrl());
  const [inputRef, setInputRef] = useState<string | undefined>(url.input);
  const [sampleMs, setSampleMs] = useState<number | undefined>(() => numberParam(url.sample, 100, 60_000));
  const [durable, setDurable] = useState(true);
  const [mode, setMode] = useState<CompareViewMode>(() => modeParam(url.view));
  const [swipe, setSwipe] = useState(0.5);
  const [frameMs, setFrameMs] = useState<number | undefined>(() => numberParam(url.frame, 0, 86_400_000));
  const [viewStore] = useState<ViewStore>(() =>
    createViewStore({ threshold: numberParam(url.threshold, 0, 1) ?? DEFAULT_THRESHOLD }),
  );
  const zoom = useZoom();
  useThresholdInUrl(viewStore);
  useFrameInUrl(frameMs);

  const input = useQuery({
    queryKey: ['compare-input', inputRef],
    queryFn: () => resolveInput(inputRef ?? ''),
    enabled: inputRef !== undefined,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
  const running = input.data && inputRef ? { ref: inputRef, spec: input.data.spec } : undefined;
  const sideA = useSide(userApp, workflowId, versionA?.id, running, sampleMs);
  const sideB = useSide(userApp, workflowId, versionB?.id, running, sampleMs);

  const onInputs = (specs: readonly InputSpec[], options: { sampleMs: number | undefined }) => {
    const first = specs[0];
    if (!first) return;
    void keepInput(first).then((kept) => {
      forgetAnswers(queryClient, kept.ref);
      setInputRef(kept.ref);
      setDurable(kept.durable);
      setSampleMs(options.sampleMs);
      setFrameMs(undefined);
      writeUrl({ input: kept.durable ? kept.ref : undefined, sample: options.sampleMs, frame: undefined });
    });
  };
  const onModeChange = (next: CompareViewMode) => {
    setMode(next);
    writeUrl({ view: next === 'side' ? undefined : next });
  };
  const onFrameChange = useCallback((timeMs: number) => setFrameMs(timeMs), []);

  const describe =
    versionA && versionB
      ? `Runs version A (${shortId(versionA.id)}) and version B (${shortId(versionB.id)}) of ${workflowId} on one image, video, text or audio, side by side. Drop, paste (Ctrl+V / ⌘V) or choose a file, or give a URL.`
      : 'Pick two versions first.';

  return (
    <section aria-labelledby="compare-heading" className="flex flex-col gap-4">
      <div className="flex items-center gap-4">
        <TryInput
          ref={tryInput}
          target={versionA && versionB ? { userApp, workflowId, versionId: versionB.id } : undefined}
          onInputs={onInputs}
          description={describe}
        />
        <div>
          <h2 id="compare-heading" className="text-base font-semibold text-slate-900">
            Compare
          </h2>
          <p className="text-xs text-slate-500">
            {versionA && versionB
              ? `${workflowId} · A ${shortId(versionA.id)} vs B ${shortId(versionB.id)}`
              : 'Pick two versions'}
          </p>
        </div>
      </div>
      {!durable ? (
        <p role="status" className="text-sm text-amber-800">
          This browser would not keep the input, so a reload or the link will not bring it back.
        </p>
      ) : null}
      {inputRef === undefined ? (
        <Empty title="Run both versions on your own input: press +">
          <div className="flex flex-col items-center gap-4">
            <p>
              Both versions run at once on the same image, video, text or audio; each node’s outputs are then
              shown paired, with what changed between A and B.
            </p>
            {samples}
          </div>
        </Empty>
      ) : input.error ? (
        <ApiErrorNotice title="Could not open the input" error={input.error} />
      ) : (
        <ErrorBoundary
          resetKeys={[sideA.query.data, sideB.query.data]}
          fallback={(error) => (
            <p
              role="alert"
              className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
            >
              Could not show the comparison{error instanceof Error ? `: ${error.message}` : ''}.
            </p>
          )}
        >
          <Suspense fallback={<Skeleton className="h-40 w-full" />}>
            <CompareView
              workflow={{ id: workflowId, userId: userApp.userId, appId: userApp.appId }}
              a={sideOf(versionA?.id, versionA, versionA?.nodes, sideA)}
              b={sideOf(versionB?.id, versionB, versionB?.nodes, sideB)}
              given={input.data?.given}
              inputId={inputRef}
              viewStore={viewStore}
              mode={mode}
              onModeChange={onModeChange}
              swipe={swipe}
              onSwipeChange={setSwipe}
              zoom={zoom}
              frameMs={frameMs}
              onFrameChange={onFrameChange}
            />
          </Suspense>
        </ErrorBoundary>
      )}
    </section>
  );
}

/** The same input given again runs again (a person pressing Run expects a fresh answer). */
function forgetAnswers(queryClient: QueryClient, ref: string) {
  queryClient.removeQueries({
    predicate: (query) => query.queryKey[0] === 'compare-predict' && query.queryKey[4] === ref,
  });
}
