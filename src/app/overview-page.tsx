/**
 * The workflow overview page, composed from the features: the API corner, the workflow and
 * version pickers with the node chain, the "+" to try an input, and the results pane. The
 * features never import each other; what one produces reaches another through this file.
 */
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { LensConfig } from '@contract/lens-config';
import type { WorkflowNode } from '@contract/clarifai';
import type { UserApp } from '@/lib/user-app';
import { shortId } from '@/lib/format';
import { ApiErrorNotice } from '@/components/api-error-notice';
import { Card, CardBody } from '@/components/ui/card';
import { Empty } from '@/components/ui/empty';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { Skeleton } from '@/components/ui/skeleton';
import { AppLayout } from '@/app/layout';
import { numberParam, readSelection, readUrl, writeSelection, writeUrl } from '@/app/url-state';
import { CompareWorkspace } from '@/app/compare-workspace';
import { Button } from '@/components/ui/button';
import { ShortcutsHelp, type Shortcut } from '@/components/shortcuts-help';
import { lensConfigQueryOptions } from '@/features/api-settings/api/lens-config';
import { ApiSettings } from '@/features/api-settings/components/api-settings';
import {
  workflowQueryOptions,
  workflowsQueryOptions,
  workflowVersionsQueryOptions,
} from '@/features/workflow-picker/api/workflows';
import { WorkflowSelect } from '@/features/workflow-picker/components/workflow-select';
import { VersionSelect } from '@/features/workflow-picker/components/version-select';
import { NodeChain } from '@/features/workflow-picker/components/node-chain';
import { TryInput, type Prediction, type TryInputHandle } from '@/features/try-input/components/try-input';
import { fromStored, keepInput, resolveInput } from '@/app/input-refs';
import { showToast } from '@/lib/toasts';
import { RecentInputs } from '@/features/recent-inputs/components/recent-inputs';
import { SampleInputs } from '@/features/recent-inputs/components/sample-inputs';
import { sampleFile, sampleText, type Sample } from '@/features/recent-inputs/samples';
import { useThresholdInUrl } from '@/app/url-sync';
import { createViewStore } from '@/features/results/state/view-state';

// Nothing of the results pane (the renderers, overlays, geometry) is needed before the first
// answer: it loads on demand, usually while the first request is still running.
const ResultsPane = lazy(() =>
  import('@/features/results/components/results-pane').then((m) => ({ default: m.ResultsPane })),
);

export function OverviewPage() {
  const config = useQuery(lensConfigQueryOptions());
  if (config.data) return <Overview config={config.data} />;
  return (
    <AppLayout>
      {config.error ? (
        <ApiErrorNotice
          title="Could not reach the Workflow Lens server"
          error={config.error}
          onRetry={() => void config.refetch()}
        />
      ) : (
        <Skeleton className="h-40 w-full" />
      )}
    </AppLayout>
  );
}

function Overview({ config }: { config: LensConfig }) {
  const [chosenUserApp, setChosenUserApp] = useState<UserApp | null>(null);
  const userApp = chosenUserApp ?? { userId: config.userId, appId: config.appId };
  const [chosenWorkflow, setChosenWorkflow] = useState(() => readSelection().workflow);
  const workflows = useQuery(workflowsQueryOptions(userApp));
  // What a person picked (if it is still listed); an app with a single workflow opens it at once.
  const workflowId =
    chosenWorkflow && workflows.data?.some((workflow) => workflow.id === chosenWorkflow)
      ? chosenWorkflow
      : workflows.data?.length === 1
        ? workflows.data[0]?.id
        : undefined;
  // Picking a workflow re-creates the picker (inside the new workspace): keep the keyboard's place.
  const [pickerFocus, setPickerFocus] = useState(false);
  const pickWorkflow = (id: string) => {
    setPickerFocus(document.activeElement instanceof HTMLSelectElement);
    setChosenWorkflow(id);
    // Another workflow's versions, frames and inputs mean nothing here: start from its overview.
    writeUrl({ ...CLEAR_COMPARE, workflow: id, version: undefined });
  };

  return (
    <AppLayout
      headerRight={<ApiSettings config={config} userApp={userApp} onUserAppChange={setChosenUserApp} />}
    >
      {workflowId ? (
        <WorkflowWorkspace
          // A new workflow (or app) starts clean: its own version choice and no stale results.
          key={`${userApp.userId}/${userApp.appId}/${workflowId}`}
          userApp={userApp}
          workflowId={workflowId}
          workflowPicker={
            <WorkflowSelect
              userApp={userApp}
              value={workflowId}
              onChange={pickWorkflow}
              autoFocus={pickerFocus}
            />
          }
        />
      ) : (
        <Card>
          <CardBody className="flex flex-col gap-4">
            <div className="flex flex-wrap items-end gap-4">
              <WorkflowSelect userApp={userApp} value={undefined} onChange={pickWorkflow} />
              <ShortcutsHelp shortcuts={[]} />
            </div>
            {workflows.data?.length ? (
              <Empty title="Pick a workflow">
                Its models, their versions, and a + to try it on your own image.
              </Empty>
            ) : null}
          </CardBody>
        </Card>
      )}
    </AppLayout>
  );
}

const CLEAR_COMPARE = {
  compare: undefined,
  node: undefined,
  a: undefined,
  b: undefined,
  view: undefined,
  threshold: undefined,
  frame: undefined,
  input: undefined,
  sample: undefined,
} as const;

interface Run {
  prediction: Prediction;
  /** The nodes of the version that ran, captured then: the picker may move on afterwards. */
  nodes: readonly WorkflowNode[] | undefined;
}

function WorkflowWorkspace({
  userApp,
  workflowId,
  workflowPicker,
}: {
  userApp: UserApp;
  workflowId: string;
  workflowPicker: ReactNode;
}) {
  const [chosenVersion, setChosenVersion] = useState(() => readSelection().version);
  const pickVersion = (id: string) => {
    setChosenVersion(id);
    writeSelection({ workflow: workflowId, version: id });
  };
  const [compare, setCompare] = useState(() => readUrl().compare === '1');
  const [chosenA, setChosenA] = useState(() => readUrl().a);
  const [chosenB, setChosenB] = useState(() => readUrl().b);
  const toggleCompare = () => {
    const next = !compare;
    setCompare(next);
    writeUrl(next ? { compare: '1' } : CLEAR_COMPARE);
  };
  const [run, setRun] = useState<Run | null>(null);
  // A video's results so far, while the engine streams them; shown instead of the last run.
  const [live, setLive] = useState<Run | null>(null);
  const shown = live ?? run;
  const workflow = useQuery(workflowQueryOptions(userApp, workflowId));
  const versions = useQuery(workflowVersionsQueryOptions(userApp, workflowId));
  const version = versions.data?.find((candidate) => candidate.id === chosenVersion) ?? versions.data?.[0];
  const nodes = version?.nodes ?? workflow.data?.version?.nodes ?? workflow.data?.nodes;
  // Compare defaults to the two newest versions: B the latest, A the one before it.
  const versionA = versions.data?.find((candidate) => candidate.id === chosenA) ?? versions.data?.[1];
  const versionB = versions.data?.find((candidate) => candidate.id === chosenB) ?? versions.data?.[0];
  const canCompare = (versions.data?.length ?? 0) >= 2;
  const runInputs = run?.prediction.inputs;

  // The results own the object URLs of local files; free them when they are replaced or leave.
  useEffect(() => {
    return () => {
      for (const input of runInputs ?? []) {
        if (input.media?.url.startsWith('blob:')) URL.revokeObjectURL(input.media.url);
      }
    };
  }, [runInputs]);

  const target = { userApp, workflowId, versionId: version?.id };
  const compareTryInput = useRef<TryInputHandle>(null);
  usePasteAnywhere(() => (compare ? compareTryInput : tryInput).current);
  const tryInput = useRef<TryInputHandle>(null);
  const [selectedNode, setSelectedNode] = useState(() => readUrl().node);
  const selectNode = (id: string) => {
    const next = id === selectedNode ? undefined : id;
    setSelectedNode(next);
    writeUrl({ node: next });
    if (next) scrollToNode(next);
  };
  // A link that names a node shows its output once the results are there.
  useEffect(() => {
    if (selectedNode && shown) scrollToNode(selectedNode);
  }, [selectedNode, shown]);
  // The pane's threshold (and the rest of its view settings) outlive each run, and the threshold
  // is in the address.
  const [viewStore] = useState(() =>
    createViewStore({ threshold: numberParam(readUrl().threshold, 0, 1) ?? 0 }),
  );
  useThresholdInUrl(viewStore);
  useRestoredRun(tryInput, !compare && version !== undefined);

  // Versions are listed newest first: "previous" is the older one, further down the list.
  const stepVersion = (step: 1 | -1) => {
    const list = versions.data ?? [];
    const current = compare ? versionB : version;
    const index = list.findIndex((candidate) => candidate.id === current?.id);
    const next = list[index + step];
    if (!next) return;
    if (compare) {
      setChosenB(next.id);
      writeUrl({ b: next.id });
    } else {
      pickVersion(next.id);
    }
  };
  const shortcuts: Shortcut[] = [
    {
      key: '+',
      description: 'Try your own image or video',
      run: () => (compare ? compareTryInput : tryInput).current?.open(),
    },
    {
      key: 'j',
      description: 'Show or hide every node’s raw JSON',
      run: () => viewStore.set({ rawJson: !viewStore.get().rawJson }),
      enabled: !compare,
    },
    {
      key: '[',
      description: compare ? 'Previous version as B' : 'Previous (older) version',
      run: () => stepVersion(1),
    },
    {
      key: ']',
      description: compare ? 'Next version as B' : 'Next (newer) version',
      run: () => stepVersion(-1),
    },
    {
      key: 'ArrowLeft',
      description: compare ? 'Previous disagreement (video)' : 'Previous frame (video)',
      run: () => pressOnFrames('ArrowLeft'),
    },
    {
      key: 'ArrowRight',
      description: compare ? 'Next disagreement (video)' : 'Next frame (video)',
      run: () => pressOnFrames('ArrowRight'),
    },
    { key: ' ', description: 'Play or pause the video', run: () => pressOnFrames(' '), enabled: !compare },
    { key: '0', description: 'Reset the zoom', run: resetZoom },
    {
      key: 'c',
      description: compare ? 'Leave compare' : 'Compare versions',
      run: toggleCompare,
      enabled: canCompare || compare,
    },
  ];

  return (
    <>
      <Card>
        <CardBody className="flex flex-col gap-4">
          <div className="flex flex-wrap items-end gap-4">
            {workflowPicker}
            {compare ? (
              <>
                <VersionSelect
                  label="Version A"
                  userApp={userApp}
                  workflowId={workflowId}
                  value={versionA?.id}
                  onChange={(id) => {
                    setChosenA(id);
                    writeUrl({ a: id });
                  }}
                />
                <VersionSelect
                  label="Version B"
                  userApp={userApp}
                  workflowId={workflowId}
                  value={versionB?.id}
                  onChange={(id) => {
                    setChosenB(id);
                    writeUrl({ b: id });
                  }}
                />
              </>
            ) : (
              <VersionSelect
                userApp={userApp}
                workflowId={workflowId}
                value={version?.id}
                onChange={pickVersion}
              />
            )}
            <ShortcutsHelp shortcuts={shortcuts} />
            <Button
              variant={compare ? 'primary' : 'secondary'}
              aria-pressed={compare}
              disabled={!canCompare && !compare}
              title={
                canCompare
                  ? 'Run two versions on the same input and see what changed'
                  : 'This workflow has one version'
              }
              onClick={toggleCompare}
            >
              Compare versions
            </Button>
          </div>
          {workflow.data?.description ? (
            <p className="text-sm text-slate-600">{workflow.data.description}</p>
          ) : null}
          {compare ? null : nodes ? (
            <NodeChain nodes={nodes} userApp={userApp} selected={selectedNode} onSelect={selectNode} />
          ) : workflow.error ? (
            <ApiErrorNotice
              title="Could not load this workflow"
              error={workflow.error}
              onRetry={() => void workflow.refetch()}
            />
          ) : (
            <Skeleton className="h-16 w-full" />
          )}
        </CardBody>
      </Card>

      {compare ? (
        <CompareWorkspace
          userApp={userApp}
          workflowId={workflowId}
          versionA={versionA}
          versionB={versionB}
          tryInput={compareTryInput}
          samples={
            <SampleInputs
              workflowId={workflowId}
              onSample={(sample) => void runSample(compareTryInput.current, sample)}
            />
          }
        />
      ) : (
        <section aria-labelledby="results-heading" className="flex flex-col gap-4">
          <div className="flex items-center gap-4">
            <TryInput
              ref={tryInput}
              target={target}
              onPredicted={(prediction) => {
                setLive(null);
                setRun({ prediction, nodes });
                rememberInput(prediction);
              }}
              onPartial={(partial) => setLive(partial && { prediction: partial, nodes })}
            />
            <div>
              <h2 id="results-heading" className="text-base font-semibold text-slate-900">
                Results
              </h2>
              <p className="text-xs text-slate-500">
                {run
                  ? `${workflowId}${run.prediction.target.versionId ? ` · version ${shortId(run.prediction.target.versionId)}` : ' · latest version'}`
                  : 'Try your own image or video'}
              </p>
            </div>
          </div>
          {live ? (
            <p role="status" className="text-sm text-slate-600">
              Running: the frames answered so far are shown, and the rest follow.
            </p>
          ) : null}
          {shown ? (
            <ErrorBoundary
              resetKeys={[shown]}
              fallback={(error) => (
                <p
                  role="alert"
                  className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
                >
                  Could not show the results{error instanceof Error ? `: ${error.message}` : ''}. Reload the
                  page to try again.
                </p>
              )}
            >
              <Suspense fallback={<Skeleton className="h-40 w-full" />}>
                <ResultsPane
                  response={shown.prediction.response}
                  nodes={shown.nodes}
                  given={shown.prediction.inputs}
                  userApp={userApp}
                  viewStore={viewStore}
                />
              </Suspense>
            </ErrorBoundary>
          ) : (
            <Empty title="Run the workflow on your own input: press +">
              <div className="flex flex-col items-center gap-4">
                <p>
                  Drop, paste or pick images, a video or audio, type a text, or give a URL; each model’s
                  answer appears here.
                </p>
                <SampleInputs
                  workflowId={workflowId}
                  onSample={(sample) => void runSample(tryInput.current, sample)}
                />
              </div>
            </Empty>
          )}
        </section>
      )}
      <RecentInputs
        onRun={(input) => {
          const resolved = fromStored(input);
          if (resolved) (compare ? compareTryInput : tryInput).current?.run([resolved.spec]);
        }}
      />
    </>
  );
}

/**
 * A single input's run is kept in the address (`input=`, and `sample=` for a video), so a reload
 * or a link runs it again. A batch is not: the browser keeps only the last 20 inputs.
 */
function rememberInput(prediction: Prediction) {
  const only = prediction.specs.length === 1 ? prediction.specs[0] : undefined;
  if (!only) {
    writeUrl({ input: undefined, sample: undefined });
    return;
  }
  void keepInput(only).then((kept) => {
    writeUrl({ input: kept.durable ? kept.ref : undefined, sample: prediction.sampleMs });
    if (!kept.durable) {
      showToast({
        tone: 'error',
        title: 'This browser would not keep the input',
        detail: 'The results stay on screen, but a reload or a link will not bring it back.',
      });
    }
  });
}

/** Runs the input the address names once, when the page opens on it and its version is known. */
function useRestoredRun(tryInput: RefObject<TryInputHandle | null>, ready: boolean) {
  const [ref] = useState(() => readUrl().input);
  const [sampleMs] = useState(() => numberParam(readUrl().sample, 100, 60_000));
  const restored = useQuery({
    queryKey: ['restored-input', ref],
    queryFn: () =>
      resolveInput(ref ?? '').catch((error: unknown) => {
        // Nothing on screen asked for it: a reload or a link did, so the failure is a toast.
        showToast({
          tone: 'error',
          title: 'Could not bring back the input in this link',
          detail: error instanceof Error ? error.message : undefined,
        });
        throw error;
      }),
    enabled: ref !== undefined && ready,
    staleTime: Infinity,
    retry: false,
  });
  const started = useRef(false);
  const spec = restored.data?.spec;
  useEffect(() => {
    if (!spec || !ready || started.current) return;
    started.current = true;
    tryInput.current?.run([spec], { sampleMs });
  }, [spec, ready, sampleMs, tryInput]);
}

/** Brings a node's output section into view (and keyboard focus) once it is on the page. */
function scrollToNode(nodeId: string) {
  requestAnimationFrame(() => {
    const section = document.querySelector<HTMLElement>(`section[data-node-id="${CSS.escape(nodeId)}"]`);
    if (!section) return;
    section.scrollIntoView({ block: 'start', behavior: 'smooth' });
    if (!section.hasAttribute('tabindex')) section.setAttribute('tabindex', '-1');
    section.focus({ preventScroll: true });
  });
}

/**
 * Sends a key to the video on screen, as if its timeline had focus: the player (or, comparing,
 * the frame scrubber) already steps frames, jumps between disagreements and plays on these keys.
 */
function pressOnFrames(key: string) {
  const slider =
    document.querySelector<HTMLElement>('[role="slider"][aria-label="Frame"]') ??
    document.querySelector<HTMLElement>('[role="slider"][aria-label="Timeline"]');
  if (!slider) return;
  slider.focus();
  slider.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
}

/** Every zoomed view back to 100% (each has its own Reset zoom button; comparing, they share one zoom). */
function resetZoom() {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[aria-label="Reset zoom"]')) {
    if (!button.disabled) button.click();
  }
}

/**
 * Paste works anywhere on the page, not only in the modal: pasted images (or other files) run as
 * if dropped on it, and a pasted http(s) URL opens the modal with it in the URL box. Pastes into a
 * field stay there, and an open modal handles its own.
 */
function usePasteAnywhere(target: () => TryInputHandle | null) {
  const latest = useRef(target);
  useEffect(() => {
    latest.current = target;
  });
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (event.defaultPrevented || document.querySelector('[aria-modal="true"]')) return;
      const into = event.target;
      if (into instanceof HTMLInputElement || into instanceof HTMLTextAreaElement) return;
      if (into instanceof HTMLElement && into.isContentEditable) return;
      const handle = latest.current();
      const data = event.clipboardData;
      if (!handle || !data) return;
      const files = Array.from(data.files);
      if (files.length > 0) {
        event.preventDefault();
        handle.runFiles(files);
        return;
      }
      const text = data.getData('text/plain').trim();
      if (/^https?:\/\/\S+$/i.test(text)) {
        event.preventDefault();
        handle.openWithUrl(text);
      }
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);
}

/** Loads a sample from the app's own `/samples/` and runs it like an upload (or a typed text). */
async function runSample(handle: TryInputHandle | null, sample: Sample) {
  if (!handle) return;
  if (sample.kind === 'text') {
    handle.run([{ type: 'text', raw: await sampleText(sample) }]);
    return;
  }
  const file = await sampleFile(sample);
  handle.run([{ type: 'file', kind: sample.kind, file }]);
}
