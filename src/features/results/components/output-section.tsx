/**
 * One node's output: a <section> named by the node id, a header line (model, model type, status,
 * time taken), the output drawn by the registry, and its raw JSON one click away.
 */
import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { StatusCode } from '@contract/clarifai';
import { formatDuration } from '@/lib/format';
import { downloadJson, safeFileName } from '@/lib/download';
import { modelQueryOptions } from '@/lib/model-query';
import type { UserApp } from '@/lib/user-app';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { pairTitle, type PairedOutput } from '@/features/results/lib/pair-outputs';
import { DataView } from '@/features/results/renderers/data-view';
import { outputKinds } from '@/features/results/lib/output-kinds';
import type { BaseMedia, RelatedData } from '@/features/results/renderers/types';
import { RawJson } from '@/features/results/components/raw-json';
import { useViewState } from '@/features/results/state/view-state';
import { StatusBadge, StatusFailure } from '@/features/results/components/status-badge';
import { NotDeployed } from '@/features/results/components/not-deployed';

export function OutputSection({
  pair,
  media,
  userApp,
  related,
  slowestMs,
}: {
  pair: PairedOutput;
  /** The longest `time_ms` among this input's nodes: each node's time is drawn against it. */
  slowestMs?: number;
  related?: RelatedData;
  media: BaseMedia | undefined;
  /** When given, a model type the response leaves out is looked up. */
  userApp: UserApp | undefined;
}) {
  const headingId = useId();
  const rawId = useId();
  // The `j` key flips raw JSON for every node; a node's own button flips it for that node.
  const allRaw = useViewState((state) => state.rawJson);
  const [flipped, setFlipped] = useState(false);
  const showRaw = allRaw !== flipped;
  const { output, node } = pair;
  const model = output.model ?? node?.model;
  const knownType = output.model?.model_type_id ?? node?.model.model_type_id;
  const owner = userApp && {
    userId: model?.user_id ?? userApp.userId,
    appId: model?.app_id ?? userApp.appId,
  };
  const fallbackType = output.model?.output_info?.type;
  const status = output.status;
  const failed = status !== undefined && status.code !== StatusCode.SUCCESS;

  return (
    <Card>
      <section aria-labelledby={headingId} data-node-id={node?.id}>
        <CardHeader>
          <h3 id={headingId} className="text-base font-semibold text-slate-900">
            {pairTitle(pair)}
          </h3>
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
            {model?.id && model.id !== pairTitle(pair) ? <span className="font-mono">{model.id}</span> : null}
            {model?.name && model.name !== model.id ? <span>{model.name}</span> : null}
            {knownType ? (
              <span>{knownType}</span>
            ) : owner && model?.id ? (
              <LookedUpModelType owner={owner} modelId={model.id} fallback={fallbackType} />
            ) : fallbackType ? (
              <span>{fallbackType}</span>
            ) : null}
            {status ? <StatusBadge status={status} /> : null}
            {status?.time_ms !== undefined ? (
              <span className="inline-flex items-center gap-1.5" title="Time taken">
                {slowestMs ? (
                  // The node's time against the slowest node's of this input: where the wait went.
                  <span aria-hidden className="inline-block h-1.5 w-16 overflow-hidden rounded-full bg-slate-200">
                    <span
                      className="block h-full rounded-full bg-brand-600"
                      style={{ width: `${Math.max(2, Math.min(100, (status.time_ms / slowestMs) * 100))}%` }}
                    />
                  </span>
                ) : null}
                {formatDuration(status.time_ms)}
              </span>
            ) : null}
            {pair.modelMismatch ? (
              <span className="text-amber-700">model differs from the node’s</span>
            ) : null}
          </p>
          <Button
            variant="ghost"
            size="sm"
            className="ml-auto"
            onClick={() => downloadJson(output, safeFileName(pairTitle(pair), 'json'))}
          >
            Download JSON
          </Button>
          <Button
            variant="ghost"
            size="sm"
            aria-expanded={showRaw}
            aria-controls={rawId}
            onClick={() => setFlipped(!flipped)}
          >
            Raw JSON
          </Button>
        </CardHeader>
        <CardBody className="flex flex-col gap-4">
          {failed && status ? (
            status.code === StatusCode.MODEL_NOT_DEPLOYED ? (
              <NotDeployed status={status} />
            ) : (
              <StatusFailure status={status} what="This node" />
            )
          ) : null}
          {showRaw ? <RawJson id={rawId} value={output} name={pairTitle(pair)} /> : null}
          {/* A failed node's empty data says nothing its status has not said. */}
          {output.data && !(failed && outputKinds(output.data).length === 0) ? (
            <DataView data={output.data} media={media} related={related} name={pairTitle(pair)} />
          ) : failed ? null : (
            <p className="text-sm text-slate-500">No data in this output.</p>
          )}
        </CardBody>
      </section>
    </Card>
  );
}

function LookedUpModelType({
  owner,
  modelId,
  fallback,
}: {
  owner: UserApp;
  modelId: string;
  fallback: string | undefined;
}) {
  const model = useQuery(modelQueryOptions(owner, modelId));
  const type = model.data?.model_type_id ?? fallback;
  return type ? <span>{type}</span> : null;
}
