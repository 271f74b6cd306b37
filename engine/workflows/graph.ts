/**
 * The node graph rules (API.md): at most 20 nodes, unique ids, and a node may only read nodes
 * listed before it, which makes node order a valid execution order and rules out cycles.
 */
import { ID_PATTERN, MAX_NODES } from './format';

export interface GraphNode {
  readonly id: string;
  readonly node_inputs?: readonly { readonly node_id: string }[] | null | undefined;
}

/** Every problem found, as sentences for the client; empty when the graph is valid. */
export function validateGraph(nodes: readonly GraphNode[]): string[] {
  const problems: string[] = [];
  if (nodes.length === 0) problems.push('a workflow needs at least one node');
  if (nodes.length > MAX_NODES) problems.push(`a workflow has at most ${MAX_NODES} nodes, this one has ${nodes.length}`);
  const position = new Map<string, number>();
  nodes.forEach((node, index) => {
    if (!ID_PATTERN.test(node.id)) problems.push(`node id "${node.id}" is not a valid id`);
    if (position.has(node.id)) problems.push(`node id "${node.id}" is used twice`);
    else position.set(node.id, index);
  });
  nodes.forEach((node, index) => {
    const seen = new Set<string>();
    for (const { node_id } of node.node_inputs ?? []) {
      const parent = position.get(node_id);
      if (seen.has(node_id)) problems.push(`node "${node.id}" lists input "${node_id}" twice`);
      seen.add(node_id);
      if (parent === undefined) problems.push(`node "${node.id}" reads unknown node "${node_id}"`);
      else if (parent === index) problems.push(`node "${node.id}" reads itself`);
      else if (parent > index) problems.push(`node "${node.id}" reads "${node_id}", which comes after it`);
    }
  });
  return problems;
}

export interface PlannedNode<N extends GraphNode> {
  readonly node: N;
  readonly index: number;
  /** Indices of the nodes it reads, in `node_inputs` order; all smaller than `index`. */
  readonly parents: readonly number[];
}

export function planGraph<N extends GraphNode>(nodes: readonly N[]): PlannedNode<N>[] {
  const problems = validateGraph(nodes);
  if (problems.length > 0) throw new Error(`invalid workflow graph: ${problems.join('; ')}`);
  const position = new Map(nodes.map((node, index) => [node.id, index]));
  return nodes.map((node, index) => ({
    node,
    index,
    parents: (node.node_inputs ?? []).map(({ node_id }) => position.get(node_id) ?? -1),
  }));
}

