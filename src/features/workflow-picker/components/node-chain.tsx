/**
 * The workflow's nodes as a left-to-right chain of columns; nodes sharing a column are parallel
 * branches. Each card names its node, model and model type, and the nodes it reads.
 */
import { Fragment } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { WorkflowNode } from '@contract/clarifai';
import type { UserApp } from '@/lib/user-app';
import { modelQueryOptions } from '@/lib/model-query';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/lib/cn';
import { layerNodes } from '@/features/workflow-picker/lib/graph';

export function NodeChain({
  nodes,
  userApp,
  selected,
  onSelect,
}: {
  nodes: readonly WorkflowNode[];
  userApp: UserApp;
  /** The node whose output the page points at (from the address). */
  selected?: string;
  /** Makes each card a button that selects its node. */
  onSelect?: (nodeId: string) => void;
}) {
  if (nodes.length === 0) return <p className="text-sm text-slate-500">This version has no nodes.</p>;
  const columns = layerNodes(nodes);
  return (
    <ol aria-label="Workflow nodes" className="flex items-stretch gap-2 overflow-x-auto pb-1">
      <li className="flex items-center">
        <span className="rounded-full border border-slate-200 bg-slate-50 px-3 py-1 text-xs font-medium text-slate-600">
          Input
        </span>
      </li>
      {columns.map((column, index) => (
        <Fragment key={column.map((node) => node.id).join('|')}>
          <li aria-hidden className="flex items-center text-slate-400">
            <Arrow />
          </li>
          <li
            className="flex flex-col justify-center gap-2"
            aria-label={
              column.length > 1 ? `Step ${index + 1}: ${column.length} parallel nodes` : `Step ${index + 1}`
            }
          >
            <ul className="flex flex-col gap-2">
              {column.map((node) => (
                <li key={node.id}>
                  <NodeCard
                    node={node}
                    userApp={userApp}
                    selected={selected === node.id}
                    onSelect={onSelect && (() => onSelect(node.id))}
                  />
                </li>
              ))}
            </ul>
          </li>
        </Fragment>
      ))}
    </ol>
  );
}

function Arrow() {
  return (
    <svg viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M4 12h15M13 6l6 6-6 6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function NodeCard({
  node,
  userApp,
  selected,
  onSelect,
}: {
  node: WorkflowNode;
  userApp: UserApp;
  selected: boolean;
  onSelect: (() => void) | undefined;
}) {
  // Public models live in another app (clarifai/main); the node says so when it does.
  const owner = {
    userId: node.model.user_id ?? userApp.userId,
    appId: node.model.app_id ?? userApp.appId,
  };
  const model = useQuery({ ...modelQueryOptions(owner, node.model.id), enabled: !node.model.model_type_id });
  const modelType = node.model.model_type_id ?? model.data?.model_type_id;
  const inputs = node.node_inputs ?? [];
  const className = cn(
    'block min-w-44 rounded-lg border bg-white px-3 py-2 text-left shadow-xs',
    selected ? 'border-brand-600 ring-2 ring-brand-600/30' : 'border-slate-200',
    onSelect && 'hover:border-brand-400 focus-visible:outline-2 focus-visible:outline-brand-600',
  );
  const content = (
    <>
      <span className="flex items-center gap-2">
        <span className="text-sm font-semibold text-slate-900">{node.id}</span>
        {node.suppress_output ? <Badge>output hidden</Badge> : null}
      </span>
      <span className="block text-xs text-slate-600">{node.model.id}</span>
      <span className="block text-xs text-slate-500">
        {modelType ?? (model.isPending && !node.model.model_type_id ? 'type…' : 'type unknown')}
      </span>
      {inputs.length > 0 ? (
        <span className="mt-1 block text-[11px] text-slate-400">
          from {inputs.map((input) => input.node_id).join(', ')}
        </span>
      ) : null}
    </>
  );
  return onSelect ? (
    <button
      type="button"
      className={className}
      data-node-id={node.id}
      aria-pressed={selected}
      onClick={onSelect}
    >
      {content}
    </button>
  ) : (
    <div className={className} data-node-id={node.id}>
      {content}
    </div>
  );
}
