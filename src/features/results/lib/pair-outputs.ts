/**
 * Which node made which output. Outputs carry no node id: output i belongs to the i-th node whose
 * output is not suppressed (API.md). The model id cross-checks that guess; when it disagrees, the
 * first unclaimed node running that model is taken instead, and the pair is marked.
 */
import type { Output, WorkflowNode } from '@contract/clarifai';

export interface PairedOutput {
  output: Output;
  /** Position among the outputs, for keys and for "Output 3" when no node is known. */
  index: number;
  node: WorkflowNode | undefined;
  /** True when neither the position nor the model id found a node with this output's model. */
  modelMismatch: boolean;
}

export function pairOutputsWithNodes(outputs: readonly Output[], nodes: readonly WorkflowNode[] | undefined): PairedOutput[] {
  const visible = (nodes ?? []).filter((node) => !node.suppress_output);
  const claimed = new Set<number>();
  const pairs = outputs.map((output, index) => {
    const modelId = output.model?.id;
    const byPosition = visible[index];
    if (byPosition && (!modelId || byPosition.model.id === modelId)) {
      claimed.add(index);
      return { output, index, node: byPosition, modelMismatch: false };
    }
    return { output, index, node: undefined, modelMismatch: false };
  });
  // Second pass, so a stray output cannot steal a node from the output that sits at its position.
  return pairs.map((pair) => {
    if (pair.node || visible.length === 0) return pair;
    const modelId = pair.output.model?.id;
    const found = visible.findIndex((node, i) => !claimed.has(i) && node.model.id === modelId);
    if (found >= 0) {
      claimed.add(found);
      return { ...pair, node: visible[found] };
    }
    const fallback = claimed.has(pair.index) ? undefined : visible[pair.index];
    if (fallback) claimed.add(pair.index);
    return { ...pair, node: fallback, modelMismatch: fallback !== undefined };
  });
}

export function pairTitle(pair: PairedOutput): string {
  return pair.node?.id ?? pair.output.model?.id ?? `Output ${pair.index + 1}`;
}
