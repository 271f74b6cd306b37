/**
 * What one output's renderers may borrow from the rest of the answer: crops another node made
 * for the same regions, and the same node's output for the other inputs.
 */
import type { Image, Output, WorkflowNode } from '@contract/clarifai';
import { pairOutputsWithNodes, pairTitle } from '@/features/results/lib/pair-outputs';
import type { InputResult } from '@/features/results/lib/normalise';
import type { PeerData, RelatedData } from '@/features/results/renderers/types';
import { BYTES_MARKER } from '@contract/clarifai';

/** Every region image of an input's outputs, by region id (the crop node's, in Face-Sentiment). */
export function regionCropsOf(outputs: readonly Output[]): Map<string, Image> {
  const crops = new Map<string, Image>();
  for (const output of outputs) {
    for (const region of output.data?.regions ?? []) {
      const image = region.data?.image;
      if (
        region.id &&
        image &&
        (image.url || (image.base64 && image.base64 !== BYTES_MARKER)) &&
        !crops.has(region.id)
      ) {
        crops.set(region.id, image);
      }
    }
  }
  return crops;
}

/**
 * For every input, each output's related data. Outputs of different inputs belong to the same
 * node when they pair with the same node (or, with no nodes known, sit at the same position).
 */
export function relatedData(
  inputs: readonly InputResult[],
  nodes: readonly WorkflowNode[] | undefined,
): RelatedData[][] {
  const paired = inputs.map((input) => pairOutputsWithNodes(input.outputs, nodes));
  const keyOf = (pair: (typeof paired)[number][number]) =>
    pair.node?.id ?? `${pairTitle(pair)}#${pair.index}`;
  const peers = new Map<string, PeerData[]>();
  paired.forEach((pairs, inputIndex) => {
    for (const pair of pairs) {
      if (!pair.output.data) continue;
      const list = peers.get(keyOf(pair)) ?? [];
      list.push({ inputIndex, data: pair.output.data });
      peers.set(keyOf(pair), list);
    }
  });
  return paired.map((pairs, inputIndex) => {
    const regionCrops = regionCropsOf(inputs[inputIndex]?.outputs ?? []);
    return pairs.map((pair) => ({ regionCrops, peers: peers.get(keyOf(pair)) ?? [], inputIndex }));
  });
}
