/** `/workflows`: list, get, versions, PATCH (new version) and predict (`results`). */
import { Hono, type Context } from 'hono';
import {
  describeStatus,
  MAX_INPUTS_PER_REQUEST,
  PatchWorkflowsRequest,
  PostWorkflowResultsRequest,
  SAMPLE_MS,
  StatusCode,
  type MultiWorkflowResponse,
  type MultiWorkflowVersionResponse,
  type PostWorkflowResultsResponse,
  type SingleWorkflowResponse,
  type SingleWorkflowVersionResponse,
  type Status,
} from '../../../contract/clarifai';
import { prepareInput } from '../../media/prepare-input';
import { executeRequest } from '../../video/execute-request';
import { videoOptions } from '../../video/options';
import { silentEvents, type RunEvents } from '../../video/run-video';
import { summariseResults } from '../../workflows/executor';
import { FileNode, fileNodeFromApi } from '../../workflows/format';
import { validateGraph } from '../../workflows/graph';
import { renderVersion, renderWorkflow, type Owner } from '../../workflows/render';
import type { StoredVersion, StoredWorkflow } from '../../workflows/store';
import { parseSpooledBody, readJsonBody } from '../body';
import { withDeadline } from '../deadline';
import type { AppDeps, AppEnv } from '../deps';
import type { Release } from '../load-gate';
import { notServed, resolveOwner } from '../owner';
import { pageOf, readPage } from '../pagination';
import { fail, reply } from '../reply';
import { ndjsonResponse, wantsNdjson, type Answer } from '../stream';

const OK: Status = { code: StatusCode.SUCCESS };

/** `longForm` routes sit under `/users/{u}/apps/{a}`; only they may pin a version for predict. */
export function workflowRoutes(deps: AppDeps, { longForm }: { longForm: boolean }): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  /** The workflow named in the path, or the response to send when the owner or id is unknown. */
  function findWorkflow(
    c: Context<AppEnv>,
    owner: { owner: Owner; served: boolean },
  ): StoredWorkflow | Response {
    const found = lookupWorkflow(c, owner);
    return 'workflow' in found ? found.workflow : reply(c, found.status);
  }

  function lookupWorkflow(
    c: Context<AppEnv>,
    owner: { owner: Owner; served: boolean },
  ): { workflow: StoredWorkflow } | { status: Status } {
    const id = c.req.param('workflow_id') ?? '';
    if (!owner.served) return { status: problem(StatusCode.WORKFLOW_DOES_NOT_EXIST, notServed(owner.owner)) };
    const workflow = deps.store.get(id);
    if (!workflow)
      return { status: problem(StatusCode.WORKFLOW_DOES_NOT_EXIST, `workflow "${id}" does not exist`) };
    return { workflow };
  }

  routes.get('/workflows', (c) => {
    const owner = resolveOwner(c, deps);
    if (!owner.served) return fail(c, StatusCode.CONN_DOES_NOT_EXIST, notServed(owner.owner));
    const page = readPage(c);
    if (typeof page === 'string') return fail(c, StatusCode.CONN_INVALID_REQUEST, page);
    const workflows = pageOf(deps.store.list(), page).map((workflow) =>
      renderWorkflow(workflow, deps.catalog, owner.owner),
    );
    return reply(c, OK, { workflows } satisfies Omit<MultiWorkflowResponse, 'status'>);
  });

  routes.get('/workflows/:workflow_id', (c) => {
    const owner = resolveOwner(c, deps);
    const workflow = findWorkflow(c, owner);
    if (workflow instanceof Response) return workflow;
    return reply(c, OK, { workflow: renderWorkflow(workflow, deps.catalog, owner.owner) } satisfies Omit<
      SingleWorkflowResponse,
      'status'
    >);
  });

  routes.get('/workflows/:workflow_id/versions', (c) => {
    const owner = resolveOwner(c, deps);
    const workflow = findWorkflow(c, owner);
    if (workflow instanceof Response) return workflow;
    const page = readPage(c);
    if (typeof page === 'string') return fail(c, StatusCode.CONN_INVALID_REQUEST, page);
    const workflow_versions = pageOf(workflow.versions, page).map((version) =>
      renderVersion(version, deps.catalog, owner.owner),
    );
    return reply(c, OK, { workflow_versions } satisfies Omit<MultiWorkflowVersionResponse, 'status'>);
  });

  routes.get('/workflows/:workflow_id/versions/:version_id', (c) => {
    const owner = resolveOwner(c, deps);
    const workflow = findWorkflow(c, owner);
    if (workflow instanceof Response) return workflow;
    const version = findVersion(c, workflow);
    if (version instanceof Response) return version;
    return reply(c, OK, {
      workflow_version: renderVersion(version, deps.catalog, owner.owner),
    } satisfies Omit<SingleWorkflowVersionResponse, 'status'>);
  });

  routes.patch('/workflows', async (c) => {
    const body = await readJsonBody(c, PatchWorkflowsRequest);
    if (!body.ok) return body.response;
    const owner = resolveOwner(c, deps, body.value.user_app_id);
    if (!owner.served) return fail(c, StatusCode.CONN_DOES_NOT_EXIST, notServed(owner.owner));
    const action = body.value.action ?? 'overwrite';
    if (action !== 'overwrite') {
      return fail(
        c,
        StatusCode.CONN_INVALID_REQUEST,
        `action "${action}" is not supported: the local engine only does "overwrite" (a new version)`,
      );
    }

    // Check every workflow before writing any, so a PATCH applies whole or not at all.
    const planned: { workflow: StoredWorkflow; nodes: FileNode[]; description?: string }[] = [];
    for (const entry of body.value.workflows) {
      const workflow = deps.store.get(entry.id);
      if (!workflow)
        return fail(c, StatusCode.WORKFLOW_DOES_NOT_EXIST, `workflow "${entry.id}" does not exist`);
      if (planned.some((p) => p.workflow.id === entry.id)) {
        return fail(c, StatusCode.CONN_INVALID_REQUEST, `workflow "${entry.id}" appears twice`);
      }
      const nodes: FileNode[] = [];
      for (const node of entry.nodes ?? []) {
        const parsed = FileNode.safeParse(fileNodeFromApi(node));
        if (!parsed.success) {
          return fail(
            c,
            StatusCode.CONN_INVALID_REQUEST,
            `workflow "${entry.id}" node "${node.id}": ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
          );
        }
        nodes.push(parsed.data);
      }
      const problems = validateGraph(nodes);
      if (problems.length > 0)
        return fail(c, StatusCode.CONN_INVALID_REQUEST, `workflow "${entry.id}": ${problems.join('; ')}`);
      planned.push({
        workflow,
        nodes,
        ...(entry.description !== undefined ? { description: entry.description } : {}),
      });
    }

    const written: StoredVersion[] = [];
    for (const { workflow, nodes, description } of planned) {
      written.push(
        await deps.store.addVersion(workflow.id, {
          nodes,
          ...(description !== undefined ? { workflowDescription: description } : {}),
        }),
      );
    }
    const workflows = written.flatMap((version) => {
      const workflow = deps.store.get(version.workflowId);
      return workflow ? [renderWorkflow(workflow, deps.catalog, owner.owner)] : [];
    });
    return reply(c, OK, { workflows } satisfies Omit<MultiWorkflowResponse, 'status'>);
  });

  /**
   * Predict. With `Accept: application/x-ndjson` the answer is streamed (../stream.ts): progress
   * and per-frame lines, then this same response as the last line.
   */
  const predict = async (c: Context<AppEnv>, pinned: boolean) => {
    // Admitted before the body is read: reading a 170 MB body is part of the load being bounded.
    const admitted = await admit(c);
    if (admitted instanceof Response) return admitted;
    const release = admitted;
    const timeoutMs = deps.requestTimeoutMs;
    let streaming = false;
    let dispose: () => Promise<void> = () => Promise.resolve();
    try {
      // Read as a stream: an uploaded video's base64 goes to a temporary file as it arrives, so a
      // 128 MB upload is never held whole (spool-body.ts). The files go once the answer is made.
      const body = await parseSpooledBody(c, PostWorkflowResultsRequest, {
        tempDir: videoOptions(deps.video).tempDir,
        maxBytes: deps.media.limits.mediaBytes,
      });
      if (body.ok) dispose = body.dispose;
      if (!wantsNdjson(c)) {
        const answer = await withDeadline(
          (signal) => answerPredict(c, pinned, body, signal, silentEvents),
          c.req.raw.signal,
          timeoutMs,
        );
        return reply(c, answer.status, answer.body);
      }
      streaming = true;
      return ndjsonResponse(c, (emit, signal) =>
        withDeadline(
          (deadline) =>
            answerPredict(c, pinned, body, deadline, {
              progress: (progress) => emit({ progress }),
              frame: (frame) => emit({ frame }),
            }),
          signal,
          timeoutMs,
        ).finally(async () => {
          release();
          await dispose();
        }),
      );
    } finally {
      // A streamed answer holds its slot until its last line; a plain one until it is answered.
      if (!streaming) {
        release();
        await dispose();
      }
    }
  };

  /** A slot in the load gate, or the 429 (queue full) to answer at once. */
  async function admit(c: Context<AppEnv>): Promise<Release | Response> {
    if (!deps.gate) return () => undefined;
    const entered = deps.gate.enter(c.req.raw.signal);
    if (!entered) {
      const { maxConcurrent, maxQueued } = deps.gate.options;
      const response = fail(
        c,
        StatusCode.CONN_THROTTLED,
        `the engine is busy: ${maxConcurrent} predictions running and ${maxQueued} waiting (ENGINE_MAX_CONCURRENT, ENGINE_MAX_QUEUED); retry in a moment`,
      );
      response.headers.set('retry-after', '1');
      return response;
    }
    try {
      return await entered;
    } catch {
      return fail(c, StatusCode.REQUEST_TIMEOUT, 'the client went away while the request was waiting');
    }
  }

  async function answerPredict(
    c: Context<AppEnv>,
    pinned: boolean,
    body: Awaited<ReturnType<typeof parseSpooledBody<typeof PostWorkflowResultsRequest>>>,
    signal: AbortSignal,
    events: RunEvents,
  ): Promise<Answer> {
    if (!body.ok) return { status: problem(StatusCode.CONN_MALFORMED, body.details) };
    const owner = resolveOwner(c, deps, body.value.user_app_id);
    const found = lookupWorkflow(c, owner);
    if (!('workflow' in found)) return found;
    const { workflow } = found;
    const version = pinned ? lookupVersion(c, workflow) : { version: workflow.versions[0] };
    if (!('version' in version)) return version;
    if (!version.version) {
      return {
        status: problem(StatusCode.WORKFLOW_DOES_NOT_EXIST, `workflow "${workflow.id}" has no version`),
      };
    }

    const { inputs, output_config: outputConfig = {} } = body.value;
    const invalid = checkPredictRequest(body.value);
    if (invalid) return { status: problem(StatusCode.PREDICT_INVALID_REQUEST, invalid) };

    events.progress({ stage: 'inputs', done: 0, total: inputs.length });
    const prepared = await Promise.all(
      inputs.map((input, index) => prepareInput(input, deps.media, signal, body.videos.get(index))),
    );
    const results = await executeRequest({
      nodes: version.version.nodes,
      inputs: prepared,
      catalog: deps.catalog,
      runners: deps.runners,
      owner: owner.owner,
      outputConfig,
      signal,
      media: deps.media,
      video: videoOptions(deps.video),
      events,
      ...(deps.nodeTimeoutMs !== undefined ? { nodeTimeoutMs: deps.nodeTimeoutMs } : {}),
      ...(deps.now ? { now: deps.now } : {}),
    });
    const response: Omit<PostWorkflowResultsResponse, 'status'> = {
      workflow: renderWorkflow(workflow, deps.catalog, owner.owner, version.version),
      results,
    };
    return { status: summariseResults(results), body: response };
  }

  routes.post('/workflows/:workflow_id/results', (c) => predict(c, false));
  if (longForm) routes.post('/workflows/:workflow_id/versions/:version_id/results', (c) => predict(c, true));

  return routes;
}

function findVersion(c: Context<AppEnv>, workflow: StoredWorkflow): StoredVersion | Response {
  const found = lookupVersion(c, workflow);
  return 'version' in found ? found.version : reply(c, found.status);
}

function lookupVersion(
  c: Context<AppEnv>,
  workflow: StoredWorkflow,
): { version: StoredVersion } | { status: Status } {
  const id = c.req.param('version_id') ?? '';
  const version = workflow.versions.find((candidate) => candidate.id === id);
  if (!version)
    return {
      status: problem(StatusCode.CONN_DOES_NOT_EXIST, `workflow "${workflow.id}" has no version "${id}"`),
    };
  return { version };
}

/** Why a predict request cannot run at all (40001), or undefined. */
function checkPredictRequest({
  inputs,
  output_config: outputConfig,
}: PostWorkflowResultsRequest): string | undefined {
  if (inputs.length === 0 || inputs.length > MAX_INPUTS_PER_REQUEST) {
    return `a request takes 1 to ${MAX_INPUTS_PER_REQUEST} inputs, this one has ${inputs.length}`;
  }
  const sampleMs = outputConfig?.sample_ms;
  if (
    sampleMs !== undefined &&
    !(Number.isInteger(sampleMs) && sampleMs >= SAMPLE_MS.min && sampleMs <= SAMPLE_MS.max)
  ) {
    return `output_config.sample_ms must be a whole number of milliseconds from ${SAMPLE_MS.min} to ${SAMPLE_MS.max}, not ${sampleMs}`;
  }
  const videos = inputs.filter((input) => input.data.video !== undefined).length;
  if (videos > 1) {
    return `a request takes one video, this one has ${videos}: send each video in a request of its own`;
  }
  return undefined;
}

function problem(code: number, details: string): Status {
  return { code, description: describeStatus(code), details };
}
