/**
 * The answer so far of a streamed prediction (contract/lens-stream.ts): frame lines gathered into
 * the shape of the final response, one output per node holding `data.frames[]` in frame order,
 * so the results pane draws a partial answer with the same renderers as the final one.
 *
 * Each snapshot is a new response with new arrays (React sees the change) around the same frame
 * objects (renderers that cache per frame keep their work), and costs one copy of each list:
 * cheap next to drawing it, and the caller decides how often to take one.
 */
import { StatusCode, type Frame, type Model, type Output } from '@contract/clarifai';
import type { FrameLine } from '@contract/lens-stream';
import type { PredictResponse } from '@/lib/predict-response';

interface NodeFrames {
  id: string | undefined;
  model: Model | undefined;
  frames: Frame[];
}

export interface ResultsAccumulator {
  /** Adds one frame line's outputs to their nodes. */
  add: (frame: FrameLine['frame']) => void;
  /** How many frame lines were added. */
  readonly frameCount: number;
  /** The answer so far, as a response with one result per input up to the last one seen. */
  snapshot: () => PredictResponse;
}

export const IN_PROGRESS_DESCRIPTION = 'In progress';

export function createResultsAccumulator(): ResultsAccumulator {
  const inputs: NodeFrames[][] = [];
  let frameCount = 0;
  return {
    add: ({ input_index: inputIndex, frame_info: frameInfo, outputs }) => {
      const nodes = (inputs[inputIndex] ??= []);
      outputs.forEach((output, j) => {
        const node = (nodes[j] ??= { id: output.id, model: output.model, frames: [] });
        node.frames.push({ frame_info: frameInfo, data: output.data ?? {} });
      });
      frameCount += 1;
    },
    get frameCount() {
      return frameCount;
    },
    snapshot: () => ({
      status: { code: StatusCode.SUCCESS, description: IN_PROGRESS_DESCRIPTION },
      results: Array.from(inputs, (nodes) => ({
        outputs: (nodes ?? []).map((node): Output => ({
          ...(node.id === undefined ? {} : { id: node.id }),
          ...(node.model === undefined ? {} : { model: node.model }),
          data: { frames: [...node.frames] },
        })),
      })),
    }),
  };
}
