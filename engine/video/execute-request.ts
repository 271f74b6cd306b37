/**
 * A whole predict request: image and text inputs go through the executor together, as before; a
 * video input goes frame by frame (run-video.ts), side by side with them. Results come back in
 * request order, and `events` hears how far the work is.
 */
import type { WorkflowResult } from '../../contract/clarifai';
import type { MediaOptions } from '../media/prepare-input';
import { executeWorkflow, type ExecuteArgs } from '../workflows/executor';
import type { VideoOptions } from './options';
import { executeVideoInput, silentEvents, type RunEvents } from './run-video';

export interface RequestArgs extends ExecuteArgs {
  readonly media: MediaOptions;
  readonly video: VideoOptions;
  readonly events?: RunEvents;
}

export async function executeRequest(args: RequestArgs): Promise<WorkflowResult[]> {
  const events = args.events ?? silentEvents;
  const total = args.inputs.length;
  const results: (WorkflowResult | undefined)[] = args.inputs.map(() => undefined);
  let done = 0;
  const finished = (count: number) => {
    done += count;
    events.progress({ stage: 'inputs', done, total });
  };

  const batch: number[] = [];
  const work: Promise<void>[] = [];
  args.inputs.forEach((prepared, index) => {
    const source = prepared.ok ? prepared.input.video : undefined;
    if (!prepared.ok || !source) return batch.push(index);
    work.push(
      executeVideoInput({
        ...args,
        input: prepared.input,
        source,
        echo: prepared.echo,
        inputIndex: index,
        events,
      }).then((result) => {
        results[index] = result;
        finished(1);
      }),
    );
  });
  if (batch.length > 0) {
    const inputs = batch.flatMap((index) => args.inputs.slice(index, index + 1));
    work.push(
      executeWorkflow({
        ...args,
        inputs,
        onNodeDone: (node, nodesDone, nodesTotal) =>
          events.progress({ stage: 'nodes', done: nodesDone, total: nodesTotal, node }),
      }).then((batchResults) => {
        batch.forEach((index, position) => (results[index] = batchResults[position]));
        finished(batch.length);
      }),
    );
  }
  await Promise.all(work);

  return results.map((result, index) => {
    if (!result) throw new Error(`input ${index} was left without a result`);
    return result;
  });
}
