/**
 * Node-by-node pairing of two workflow versions, the spine of the comparison: every other diff is
 * computed per pair. Nodes pair by node id, then (for nodes renamed between versions) by model id.
 * Pairs come in workflow order: A's order, with each B-only node placed right after the node that
 * precedes it in B (after any removed nodes there, so a replaced step reads old, then new).
 *
 * Outputs carry no node id (API.md): output i belongs to the i-th node whose output is not
 * suppressed. `pairOutputs` applies that rule to each version's own nodes and hands the UI, per
 * pair, the A and B outputs and the time each took (`status.time_ms`, an engine extension).
 */
import type { Output, WorkflowNode } from '@contract/clarifai';

export type PairStatus = 'unchanged' | 'changed' | 'added' | 'removed';

export interface NodePair {
  /** Stable and unique within one comparison: A's node id, else B's. For React keys and exports. */
  key: string;
  a: WorkflowNode | undefined;
  b: WorkflowNode | undefined;
  status: PairStatus;
  /** How the two nodes were paired; null for added/removed nodes. */
  pairedBy: 'node-id' | 'model-id' | null;
  /** Human-readable differences ("model version 1a2b → 3c4d"); empty unless status is 'changed'. */
  changes: string[];
}

const NONE = '(none)';
const WORKFLOW_INPUT = '(workflow input)';

/** The parameters a node runs with: the model's own, overridden by the node's. */
export function effectiveParams(node: WorkflowNode): Record<string, unknown> {
  return { ...node.model.output_info?.params, ...node.output_info_override?.params };
}

/** JSON with sorted object keys, so `{a, b}` and `{b, a}` compare equal. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** A parameter value as a person reads it: strings bare, everything else as JSON. */
export function formatParam(value: unknown): string {
  if (value === undefined) return NONE;
  if (typeof value === 'string') return value;
  return stableJson(value);
}

function inputIds(node: WorkflowNode): string[] {
  return (node.node_inputs ?? []).map((input) => input.node_id);
}

function formatInputs(ids: readonly string[]): string {
  return ids.length === 0 ? WORKFLOW_INPUT : ids.join(', ');
}

/**
 * What differs between two paired nodes, one line each, in a fixed order: id, model, model
 * version, parameters (sorted by name), inputs, output suppression. `sameNode` maps a B node id to
 * the key of its pair, so inputs that point at a renamed node do not count as changed.
 */
export function nodeChanges(
  a: WorkflowNode,
  b: WorkflowNode,
  sameNode: (idA: string, idB: string) => boolean = (idA, idB) => idA === idB,
): string[] {
  const changes: string[] = [];
  if (a.id !== b.id) changes.push(`node id ${a.id} → ${b.id}`);
  if (a.model.id !== b.model.id) changes.push(`model ${a.model.id} → ${b.model.id}`);
  const versionA = a.model.model_version?.id;
  const versionB = b.model.model_version?.id;
  if (versionA !== versionB) changes.push(`model version ${versionA ?? NONE} → ${versionB ?? NONE}`);
  const paramsA = effectiveParams(a);
  const paramsB = effectiveParams(b);
  const names = [...new Set([...Object.keys(paramsA), ...Object.keys(paramsB)])].sort();
  for (const name of names) {
    const valueA = paramsA[name];
    const valueB = paramsB[name];
    if (stableJson(valueA) !== stableJson(valueB)) {
      changes.push(`param ${name} ${formatParam(valueA)} → ${formatParam(valueB)}`);
    }
  }
  const inputsA = inputIds(a);
  const inputsB = inputIds(b);
  const sameInputs =
    inputsA.length === inputsB.length &&
    inputsA.every((idA, i) => {
      const idB = inputsB[i];
      return idB !== undefined && sameNode(idA, idB);
    });
  if (!sameInputs) changes.push(`inputs ${formatInputs(inputsA)} → ${formatInputs(inputsB)}`);
  const suppressedA = a.suppress_output ?? false;
  const suppressedB = b.suppress_output ?? false;
  if (suppressedA !== suppressedB) {
    changes.push(`output ${suppressedA ? 'suppressed' : 'shown'} → ${suppressedB ? 'suppressed' : 'shown'}`);
  }
  return changes;
}

/**
 * Pairs the nodes of version A with those of version B. Ids first; then each A node still alone
 * takes the first B node still alone that runs the same model. A node id appearing twice in one
 * version (invalid, but seen in hand-written YAML) pairs once; the copy falls through to model id.
 */
export function pairNodes(nodesA: readonly WorkflowNode[], nodesB: readonly WorkflowNode[]): NodePair[] {
  const partnerOfA = new Map<number, number>();
  const partnerOfB = new Map<number, number>();
  const pairedBy = new Map<number, 'node-id' | 'model-id'>();
  const link = (i: number, j: number, how: 'node-id' | 'model-id') => {
    partnerOfA.set(i, j);
    partnerOfB.set(j, i);
    pairedBy.set(i, how);
  };
  nodesA.forEach((node, i) => {
    const j = nodesB.findIndex((other, index) => !partnerOfB.has(index) && other.id === node.id);
    if (j >= 0) link(i, j, 'node-id');
  });
  nodesA.forEach((node, i) => {
    if (partnerOfA.has(i)) return;
    const j = nodesB.findIndex((other, index) => !partnerOfB.has(index) && other.model.id === node.model.id);
    if (j >= 0) link(i, j, 'model-id');
  });

  // Inputs name nodes by id; two ids are "the same node" when they are partners.
  const indexA = new Map<string, number>();
  nodesA.forEach((node, i) => {
    if (!indexA.has(node.id)) indexA.set(node.id, i);
  });
  const indexB = new Map<string, number>();
  nodesB.forEach((node, j) => {
    if (!indexB.has(node.id)) indexB.set(node.id, j);
  });
  const sameNode = (idA: string, idB: string) => {
    const i = indexA.get(idA);
    const j = indexB.get(idB);
    if (i === undefined || j === undefined) return idA === idB;
    return partnerOfA.get(i) === j;
  };

  const usedKeys = new Set<string>();
  const uniqueKey = (id: string) => {
    let key = id;
    for (let n = 2; usedKeys.has(key); n += 1) key = `${id}#${n}`;
    usedKeys.add(key);
    return key;
  };

  const ordered: NodePair[] = nodesA.map((a, i) => {
    const j = partnerOfA.get(i);
    const b = j === undefined ? undefined : nodesB[j];
    if (!b) return { key: uniqueKey(a.id), a, b: undefined, status: 'removed', pairedBy: null, changes: [] };
    const changes = nodeChanges(a, b, sameNode);
    return {
      key: uniqueKey(a.id),
      a,
      b,
      status: changes.length > 0 ? 'changed' : 'unchanged',
      pairedBy: pairedBy.get(i) ?? null,
      changes,
    };
  });

  // Walk B in order, remembering where its previous node sits in `ordered`; each B-only node goes
  // right after it (a B-only node first in B goes first), past any removed nodes that follow it,
  // so a replaced step reads like a diff: the old node, then the new one.
  let previous = -1;
  nodesB.forEach((b, j) => {
    const i = partnerOfB.get(j);
    if (i !== undefined) {
      previous = ordered.findIndex((pair) => pair.a === nodesA[i]);
      return;
    }
    const pair: NodePair = {
      key: uniqueKey(b.id),
      a: undefined,
      b,
      status: 'added',
      pairedBy: null,
      changes: [],
    };
    let at = previous + 1;
    while (ordered[at]?.status === 'removed') at += 1;
    ordered.splice(at, 0, pair);
    previous = at;
  });
  return ordered;
}

/**
 * Each node's output, by the rule "output i is the i-th non-suppressed node". Suppressed nodes
 * (and nodes past the end of a short answer) get undefined. `modelMismatch` flags an output whose
 * `model.id` is not the node's model: the positional guess is probably wrong.
 */
export function outputsForNodes(
  nodes: readonly WorkflowNode[],
  outputs: readonly Output[],
): { node: WorkflowNode; output: Output | undefined; modelMismatch: boolean }[] {
  let next = 0;
  return nodes.map((node) => {
    if (node.suppress_output) return { node, output: undefined, modelMismatch: false };
    const output = outputs[next];
    next += 1;
    const modelId = output?.model?.id;
    return { node, output, modelMismatch: modelId !== undefined && modelId !== node.model.id };
  });
}

export interface ComparedPair extends NodePair {
  outputA: Output | undefined;
  outputB: Output | undefined;
  /** `status.time_ms` of each output; undefined when the side has no output or no timing. */
  timeMsA: number | undefined;
  timeMsB: number | undefined;
  /** B − A in milliseconds, when both are known (negative: B is faster). */
  timeDeltaMs: number | undefined;
  /** Either side's output names a model other than its node's. */
  modelMismatch: boolean;
}

/**
 * The pairs with their outputs and times, given each version's nodes (the same arrays passed to
 * `pairNodes`) and one result's outputs from each version's answer.
 */
export function pairOutputs(
  pairs: readonly NodePair[],
  sideA: { nodes: readonly WorkflowNode[]; outputs: readonly Output[] },
  sideB: { nodes: readonly WorkflowNode[]; outputs: readonly Output[] },
): ComparedPair[] {
  const byNodeA = new Map(outputsForNodes(sideA.nodes, sideA.outputs).map((entry) => [entry.node, entry]));
  const byNodeB = new Map(outputsForNodes(sideB.nodes, sideB.outputs).map((entry) => [entry.node, entry]));
  return pairs.map((pair) => {
    const entryA = pair.a ? byNodeA.get(pair.a) : undefined;
    const entryB = pair.b ? byNodeB.get(pair.b) : undefined;
    const timeMsA = entryA?.output?.status?.time_ms;
    const timeMsB = entryB?.output?.status?.time_ms;
    return {
      ...pair,
      outputA: entryA?.output,
      outputB: entryB?.output,
      timeMsA,
      timeMsB,
      timeDeltaMs: timeMsA !== undefined && timeMsB !== undefined ? timeMsB - timeMsA : undefined,
      modelMismatch: (entryA?.modelMismatch ?? false) || (entryB?.modelMismatch ?? false),
    };
  });
}

/** Pairing and outputs in one call: what the compare view needs for one input. */
export function compareNodes(
  sideA: { nodes: readonly WorkflowNode[]; outputs: readonly Output[] },
  sideB: { nodes: readonly WorkflowNode[]; outputs: readonly Output[] },
): ComparedPair[] {
  return pairOutputs(pairNodes(sideA.nodes, sideB.nodes), sideA, sideB);
}
