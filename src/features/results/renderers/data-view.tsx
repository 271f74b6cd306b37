/**
 * Draws one `data` through the registry, each kind behind its own error boundary: a malformed
 * mask or an odd embedding shows a small notice, and the OCR text beside it still renders.
 */
import { Suspense, useMemo } from 'react';
import type { Data } from '@contract/clarifai';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { Skeleton } from '@/components/ui/skeleton';
import { outputKinds, type OutputKind } from '@/features/results/lib/output-kinds';
import { ViewStateProvider } from '@/features/results/state/view-state';
import { outputRenderers } from '@/features/results/renderers/registry';
import {
  NO_RELATED,
  type BaseMedia,
  type RelatedData,
  type RenderContext,
} from '@/features/results/renderers/types';

export function DataView({
  data,
  media,
  nested = false,
  related = NO_RELATED,
  name = 'output',
}: {
  data: Data;
  media: BaseMedia | undefined;
  nested?: boolean;
  related?: RelatedData;
  name?: string;
}) {
  // Stable while its inputs are, so memoised rows and boxes below keep their props equal.
  const context = useMemo<RenderContext>(
    () => ({
      media,
      nested,
      related,
      name,
      renderNested: (inner, innerMedia) => (
        <DataView data={inner} media={innerMedia} nested related={related} name={name} />
      ),
    }),
    [media, nested, related, name],
  );
  const kinds = outputKinds(data);
  if (kinds.length === 0) return <p className="text-sm text-slate-500">No data in this output.</p>;
  return (
    // Uses the results pane's view state when there is one, else keeps its own.
    <ViewStateProvider>
      <div className="flex flex-col gap-4">
        {kinds.map((kind) => {
          const { Component } = outputRenderers[kind];
          return (
            <ErrorBoundary
              key={kind}
              resetKeys={[data]}
              fallback={(error) => <RendererFailure kind={kind} error={error} />}
            >
              {/* Inside the boundary: a lazy renderer whose chunk fails to load shows its own notice. */}
              <Suspense fallback={<Skeleton className="h-24 w-full" data-renderer-loading={kind} />}>
                <Component data={data} context={context} />
              </Suspense>
            </ErrorBoundary>
          );
        })}
      </div>
    </ViewStateProvider>
  );
}

function RendererFailure({ kind, error }: { kind: OutputKind; error: unknown }) {
  return (
    <p
      role="alert"
      data-renderer-error={kind}
      className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      Could not show the {outputRenderers[kind].label} of this output
      {error instanceof Error ? `: ${error.message}` : ''}. The Raw JSON has it all.
    </p>
  );
}
