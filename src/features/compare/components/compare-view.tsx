/**
 * Two versions of one workflow on the same input. At the top, each version's state (running,
 * failed with Retry, or answered in how long), the view options (side by side / swipe / overlay,
 * the threshold) and the exports; then the nodes paired A ↔ B in workflow order, each marked
 * unchanged, changed (and what), added or removed, with its time in A and in B and whether its
 * output differs; then, per pair, the comparison of its outputs. Each side fills in as its answer
 * arrives: the pairing needs only the two versions' nodes.
 */
import { useId, useMemo, useRef, type ReactNode } from 'react';
import type { ClassMaskDiff } from '@/features/compare/lib/diff-masks';
import { CompareReportContext, type CompareReport } from '@/features/compare/components/report-context';
import type { WorkflowNode, WorkflowVersion } from '@contract/clarifai';
import type { PredictResponse } from '@/lib/predict-response';
import type { GivenInput } from '@/lib/given-input';
import { formatDuration, shortId } from '@/lib/format';
import { downloadJson } from '@/lib/download';
import { cn } from '@/lib/cn';
import { ApiErrorNotice } from '@/components/api-error-notice';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Spinner } from '@/components/ui/spinner';
import { type ZoomController } from '@/components/zoom-viewport';
import { ViewControls } from '@/features/results/components/view-controls';
import { StatusFailure } from '@/features/results/components/status-badge';
import { DataView } from '@/features/results/renderers/data-view';
import { whatItHolds, type Holds } from '@/features/results/lib/scan';
import {
  useViewState,
  useViewStore,
  ViewStateProvider,
  type ViewStore,
} from '@/features/results/state/view-state';
import type { BaseMedia } from '@/features/results/renderers/types';
import {
  pairNodes,
  pairOutputs,
  type ComparedPair,
  type PairStatus,
} from '@/features/compare/lib/pair-nodes';
import { diffOutputs, outputsDiffer, DEFAULT_COMPARE_SETTINGS } from '@/features/compare/lib/diff-outputs';
import { buildComparisonExport, comparisonFileName } from '@/features/compare/lib/export-diff';
import {
  COMPARE_VIEW_MODES,
  type CompareViewMode,
  type CompareViewSettings,
  type DataCompareProps,
} from '@/features/compare/components/types';
import { DataCompare, SideBySide } from '@/features/compare/components/data-compare';
import { CompareFrameContext } from '@/features/compare/components/frame-context';
import { ColumnHeaders } from '@/components/ui/table';

export interface CompareSide {
  versionId: string | undefined;
  /** The version's record (its date and description go into the export). */
  version: WorkflowVersion | undefined;
  nodes: readonly WorkflowNode[] | undefined;
  /** The answer so far: partial while `running` (a video's frames arrive as they are answered). */
  response: PredictResponse | undefined;
  running: boolean;
  /** What the request is doing now, e.g. "Sending 40%", while running. */
  progress: string | undefined;
  error: unknown;
  /** Wall time of the whole request, once answered. */
  elapsedMs: number | undefined;
  onRetry: () => void;
}

export interface CompareViewProps {
  workflow: { id: string; userId?: string; appId?: string };
  a: CompareSide;
  b: CompareSide;
  /** What the person gave (the first input is compared). */
  given: GivenInput | undefined;
  /** The input's id for the export (the stored input's id, or its URL). */
  inputId: string | undefined;
  viewStore: ViewStore;
  mode: CompareViewMode;
  onModeChange: (mode: CompareViewMode) => void;
  swipe: number;
  onSwipeChange: (swipe: number) => void;
  zoom: ZoomController;
  /** The video frame on screen (ms), for video workflows. */
  frameMs: number | undefined;
  onFrameChange: (timeMs: number) => void;
}

const STATUS_TONE: Record<PairStatus, 'neutral' | 'warning' | 'success' | 'danger'> = {
  unchanged: 'neutral',
  changed: 'warning',
  added: 'success',
  removed: 'danger',
};

const STATUS_LABEL: Record<PairStatus, string> = {
  unchanged: 'Unchanged',
  changed: 'Changed',
  added: 'Added in B',
  removed: 'Removed in B',
};

function firstOutputs(response: PredictResponse | undefined) {
  return response?.results?.[0]?.outputs ?? response?.outputs ?? [];
}

function mergeHolds(...responses: (PredictResponse | undefined)[]): Holds {
  const holds: Holds = { concepts: false, scores: false, masks: false };
  for (const response of responses) {
    if (!response) continue;
    const one = whatItHolds(response);
    holds.concepts ||= one.concepts;
    holds.scores ||= one.scores;
    holds.masks ||= one.masks;
  }
  return holds;
}

export function CompareView(props: CompareViewProps) {
  return (
    <ViewStateProvider store={props.viewStore}>
      <CompareBody {...props} />
    </ViewStateProvider>
  );
}

function CompareBody({
  workflow,
  a,
  b,
  given,
  inputId,
  mode,
  onModeChange,
  swipe,
  onSwipeChange,
  zoom,
  frameMs,
  onFrameChange,
}: CompareViewProps) {
  // The threshold is read where it is drawn (the node table, each comparison), not here: a
  // threshold step then re-renders those, not the whole view.
  const viewStore = useViewStore();
  const structure = useMemo(
    () => (a.nodes && b.nodes ? pairNodes(a.nodes, b.nodes) : undefined),
    [a.nodes, b.nodes],
  );
  const pairs = useMemo(
    () =>
      structure && a.nodes && b.nodes
        ? pairOutputs(
            structure,
            { nodes: a.nodes, outputs: firstOutputs(a.response) },
            { nodes: b.nodes, outputs: firstOutputs(b.response) },
          )
        : undefined,
    [structure, a.nodes, b.nodes, a.response, b.response],
  );
  const viewSettings: CompareViewSettings = useMemo(
    () => ({ mode, swipe, onSwipeChange, zoom }),
    [mode, swipe, onSwipeChange, zoom],
  );
  const media: BaseMedia | undefined = given?.media;
  const answered = !a.running && !b.running && a.response !== undefined && b.response !== undefined;
  const frame = useMemo(
    () => ({ frameMs, onFrameChange, renderFrame: (props: DataCompareProps) => <DataCompare {...props} /> }),
    [frameMs, onFrameChange],
  );

  // Mask agreement per pair, as the regions comparisons decode it (read when exporting only).
  const masks = useRef(new Map<string, readonly ClassMaskDiff[]>());
  const report = useMemo<CompareReport>(
    () => ({ reportMasks: (pairKey, classes) => masks.current.set(pairKey, classes) }),
    [],
  );

  const exportJson = () => {
    if (!pairs || !a.version || !b.version) return;
    const comparison = buildComparisonExport({
      workflow,
      versionA: a.version,
      versionB: b.version,
      pairs,
      settings: { ...DEFAULT_COMPARE_SETTINGS, threshold: viewStore.get().threshold },
      inputId,
      masks: masks.current,
      exportedAt: new Date().toISOString(),
    });
    downloadJson(comparison, comparisonFileName(comparison));
  };

  return (
    <CompareFrameContext value={frame}>
      <CompareReportContext value={report}>
        <div className="flex flex-col gap-4" data-compare="">
          <div className="grid gap-3 md:grid-cols-2">
            <SideStatus label="A" side={a} />
            <SideStatus label="B" side={b} />
          </div>
          <div
            role="group"
            aria-label="Compare options"
            className="flex flex-wrap items-center gap-x-6 gap-y-2 rounded-xl border border-slate-200 bg-white px-4 py-2"
          >
            <ModePicker mode={mode} onChange={onModeChange} />
            <Button
              variant="secondary"
              size="sm"
              onClick={exportJson}
              disabled={!answered || !pairs}
              className="ml-auto"
            >
              Download differences (JSON)
            </Button>
          </div>
          <ViewControls holds={mergeHolds(a.response, b.response)} />
          {pairs ? (
            <>
              <PairList pairs={pairs} />
              {pairs.map((pair) => (
                <PairSection key={pair.key} pair={pair} media={media} settings={viewSettings} a={a} b={b} />
              ))}
            </>
          ) : (
            <p className="text-sm text-slate-500">Loading the two versions’ nodes…</p>
          )}
        </div>
      </CompareReportContext>
    </CompareFrameContext>
  );
}

function SideStatus({ label, side }: { label: 'A' | 'B'; side: CompareSide }) {
  return (
    <Card>
      <CardBody className="flex flex-col gap-2">
        <div className="flex items-center gap-2">
          <span
            aria-hidden
            className={cn(
              'grid size-6 place-items-center rounded-full text-xs font-bold text-white',
              label === 'A' ? 'bg-slate-700' : 'bg-brand-700',
            )}
          >
            {label}
          </span>
          <h3 className="text-sm font-semibold text-slate-900">
            Version {label}
            {side.versionId ? (
              <span className="ml-1 font-mono font-normal">{shortId(side.versionId)}</span>
            ) : null}
          </h3>
          <span className="ml-auto text-xs text-slate-500" role="status">
            {side.running ? (
              <span className="inline-flex items-center gap-1">
                <Spinner className="size-3" />
                {side.progress ?? 'Running'}
              </span>
            ) : side.error ? (
              'Failed'
            ) : side.elapsedMs !== undefined ? (
              `Answered in ${formatDuration(side.elapsedMs)}`
            ) : side.response ? (
              'Answered'
            ) : (
              'Waiting for an input'
            )}
          </span>
        </div>
        {side.version?.description ? (
          <p className="text-xs text-slate-600">{side.version.description}</p>
        ) : null}
        {side.error && !side.running ? (
          <ApiErrorNotice
            title={`Version ${label} could not run`}
            error={side.error}
            onRetry={side.onRetry}
          />
        ) : null}
      </CardBody>
    </Card>
  );
}

function ModePicker({
  mode,
  onChange,
}: {
  mode: CompareViewMode;
  onChange: (mode: CompareViewMode) => void;
}) {
  const name = useId();
  return (
    <fieldset className="flex items-center gap-3 text-sm">
      <legend className="sr-only">View</legend>
      <span aria-hidden className="text-slate-700">
        View
      </span>
      <div className="flex overflow-hidden rounded-lg border border-slate-300">
        {COMPARE_VIEW_MODES.map((option) => (
          <label
            key={option.value}
            className={cn(
              'cursor-pointer px-3 py-1 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600',
              mode === option.value ? 'bg-brand-700 text-white' : 'bg-white text-slate-700 hover:bg-slate-50',
            )}
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={mode === option.value}
              onChange={() => onChange(option.value)}
              className="sr-only"
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function timeText(ms: number | undefined): string {
  return ms === undefined ? '—' : formatDuration(ms);
}

function PairList({ pairs }: { pairs: readonly ComparedPair[] }) {
  const threshold = useViewState((state) => state.threshold);
  const settings = useMemo(() => ({ ...DEFAULT_COMPARE_SETTINGS, threshold }), [threshold]);
  const counts = pairs.reduce<Record<PairStatus, number>>(
    (sum, pair) => ({ ...sum, [pair.status]: sum[pair.status] + 1 }),
    { unchanged: 0, changed: 0, added: 0, removed: 0 },
  );
  return (
    <Card>
      <CardHeader>
        <h3 className="text-base font-semibold text-slate-900">Nodes</h3>
        <p className="text-xs text-slate-500">
          {counts.changed} changed · {counts.added} added · {counts.removed} removed · {counts.unchanged}{' '}
          unchanged
        </p>
      </CardHeader>
      <CardBody className="overflow-x-auto p-0">
        <table className="w-full text-left text-sm" aria-label="Node changes">
          <thead className="border-b border-slate-200 text-xs text-slate-500">
            <ColumnHeaders
              columns={[
                { label: 'Node' },
                { label: 'Change' },
                { label: 'What changed' },
                { label: 'Output' },
                { label: 'Time A', align: 'right' },
                { label: 'Time B', align: 'right' },
              ]}
              cellClassName="px-4 py-2"
            />
          </thead>
          <tbody>
            {pairs.map((pair) => (
              <PairRow key={pair.key} pair={pair} settings={settings} />
            ))}
          </tbody>
        </table>
      </CardBody>
    </Card>
  );
}

function usesThreshold({ outputA, outputB }: ComparedPair): boolean {
  return [outputA?.data, outputB?.data].some(
    (data) => data?.concepts !== undefined || data?.frames !== undefined,
  );
}

function PairRow({ pair, settings }: { pair: ComparedPair; settings: typeof DEFAULT_COMPARE_SETTINGS }) {
  const hasOutputs = pair.outputA !== undefined || pair.outputB !== undefined;
  // Only concepts and frames are compared under the threshold; regions are matched over all
  // boxes. So a threshold step re-diffs a detector's outputs (quadratic in the boxes) never.
  const threshold = usesThreshold(pair) ? settings.threshold : DEFAULT_COMPARE_SETTINGS.threshold;
  const { iouThreshold } = settings;
  const differs = useMemo(
    () =>
      pair.outputA && pair.outputB
        ? outputsDiffer(diffOutputs(pair.outputA, pair.outputB, { threshold, iouThreshold }))
        : undefined,
    [pair.outputA, pair.outputB, threshold, iouThreshold],
  );
  const output = !hasOutputs
    ? '—'
    : differs === undefined
      ? pair.outputA
        ? 'Only in A'
        : 'Only in B'
      : differs
        ? 'Differs'
        : 'Same';
  return (
    <tr className="border-b border-slate-100 last:border-0" data-pair={pair.key} data-status={pair.status}>
      <th scope="row" className="px-4 py-2 font-mono text-xs font-medium text-slate-900">
        <a href={`#pair-${pair.key}`} className="hover:underline">
          {pair.a && pair.b && pair.a.id !== pair.b.id ? `${pair.a.id} → ${pair.b.id}` : pair.key}
        </a>
      </th>
      <td className="px-4 py-2">
        <Badge tone={STATUS_TONE[pair.status]}>{STATUS_LABEL[pair.status]}</Badge>
      </td>
      <td className="px-4 py-2 text-xs text-slate-600">
        {pair.status === 'changed'
          ? pair.changes.join('; ')
          : pair.status === 'unchanged'
            ? ''
            : (pair.a ?? pair.b)?.model.id}
      </td>
      <td
        className={cn(
          'px-4 py-2 text-xs',
          output === 'Differs' ? 'font-semibold text-amber-800' : 'text-slate-600',
        )}
      >
        {output}
      </td>
      <td className="px-4 py-2 text-right text-xs text-slate-600 tabular-nums">{timeText(pair.timeMsA)}</td>
      <td className="px-4 py-2 text-right text-xs text-slate-600 tabular-nums">
        {timeText(pair.timeMsB)}
        {pair.timeDeltaMs !== undefined && pair.timeMsA ? (
          <span className="ml-1 text-slate-400">
            ({pair.timeDeltaMs > 0 ? '+' : '−'}
            {formatDuration(Math.abs(pair.timeDeltaMs))})
          </span>
        ) : null}
      </td>
    </tr>
  );
}

function PairSection({
  pair,
  media,
  settings,
  a,
  b,
}: {
  pair: ComparedPair;
  media: BaseMedia | undefined;
  settings: CompareViewSettings;
  a: CompareSide;
  b: CompareSide;
}) {
  const headingId = useId();
  const failedA =
    pair.outputA?.status && pair.outputA.status.code !== 10000 ? pair.outputA.status : undefined;
  const failedB =
    pair.outputB?.status && pair.outputB.status.code !== 10000 ? pair.outputB.status : undefined;
  let body: ReactNode;
  if (pair.status === 'added' || pair.status === 'removed') {
    const output = pair.outputB ?? pair.outputA;
    const running = pair.status === 'added' ? b.running : a.running;
    body = output?.data ? (
      <DataView data={output.data} media={media} name={pair.key} />
    ) : (
      <p className="text-sm text-slate-500">
        {running ? 'Waiting for its answer…' : 'No output (suppressed or not answered).'}
      </p>
    );
  } else if (!pair.outputA && !pair.outputB) {
    body = (
      <p className="text-sm text-slate-500">
        {a.running || b.running ? 'Waiting for the answers…' : 'Neither version shows this node’s output.'}
      </p>
    );
  } else if ((!pair.outputA && a.running) || (!pair.outputB && b.running)) {
    // One side has answered, the other is still running: show what is here, not a diff against
    // nothing (which would list every box as found by one version only).
    body = (
      <SideBySide
        dataA={pair.outputA?.data}
        dataB={pair.outputB?.data}
        media={media}
        name={pair.key}
        missing={{ a: 'Version A is still running…', b: 'Version B is still running…' }}
      />
    );
  } else {
    body = (
      <DataCompare
        dataA={pair.outputA?.data}
        dataB={pair.outputB?.data}
        media={media}
        name={pair.key}
        settings={settings}
      />
    );
  }
  return (
    <Card>
      <section
        id={`pair-${pair.key}`}
        aria-labelledby={headingId}
        data-pair-section={pair.key}
        className="scroll-mt-4"
      >
        <CardHeader>
          <div className="flex flex-wrap items-center gap-2">
            <h3 id={headingId} className="font-mono text-base font-semibold text-slate-900">
              {pair.key}
            </h3>
            <Badge tone={STATUS_TONE[pair.status]}>{STATUS_LABEL[pair.status]}</Badge>
            <span className="text-xs text-slate-500">{(pair.b ?? pair.a)?.model.id}</span>
          </div>
          {pair.status === 'changed' ? (
            <ul className="mt-1 list-inside list-disc text-xs text-slate-600">
              {pair.changes.map((change) => (
                <li key={change}>{change}</li>
              ))}
            </ul>
          ) : null}
        </CardHeader>
        <CardBody className="flex flex-col gap-3">
          {failedA ? <StatusFailure status={failedA} what="Version A’s output" /> : null}
          {failedB ? <StatusFailure status={failedB} what="Version B’s output" /> : null}
          {body}
        </CardBody>
      </section>
    </Card>
  );
}
