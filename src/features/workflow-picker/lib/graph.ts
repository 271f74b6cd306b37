import type { WorkflowNode } from '@contract/clarifai';

/**
 * The workflow graph in columns: a node sits one column right of the furthest node it reads, so
 * nodes in the same column run side by side (parallel branches) and arrows always point right.
 * Nodes reading an unknown id are treated as reading the workflow input.
 */
export function layerNodes(nodes: readonly WorkflowNode[]): WorkflowNode[][] {
  const depth = new Map<string, number>();
  for (const node of nodes) {
    // A node may only read nodes before it (API.md), so one pass in order is enough.
    const inputs = node.node_inputs ?? [];
    const d = inputs.reduce((max, input) => Math.max(max, (depth.get(input.node_id) ?? -1) + 1), 0);
    depth.set(node.id, d);
  }
  const columns: WorkflowNode[][] = [];
  for (const node of nodes) {
    const d = depth.get(node.id) ?? 0;
    (columns[d] ??= []).push(node);
  }
  return columns.filter((column) => column.length > 0);
}
