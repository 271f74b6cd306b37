/**
 * One shape for both predict answers: a workflow's (`results[]`, one per input, each with the
 * nodes' outputs) and a model's (`outputs[]` straight on the response, each naming its input).
 */
import type { Input, Output, Status, WorkflowNode } from '@contract/clarifai';
import type { PredictResponse } from '@/lib/predict-response';

export interface InputResult {
  /** Stable React key: the input id, else its position. */
  key: string;
  index: number;
  input: Input | undefined;
  /** The input's own status; a model response has none (each output carries one). */
  status: Status | undefined;
  outputs: Output[];
}

export interface NormalisedResponse {
  shape: 'workflow' | 'model';
  status: Status;
  inputs: InputResult[];
  /** The nodes the response names, when it names them (Clarifai's cloud often does not). */
  nodes: WorkflowNode[] | undefined;
}

export function normalisePredictResponse(response: PredictResponse): NormalisedResponse {
  const nodes = response.workflow?.nodes?.length ? response.workflow.nodes : undefined;
  if (response.results || !response.outputs) {
    return {
      shape: 'workflow',
      status: response.status,
      nodes,
      inputs: (response.results ?? []).map((result, index) => ({
        key: result.input?.id ?? `input-${index}`,
        index,
        input: result.input,
        status: result.status,
        outputs: result.outputs ?? [],
      })),
    };
  }
  // A model answers one output per input; group them back under their input, in order.
  const groups = new Map<string, InputResult>();
  response.outputs.forEach((output, position) => {
    const key = output.input?.id ?? `input-${position}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, index: groups.size, input: output.input, status: undefined, outputs: [] };
      groups.set(key, group);
    }
    group.outputs.push(output);
  });
  return { shape: 'model', status: response.status, nodes, inputs: [...groups.values()] };
}
