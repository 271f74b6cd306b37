/**
 * One video input through a workflow: the video is sampled into frames (frames.ts) and every frame
 * runs through the whole graph as an image input, reusing the executor, so chains such as
 * detector → crop → classifier work per frame. A bounded number of frames is in flight at once;
 * the rest wait in ffmpeg's pipe. Answers are regrouped per node into Clarifai's
 * `data.frames[] = [{id, frame_info: {index, time}, data}]`, in frame order, empty frames included.
 */
import { describeStatus, StatusCode } from '../../contract/clarifai';
import type { Data, Output, OutputConfig, Status, WorkflowResult } from '../../contract/clarifai';
import type { FrameLine, ProgressLine } from '../../contract/lens-stream';
import { newId } from '../ids';
import { MediaError } from '../media/media-error';
import type { MediaOptions } from '../media/prepare-input';
import type { MediaSource, PreparedInput } from '../media/types';
import type { ModelCatalog } from '../models/catalog';
import type { RunnerRegistry } from '../runners/registry';
import { errorMessage } from '../runners/failure';
import { executeWorkflow, resultStatus } from '../workflows/executor';
import type { FileNode } from '../workflows/format';
import { planGraph } from '../workflows/graph';
import { renderModelRef, type Owner } from '../workflows/render';
import { sampleFrames, type FrameStream, type VideoFrame } from './frames';
import type { VideoOptions } from './options';
import { probeVideo } from './probe';
import { planFrames } from './sampling';
import { openVideoFile, type VideoFile } from './source';

/** What a streaming client is told as the work goes (contract/lens-stream.ts). */
export interface RunEvents {
  progress(progress: ProgressLine['progress']): void;
  frame(frame: FrameLine['frame']): void;
}

export const silentEvents: RunEvents = { progress: () => undefined, frame: () => undefined };

export interface VideoRunArgs {
  readonly nodes: readonly FileNode[];
  readonly input: PreparedInput;
  readonly source: MediaSource;
  /** The input as echoed in the result (uploaded bytes replaced by the marker). */
  readonly echo: Data;
  readonly inputIndex: number;
  readonly catalog: ModelCatalog;
  readonly runners: RunnerRegistry;
  readonly owner: Owner;
  readonly outputConfig: OutputConfig;
  readonly signal: AbortSignal;
  readonly media: MediaOptions;
  readonly video: VideoOptions;
  readonly events: RunEvents;
  readonly now?: () => Date;
  /** Each runner call's time limit, per frame (see ExecuteArgs). */
  readonly nodeTimeoutMs?: number;
}

/** One frame's answer: its outputs, one per non-suppressed node, as the executor made them. */
interface FrameAnswer {
  readonly id: string;
  readonly index: number;
  readonly timeMs: number;
  readonly outputs: readonly Output[];
}

export async function executeVideoInput(args: VideoRunArgs): Promise<WorkflowResult> {
  const now = args.now ?? (() => new Date());
  const shown = planGraph(args.nodes).filter((planned) => !planned.node.suppress_output);
  // Frame lines and the final response name each output by the same id.
  const outputIds = shown.map(() => newId());
  const stop = new AbortController();
  const signal = AbortSignal.any([args.signal, stop.signal]);

  let file: VideoFile | undefined;
  let frames: FrameStream | undefined;
  const inFlight = new Set<Promise<void>>();
  const answers: FrameAnswer[] = [];
  let emitting = true;
  try {
    // Said at once: a download and a probe come before the number of frames is known.
    args.events.progress({ stage: 'frames', done: 0, total: null });
    file = await openVideoFile(args.source, args.media, { tempDir: args.video.tempDir, signal });
    const info = await probeVideo(file.path, args.video.tools, {
      signal,
      maxDurationMs: args.media.limits.videoDurationMs,
    });
    const plan = planFrames(info.durationMs, args.outputConfig.sample_ms);
    args.events.progress({ stage: 'frames', done: 0, total: plan.count });
    frames = sampleFrames(file.path, plan, {
      tools: args.video.tools,
      signal,
      maxBuffered: args.video.maxBufferedFrames,
    });

    // Frames may finish out of order (parallel workers); they are told in order.
    let told = 0;
    const tell = () => {
      for (let answer = answers[told]; answer && emitting; answer = answers[told]) {
        args.events.frame({
          input_index: args.inputIndex,
          frame_info: { index: answer.index, time: answer.timeMs },
          outputs: answer.outputs.map((output, j) => ({ ...output, id: outputIds[j] ?? newId() })),
        });
        told += 1;
        args.events.progress({ stage: 'frames', done: told, total: plan.count });
      }
    };
    for await (const frame of frames) {
      const task = answerFrame(frame, args, signal, now).then((answer) => {
        answers[answer.index] = answer;
        tell();
      });
      inFlight.add(task);
      void task.catch(() => undefined).finally(() => inFlight.delete(task));
      while (inFlight.size >= args.video.framesInFlight) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } catch (error) {
    emitting = false;
    stop.abort();
    await Promise.allSettled(inFlight);
    return failedResult(args, failureStatus(error, args.signal), outputIds, now);
  } finally {
    await frames?.close();
    await file?.dispose();
  }

  const outputs: Output[] = shown.map((planned, j) => ({
    id: outputIds[j] ?? newId(),
    status: nodeStatus(answers, j),
    created_at: now().toISOString(),
    model: renderModelRef(planned.node, args.catalog, args.owner),
    data: {
      frames: answers.map((answer) => ({
        id: answer.id,
        frame_info: { index: answer.index, time: answer.timeMs },
        data: answer.outputs[j]?.data ?? {},
      })),
    },
  }));
  return {
    id: newId(),
    status: resultStatus(outputs),
    input: { id: args.input.id, data: args.echo },
    outputs,
  };
}

/** Runs one frame through the graph as if it were an image input. */
async function answerFrame(
  frame: VideoFrame,
  args: VideoRunArgs,
  signal: AbortSignal,
  now: () => Date,
): Promise<FrameAnswer> {
  const { bytes, width, height } = frame.image;
  const input: PreparedInput = {
    id: args.input.id,
    // Runners read `image`; `data` only describes the frame (there are no client bytes to echo).
    data: { image: { image_info: { width, height, format: 'JPEG' } } },
    image: { bytes, format: 'jpeg', width, height, orientation: 1 },
  };
  const [result] = await executeWorkflow({
    nodes: args.nodes,
    inputs: [{ ok: true, input, echo: {} }],
    catalog: args.catalog,
    runners: args.runners,
    owner: args.owner,
    outputConfig: args.outputConfig,
    signal,
    now,
    ...(args.nodeTimeoutMs !== undefined ? { nodeTimeoutMs: args.nodeTimeoutMs } : {}),
  });
  return { id: newId(), index: frame.index, timeMs: frame.timeMs, outputs: result?.outputs ?? [] };
}

/** Success if every frame succeeded, else the first failing frame's status, naming that frame. */
function nodeStatus(answers: readonly FrameAnswer[], j: number): Status {
  const spent = answers.reduce((sum, answer) => sum + (answer.outputs[j]?.status?.time_ms ?? 0), 0);
  const timing = { time_ms: Math.round(spent * 100) / 100 };
  const failed = answers.find((answer) => answer.outputs[j]?.status?.code !== StatusCode.SUCCESS);
  const failure = failed?.outputs[j]?.status;
  if (!failed)
    return { code: StatusCode.SUCCESS, description: describeStatus(StatusCode.SUCCESS), ...timing };
  const code = failure?.code ?? StatusCode.INTERNAL;
  const reason = failure?.details ?? failure?.description ?? describeStatus(code);
  return {
    code,
    description: describeStatus(code),
    details: `frame ${failed.index} (${failed.timeMs} ms): ${reason}`,
    ...timing,
  };
}

function failureStatus(error: unknown, requestSignal: AbortSignal): Status {
  const status = (code: number, details: string): Status => ({
    code,
    description: describeStatus(code),
    details,
  });
  if (requestSignal.aborted) return status(StatusCode.REQUEST_TIMEOUT, 'request was cancelled');
  if (error instanceof MediaError) return status(error.code, error.message);
  console.error('engine: a video could not be processed', error);
  return status(StatusCode.INTERNAL, `video could not be processed: ${errorMessage(error)}`);
}

/** The input failed as a whole: every output answers its status, as for an unusable image. */
async function failedResult(
  args: VideoRunArgs,
  status: Status,
  outputIds: readonly string[],
  now: () => Date,
): Promise<WorkflowResult> {
  const [result] = await executeWorkflow({
    nodes: args.nodes,
    inputs: [{ ok: false, id: args.input.id, echo: args.echo, status }],
    catalog: args.catalog,
    runners: args.runners,
    owner: args.owner,
    outputConfig: args.outputConfig,
    signal: args.signal,
    now,
    ...(args.nodeTimeoutMs !== undefined ? { nodeTimeoutMs: args.nodeTimeoutMs } : {}),
  });
  if (!result) throw new Error('the executor answered no result for a failed video');
  return {
    ...result,
    outputs: (result.outputs ?? []).map((output, j) => ({ ...output, id: outputIds[j] ?? output.id })),
  };
}
