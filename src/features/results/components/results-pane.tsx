/**
 * The results of one prediction: for each input, its preview and status, then one section per
 * node output in workflow order. Takes a workflow answer or a model answer alike.
 */
import type { WorkflowNode } from '@contract/clarifai';
import { StatusCode } from '@contract/clarifai';
import type { InputMedia } from '@/lib/media';
import type { PredictResponse } from '@/lib/predict-response';
import type { UserApp } from '@/lib/user-app';
import { Card, CardBody } from '@/components/ui/card';
import { Empty } from '@/components/ui/empty';
import { useState } from 'react';
import { normalisePredictResponse, type InputResult } from '@/features/results/lib/normalise';
import { relatedData } from '@/features/results/lib/related';
import { whatItHolds } from '@/features/results/lib/scan';
import { createViewStore, ViewStateProvider, type ViewStore } from '@/features/results/state/view-state';
import type { RelatedData } from '@/features/results/renderers/types';
import { ViewControls } from '@/features/results/components/view-controls';
import { pairOutputsWithNodes } from '@/features/results/lib/pair-outputs';
import { inputMedia } from '@/features/results/lib/media-source';
import { InputPreview } from '@/features/results/components/input-preview';
import { OutputSection } from '@/features/results/components/output-section';
import { StatusFailure } from '@/features/results/components/status-badge';
import type { GivenInput } from '@/lib/given-input';
import { inputStatus, summarizeInput } from '@/features/results/lib/input-summary';
import { BatchResults } from '@/features/results/components/batch-list';

export function ResultsPane({
  response,
  nodes,
  media,
  given,
  userApp,
  viewStore: givenStore,
}: {
  response: PredictResponse;
  /** The view settings, when the page keeps them (the threshold in the address); else its own. */
  viewStore?: ViewStore;
  /** The nodes of the version that ran, to name each output; the response's own win if it has them. */
  nodes?: readonly WorkflowNode[];
  /** The person's own input (object URL or URL), shown for the first input. */
  media?: InputMedia;
  /** What the person gave for each input, in request order (files as object URLs, texts). */
  given?: readonly GivenInput[];
  userApp?: UserApp;
}) {
  // One view state for the whole pane: the threshold set on one input holds for all of them, and
  // for the next run too (the pane stays mounted while runs replace each other).
  const [ownStore] = useState(() => createViewStore());
  const viewStore = givenStore ?? ownStore;
  const normalised = normalisePredictResponse(response);
  const workflowNodes = normalised.nodes ?? nodes;
  if (normalised.inputs.length === 0) {
    return <Empty title="The API returned no results for this input." />;
  }
  const related = relatedData(normalised.inputs, workflowNodes);
  const mediaOf = (result: InputResult) =>
    inputMedia(result.input, given?.[result.index]?.media ?? (result.index === 0 ? media : undefined));
  const renderInput = (result: InputResult) => (
    <InputResults
      key={result.key}
      result={result}
      many={normalised.inputs.length > 1}
      nodes={workflowNodes}
      media={mediaOf(result)}
      text={given?.[result.index]?.text}
      userApp={userApp}
      related={related[result.index] ?? []}
    />
  );
  return (
    <ViewStateProvider store={viewStore}>
      <div className="flex flex-col gap-6">
        <ViewControls holds={whatItHolds(response)} />
        {normalised.status.code === StatusCode.MIXED_STATUS ? (
          <p className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
            Some outputs failed: each node below shows its own status.
          </p>
        ) : null}
        {normalised.inputs.length > 1 ? (
          // A batch: the inputs as a list to pick from, the picked one's results below it.
          <BatchResults
            items={normalised.inputs.map((result) => ({
              key: result.key,
              summary: summarizeInput(mediaOf(result), result.input, given?.[result.index]?.text),
              status: inputStatus(result),
            }))}
          >
            {(index) => {
              const result = normalised.inputs[index];
              return result ? renderInput(result) : null;
            }}
          </BatchResults>
        ) : (
          normalised.inputs.map(renderInput)
        )}
      </div>
    </ViewStateProvider>
  );
}

function InputResults({
  result,
  many,
  nodes,
  media,
  text,
  userApp,
  related,
}: {
  result: InputResult;
  many: boolean;
  nodes: readonly WorkflowNode[] | undefined;
  media: InputMedia | undefined;
  /** The words given with this input, for when the answer does not echo them. */
  text: string | undefined;
  userApp: UserApp | undefined;
  /** Per output, in the order `pairOutputsWithNodes` gives. */
  related: readonly RelatedData[];
}) {
  const pairs = pairOutputsWithNodes(result.outputs, nodes);
  const slowestMs = Math.max(0, ...pairs.map((pair) => pair.output.status?.time_ms ?? 0)) || undefined;
  const inputFailed =
    result.status !== undefined &&
    result.status.code !== StatusCode.SUCCESS &&
    result.status.code !== StatusCode.MIXED_STATUS;
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[18rem_minmax(0,1fr)] 2xl:grid-cols-[22rem_minmax(0,1fr)]">
      <div className="flex flex-col gap-3 lg:sticky lg:top-4 lg:self-start">
        <Card>
          <CardBody className="flex flex-col gap-2">
            <h3 className="text-sm font-semibold text-slate-700">
              {many ? `Input ${result.index + 1}` : 'Input'}
            </h3>
            <InputPreview media={media} input={result.input} text={text} />
            {result.input?.id ? (
              <p className="truncate font-mono text-[11px] text-slate-400">{result.input.id}</p>
            ) : null}
          </CardBody>
        </Card>
        {inputFailed && result.status ? <StatusFailure status={result.status} what="This input" /> : null}
      </div>
      <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] content-start gap-4 min-[2200px]:grid-cols-2 min-[2200px]:items-start">
        {pairs.length === 0 ? (
          <Empty title={inputFailed ? 'No outputs: the input failed.' : 'No outputs for this input.'} />
        ) : (
          pairs.map((pair, i) => (
            <OutputSection
              key={pair.output.id ?? pair.index}
              pair={pair}
              media={media}
              userApp={userApp}
              related={related[i]}
              slowestMs={slowestMs}
            />
          ))
        )}
      </div>
    </div>
  );
}
