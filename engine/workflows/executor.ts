/**
 * Runs a workflow's node graph over a batch of inputs. Each node runs once per request with every
 * input that reached it (one runner call per node), as soon as all its parents are done, so
 * independent branches run side by side. Failures stay local: a failed input or node fails only
 * the outputs that depend on it.
 */
import { describeStatus, StatusCode } from '../../contract/clarifai';
import type { Data, Output, OutputConfig, Status, WorkflowResult } from '../../contract/clarifai';
import { newId } from '../ids';
import type { PreparedInput, InputPreparation } from '../media/types';
import type { ModelCatalog } from '../models/catalog';
import { errorMessage, RunnerFailure } from '../runners/failure';
import type { RunnerRegistry } from '../runners/registry';
import type { RunnerItemResult } from '../runners/types';
import { nodeParams, type FileNode } from './format';
import { planGraph, type PlannedNode } from './graph';
import { applyOutputConfig } from './output-config';
import { renderModelRef, type Owner } from './render';

export interface ExecuteArgs {
  readonly nodes: readonly FileNode[];
  readonly inputs: readonly InputPreparation[];
  readonly catalog: ModelCatalog;
  readonly runners: RunnerRegistry;
  readonly owner: Owner;
  readonly outputConfig: OutputConfig;
  readonly signal: AbortSignal;
  readonly now?: () => Date;
  /**
   * How long one runner call may take (`ENGINE_NODE_TIMEOUT_MS`): past it, that node's outputs
   * fail with 40032, its signal aborts, and the rest of the graph goes on. None = no limit.
   */
  readonly nodeTimeoutMs?: number;
  /** Hears each node finish (on every input that reached it), in the order they finish. */
  readonly onNodeDone?: (nodeId: string, done: number, total: number) => void;
}

/** What one node produced for one input. */
interface Outcome {
  readonly status: Status;
  readonly data?: Data;
  readonly finishedAt: Date;
}

export async function executeWorkflow(args: ExecuteArgs): Promise<WorkflowResult[]> {
  const now = args.now ?? (() => new Date());
  const plan = planGraph(args.nodes);
  const outcomes: Outcome[][] = plan.map(() => []);

  const tasks: Promise<void>[] = [];
  let nodesDone = 0;
  for (const planned of plan) {
    // Parents come earlier in node order, so their tasks already exist.
    const parentsDone = Promise.all(planned.parents.map((parent) => tasks[parent]));
    tasks.push(
      parentsDone
        .then(() => runNode(planned, plan, outcomes, args, now))
        .then(() => {
          nodesDone += 1;
          args.onNodeDone?.(planned.node.id, nodesDone, plan.length);
        }),
    );
  }
  await Promise.all(tasks);

  return args.inputs.map((prepared, inputIndex) => {
    const outputs: Output[] = plan
      .filter((planned) => !planned.node.suppress_output)
      .map((planned) => {
        const outcome = outcomes[planned.index]?.[inputIndex];
        if (!outcome) throw new Error(`node ${planned.node.id} left input ${inputIndex} without an outcome`);
        return {
          id: newId(),
          status: outcome.status,
          created_at: outcome.finishedAt.toISOString(),
          model: renderModelRef(planned.node, args.catalog, args.owner),
          data: outcome.data ?? {},
        };
      });
    const id = prepared.ok ? prepared.input.id : prepared.id;
    return { id: newId(), status: prepared.ok ? resultStatus(outputs) : prepared.status, input: { id, data: prepared.echo }, outputs };
  });
}

async function runNode(
  planned: PlannedNode<FileNode>,
  plan: readonly PlannedNode<FileNode>[],
  outcomes: Outcome[][],
  args: ExecuteArgs,
  now: () => Date,
): Promise<void> {
  const mine = outcomes[planned.index];
  if (!mine) throw new Error(`no outcome slot for node ${planned.node.id}`);
  const settle = (inputIndex: number, status: Status, data?: Data) => {
    mine[inputIndex] = { status, ...(data ? { data } : {}), finishedAt: now() };
  };

  // Decide, per input, whether this node can run on it.
  const ready: { inputIndex: number; input: PreparedInput; parents: Data[] }[] = [];
  args.inputs.forEach((prepared, inputIndex) => {
    if (!prepared.ok) return settle(inputIndex, { ...prepared.status, details: `input could not be used: ${prepared.status.details ?? ''}`.trim() });
    const parents: Data[] = [];
    for (const parentIndex of planned.parents) {
      const parent = outcomes[parentIndex]?.[inputIndex];
      if (!parent?.data || parent.status.code !== StatusCode.SUCCESS) {
        const parentId = plan[parentIndex]?.node.id ?? String(parentIndex);
        return settle(inputIndex, status(StatusCode.MODEL_PREDICTION_FAILED, `not run: its input node "${parentId}" failed`));
      }
      parents.push(parent.data);
    }
    ready.push({ inputIndex, input: prepared.input, parents });
  });
  if (ready.length === 0) return;
  const failAll = (failure: Status) => ready.forEach(({ inputIndex }) => settle(inputIndex, failure));

  const ref = planned.node.model;
  const model = args.catalog.get(ref.model_id);
  if (!model) return failAll(status(StatusCode.MODEL_DOES_NOT_EXIST, `model "${ref.model_id}" is not available in the local engine`));
  if (ref.model_version_id && ref.model_version_id !== model.versionId) {
    return failAll(
      status(StatusCode.MODEL_DOES_NOT_EXIST, `model "${ref.model_id}" version ${ref.model_version_id} is not available; the local engine serves version ${model.versionId}`),
    );
  }
  if (args.signal.aborted) return failAll(status(StatusCode.REQUEST_TIMEOUT, 'request was cancelled'));

  const runner = args.runners.runnerFor(model);
  try {
    await runner.load();
  } catch (error) {
    return failAll(failureStatus(error, StatusCode.MODEL_NOT_DEPLOYED, `model "${model.id}" could not be loaded`));
  }

  const params = { ...model.defaultParams, ...nodeParams(planned.node) };
  let results: RunnerItemResult[];
  // The node's own signal: the request's, plus its time limit.
  const node = new AbortController();
  const onAbort = () => node.abort(args.signal.reason);
  args.signal.addEventListener('abort', onAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  try {
    const running = runner.predict(
      ready.map(({ input, parents }) => ({ input, parents })),
      params,
      { signal: node.signal, outputConfig: args.outputConfig },
    );
    const limit = args.nodeTimeoutMs;
    const answer =
      limit === undefined
        ? await running
        : await Promise.race([
            running,
            new Promise<'timeout'>((resolve) => {
              timer = setTimeout(() => resolve('timeout'), limit);
            }),
          ]);
    if (answer === 'timeout') {
      // A runner that ignores its signal may still settle later: nobody is waiting for it.
      running.catch(() => undefined);
      node.abort(new Error(`model "${model.id}" took longer than ${limit} ms`));
      return failAll(
        status(
          StatusCode.REQUEST_TIMEOUT,
          `model "${model.id}" did not answer within ${limit} ms (ENGINE_NODE_TIMEOUT_MS): its work was stopped`,
        ),
      );
    }
    results = answer;
  } catch (error) {
    return failAll(failureStatus(error, StatusCode.MODEL_PREDICTION_FAILED, `model "${model.id}" failed`));
  } finally {
    clearTimeout(timer);
    args.signal.removeEventListener('abort', onAbort);
  }
  if (results.length !== ready.length) {
    return failAll(status(StatusCode.INTERNAL, `model "${model.id}" answered ${results.length} results for ${ready.length} inputs`));
  }
  ready.forEach(({ inputIndex }, position) => {
    const result = results[position];
    if (!result) return;
    const timing = result.timeMs === undefined ? {} : { time_ms: Math.round(result.timeMs * 100) / 100 };
    if ('error' in result) {
      const { code, description, details } = result.error;
      settle(inputIndex, { code, description: description ?? describeStatus(code), ...(details ? { details } : {}), ...timing });
    } else {
      settle(inputIndex, { ...status(StatusCode.SUCCESS), ...timing }, applyOutputConfig(result.data, args.outputConfig));
    }
  });
}

function status(code: number, details?: string): Status {
  return { code, description: describeStatus(code), ...(details ? { details } : {}) };
}

function failureStatus(error: unknown, fallbackCode: number, context: string): Status {
  if (error instanceof RunnerFailure) return status(error.code, error.details);
  return status(fallbackCode, `${context}: ${errorMessage(error)}`);
}

/** One input's status from its outputs: all ok, some failed (mixed), or all failed. */
export function resultStatus(outputs: readonly Output[]): Status {
  const failed = outputs.filter((output) => output.status?.code !== StatusCode.SUCCESS).length;
  if (failed === 0) return status(StatusCode.SUCCESS);
  return status(failed === outputs.length ? StatusCode.FAILURE : StatusCode.MIXED_STATUS);
}

/** The request's status from its results (API.md: 10000, 10010, or 10020 when every input failed). */
export function summariseResults(results: readonly WorkflowResult[]): Status {
  const ok = results.filter((result) => result.status?.code === StatusCode.SUCCESS).length;
  const usable = results.filter((result) => result.status?.code === StatusCode.SUCCESS || result.status?.code === StatusCode.MIXED_STATUS).length;
  if (ok === results.length) return status(StatusCode.SUCCESS);
  if (usable === 0) return status(StatusCode.FAILURE);
  return status(StatusCode.MIXED_STATUS);
}
