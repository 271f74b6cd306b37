/**
 * Per-frame execution with planted runners (cheap, scriptable), and the NDJSON streaming
 * extension: line shapes, order, the final response, and what a client going away stops.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PostWorkflowResultsResponse, type Data } from '../../contract/clarifai';
import {
  FrameLine,
  ndjsonLines,
  parseStreamLine,
  ProgressLine,
  readResultsStream,
  ResponseLine,
  type StreamLine,
} from '../../contract/lens-stream';
import { builtinModels, ModelCatalog } from '../models/catalog';
import type { Runner, RunnerItemResult } from '../runners/types';
import { fakeModel } from '../test/fake-models';
import { jsonRequest, renderTextPng, startTestEngine, type TestEngine } from '../test/fixtures';
import { countingClip } from '../video/test-clips';
import { runningChildren } from '../video/tools';
import { createApp } from './app';

/** What the planted runners saw, shared by every test (reset in beforeEach-like fashion per test). */
interface Probe {
  calls: number;
  running: number;
  maxRunning: number;
  aborted: number;
  delayMs: (call: number) => number;
  failCall?: number;
}
const probe: Probe = { calls: 0, running: 0, maxRunning: 0, aborted: 0, delayMs: () => 0 };
function resetProbe(delayMs: (call: number) => number = () => 0, failCall?: number) {
  Object.assign(probe, { calls: 0, running: 0, maxRunning: 0, aborted: 0, delayMs, failCall });
}

/** Answers each frame with its size ("240x180"), after a scripted delay; may fail one call. */
function sizeRunner(): Runner {
  return {
    load: async () => undefined,
    async predict(items, _params, ctx): Promise<RunnerItemResult[]> {
      const call = probe.calls++;
      probe.running += 1;
      probe.maxRunning = Math.max(probe.maxRunning, probe.running);
      try {
        await new Promise((resolve) => setTimeout(resolve, probe.delayMs(call)));
        if (ctx.signal.aborted) probe.aborted += 1;
        return items.map((item) => {
          if (call === probe.failCall) return { error: { code: 21313, details: 'planted failure' } };
          const image = item.input.image;
          return { data: { text: { raw: `${image?.width}x${image?.height} ${image?.format}` } }, timeMs: 1 };
        });
      } finally {
        probe.running -= 1;
      }
    },
    close: async () => undefined,
  };
}

/** Wraps its parent's text, to show chains run per frame. */
function wrapRunner(): Runner {
  return {
    load: async () => undefined,
    predict: async (items) =>
      items.map((item) => ({
        data: { text: { raw: `seen(${item.parents[0]?.text?.raw ?? ''})` } },
        timeMs: 1,
      })),
    close: async () => undefined,
  };
}

const FRAMES_WORKFLOW = `workflow:
  id: Frames
  version:
    id: 0123456789abcdef0123456789abcdef
    created_at: "2025-01-01T00:00:00.000Z"
  nodes:
    - id: size
      model:
        model_id: frame-size
    - id: wrap
      model:
        model_id: frame-wrap
      node_inputs:
        - node_id: size
    - id: hidden
      model:
        model_id: frame-wrap
      suppress_output: true
`;

let root: string;
let tempDir: string;
let planted: TestEngine;
let real: TestEngine;
let clipBase64: string;
const app = (engine: TestEngine, framesInFlight = 4) =>
  createApp({ ...engine.engine.deps, video: { tempDir, framesInFlight } });

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'lens-video-stream-'));
  tempDir = path.join(root, 'tmp');
  await mkdir(tempDir);
  await mkdir(path.join(root, 'workflows', 'Frames'), { recursive: true });
  await writeFile(
    path.join(root, 'workflows', 'Frames', '0123456789abcdef0123456789abcdef.yaml'),
    FRAMES_WORKFLOW,
  );
  planted = await startTestEngine({
    dir: path.join(root, 'workflows'),
    catalog: new ModelCatalog([fakeModel('frame-size', sizeRunner), fakeModel('frame-wrap', wrapRunner)]),
  });
  real = await startTestEngine({ catalog: new ModelCatalog(builtinModels()) });
  clipBase64 = (await countingClip()).toString('base64');
});
afterAll(async () => {
  await planted.close();
  await real.close();
  await rm(root, { recursive: true, force: true });
});
afterEach(async () => {
  await until(() => runningChildren() === 0);
  expect(runningChildren()).toBe(0);
  expect(await readdir(tempDir)).toEqual([]);
});

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition() && Date.now() - start < timeoutMs)
    await new Promise((resolve) => setTimeout(resolve, 10));
}

const FRAMES_URL = '/v2/workflows/Frames/results';
const OCR_URL =
  '/v2/users/local/apps/main/workflows/Video-OCR/versions/5d9655ff9b6ca2e4594bfd4184edd264/results';
const clipRequest = (sampleMs?: number) => ({
  inputs: [{ id: 'clip', data: { video: { base64: clipBase64 } } }],
  ...(sampleMs ? { output_config: { sample_ms: sampleMs } } : {}),
});
const NDJSON = { accept: 'application/x-ndjson', 'content-type': 'application/json' };

async function plain(on: ReturnType<typeof createApp>, url: string, body: object) {
  const response = await on.request(url, jsonRequest('POST', body));
  return PostWorkflowResultsResponse.parse(await response.json());
}

async function streamed(on: ReturnType<typeof createApp>, url: string, body: object | string) {
  const response = await on.request(url, {
    method: 'POST',
    headers: NDJSON,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
  if (!response.body) throw new Error('no body');
  const lines: StreamLine[] = [];
  for await (const line of ndjsonLines(response.body)) lines.push(parseStreamLine(line));
  return lines;
}

const texts = (data: Data | undefined) => data?.frames?.map((frame) => frame.data?.text?.raw);

describe('per-frame execution', () => {
  it('at sample_ms 100 runs 50 frames (50, 150, ..., 4950 ms) through the graph, one at a time per runner call', async () => {
    resetProbe();
    const body = await plain(app(planted), FRAMES_URL, clipRequest(100));
    expect(body.status.code).toBe(10000);
    const [size, wrap, ...rest] = body.results?.[0]?.outputs ?? [];
    expect(rest).toEqual([]); // `hidden` is suppressed
    const times = size?.data?.frames?.map((frame) => frame.frame_info?.time);
    expect(times).toHaveLength(50);
    expect(times?.slice(0, 3)).toEqual([50, 150, 250]);
    expect(times?.at(-1)).toBe(4950);
    expect(size?.data?.frames?.map((frame) => frame.frame_info?.index)).toEqual([...Array(50).keys()]);
    expect(new Set(texts(size?.data))).toEqual(new Set(['240x180 jpeg']));
    // The chain runs per frame: each frame's wrap read that frame's size.
    expect(new Set(texts(wrap?.data))).toEqual(new Set(['seen(240x180 jpeg)']));
    // The same frame has the same id in every node's frames[].
    expect(wrap?.data?.frames?.map((frame) => frame.id)).toEqual(
      size?.data?.frames?.map((frame) => frame.id),
    );
    expect(probe.calls).toBe(50);
    expect(size?.status).toMatchObject({ code: 10000, time_ms: 50 });
  });

  it('keeps at most framesInFlight frames in the workflow at once, and answers in frame order', async () => {
    // Early calls are the slowest, so frames finish out of order.
    resetProbe((call) => Math.max(0, 60 - call * 10));
    const body = await plain(app(planted, 3), FRAMES_URL, clipRequest(250));
    expect(probe.maxRunning).toBe(3);
    const frames = body.results?.[0]?.outputs?.[0]?.data?.frames ?? [];
    expect(frames.map((frame) => frame.frame_info?.time)).toEqual(
      [...Array(20).keys()].map((k) => 125 + k * 250),
    );
  });

  it('fails an output with its first failing frame, keeping that frame (empty) in frames[]', async () => {
    resetProbe(() => 0, 2);
    const body = await plain(app(planted, 1), FRAMES_URL, clipRequest());
    expect(body.status.code).toBe(10020);
    const [size, wrap] = body.results?.[0]?.outputs ?? [];
    expect(size?.status).toMatchObject({ code: 21313, details: 'frame 2 (2500 ms): planted failure' });
    expect(size?.data?.frames?.[2]).toMatchObject({ frame_info: { index: 2, time: 2500 }, data: {} });
    expect(texts(size?.data)).toEqual([
      '240x180 jpeg',
      '240x180 jpeg',
      undefined,
      '240x180 jpeg',
      '240x180 jpeg',
    ]);
    expect(wrap?.status).toMatchObject({
      code: 21313,
      details: expect.stringMatching(/^frame 2 \(2500 ms\): not run/),
    });
    expect(body.results?.[0]?.status?.code).toBe(10020);
  });
});

describe('streamed results (Accept: application/x-ndjson)', () => {
  it('streams progress and one line per frame, in order, then the same response a plain request gets', async () => {
    const lines = await streamed(app(real), OCR_URL, clipRequest());
    expect(lines.slice(0, 3)).toEqual([
      { progress: { stage: 'inputs', done: 0, total: 1 } },
      { progress: { stage: 'frames', done: 0, total: null } },
      { progress: { stage: 'frames', done: 0, total: 5 } },
    ]);

    const frames = lines.flatMap((line) =>
      FrameLine.safeParse(line).success ? [FrameLine.parse(line).frame] : [],
    );
    expect(frames.map((frame) => frame.frame_info)).toEqual(
      [0, 1, 2, 3, 4].map((index) => ({ index, time: 500 + index * 1000 })),
    );
    expect(frames.map((frame) => frame.input_index)).toEqual([0, 0, 0, 0, 0]);
    expect(frames.map((frame) => frame.outputs[0]?.data?.text?.raw)).toEqual(['0', '1', '2', '3', '4']);
    // Each frame line is followed by the frames progress it completes.
    const progress = lines.flatMap((line) =>
      ProgressLine.safeParse(line).success ? [ProgressLine.parse(line).progress] : [],
    );
    expect(progress.filter((p) => p.stage === 'frames').map((p) => p.done)).toEqual([0, 0, 1, 2, 3, 4, 5]);
    expect(progress.at(-1)).toEqual({ stage: 'inputs', done: 1, total: 1 });

    const last = ResponseLine.parse(lines.at(-1)).response;
    expect(lines.slice(0, -1).some((line) => ResponseLine.safeParse(line).success)).toBe(false);
    expect(last.status).toMatchObject({ code: 10000, req_id: expect.stringMatching(/^[0-9a-f]{32}$/) });
    const output = last.results?.[0]?.outputs?.[0];
    expect(frames[0]?.outputs[0]?.id).toBe(output?.id);
    expect(texts(output?.data)).toEqual(['0', '1', '2', '3', '4']);

    const normal = await plain(app(real), OCR_URL, clipRequest());
    expect(shape(last)).toEqual(shape(normal));
  });

  it('reads either kind of answer with readResultsStream', async () => {
    const heard: string[] = [];
    const response = await app(real).request(OCR_URL, {
      method: 'POST',
      headers: NDJSON,
      body: JSON.stringify(clipRequest(2500)),
    });
    const final = await readResultsStream(response, (line) =>
      heard.push('frame' in line ? 'frame' : 'progress'),
    );
    expect(heard).toEqual([
      'progress',
      'progress',
      'progress',
      'frame',
      'progress',
      'frame',
      'progress',
      'progress',
    ]);
    expect(texts(final.results?.[0]?.outputs?.[0]?.data)).toEqual(['1', '3']);
    const once = await readResultsStream(
      await app(real).request(OCR_URL, jsonRequest('POST', clipRequest(2500))),
    );
    expect(texts(once.results?.[0]?.outputs?.[0]?.data)).toEqual(['1', '3']);
  });

  it('answers plain JSON, unchanged, without the Accept header', async () => {
    const response = await app(real).request(OCR_URL, jsonRequest('POST', clipRequest(60000)));
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(PostWorkflowResultsResponse.parse(await response.json()).status.code).toBe(10000);
  });

  it('streams images too: input progress, each node as it finishes, then the response', async () => {
    const sign = (await renderTextPng(['GO'])).toString('base64');
    const lines = await streamed(app(real), OCR_URL, { inputs: [{ data: { image: { base64: sign } } }] });
    expect(lines.slice(0, 3)).toEqual([
      { progress: { stage: 'inputs', done: 0, total: 1 } },
      { progress: { stage: 'nodes', done: 1, total: 1, node: 'ocr' } },
      { progress: { stage: 'inputs', done: 1, total: 1 } },
    ]);
    expect(ResponseLine.parse(lines[3]).response.results?.[0]?.outputs?.[0]?.data?.text?.raw).toBe('GO');
    expect(lines).toHaveLength(4);
  });

  it('names each node as it finishes, a node after its parents', async () => {
    const sign = (await renderTextPng(['GO'])).toString('base64');
    const lines = await streamed(app(planted), FRAMES_URL, { inputs: [{ data: { image: { base64: sign } } }] });
    const nodes = lines.flatMap((line) => {
      const progress = ProgressLine.safeParse(line);
      return progress.success && progress.data.progress.stage === 'nodes' ? [progress.data.progress] : [];
    });
    // `hidden` reads the workflow input (no node_inputs): it may finish first; `wrap` waits for `size`.
    expect(nodes.map((node) => [node.done, node.total])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const order = nodes.map((node) => node.node);
    expect([...order].sort()).toEqual(['hidden', 'size', 'wrap']);
    expect(order.indexOf('wrap')).toBeGreaterThan(order.indexOf('size'));
  });

  it('puts a request refused as a whole in the one response line', async () => {
    const unknown = await streamed(app(real), '/v2/workflows/nope/results', clipRequest());
    expect(unknown).toHaveLength(1);
    expect(ResponseLine.parse(unknown[0]).response.status).toMatchObject({ code: 22102 });
    const malformed = await streamed(app(real), OCR_URL, '{not json');
    expect(ResponseLine.parse(malformed[0]).response.status).toMatchObject({ code: 11100 });
    const tooShort = await streamed(app(real), OCR_URL, clipRequest(99));
    expect(ResponseLine.parse(tooShort[0]).response.status).toMatchObject({ code: 40001 });
    const broken = await streamed(app(real), OCR_URL, {
      inputs: [{ data: { video: { base64: Buffer.from('not a video').toString('base64') } } }],
    });
    expect(ResponseLine.parse(broken.at(-1)).response.results?.[0]?.status?.code).toBe(30300);
  });
});

describe('a client that goes away', () => {
  it('stops the frames (and ffmpeg) when the stream is cancelled', async () => {
    resetProbe(() => 40);
    const response = await app(planted, 2).request(FRAMES_URL, {
      method: 'POST',
      headers: NDJSON,
      body: JSON.stringify(clipRequest(100)),
    });
    if (!response.body) throw new Error('no body');
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('"frame"')) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended early');
      text += decoder.decode(value);
    }
    await reader.cancel();
    await until(() => runningChildren() === 0 && probe.running === 0);
    const calls = probe.calls;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(probe.calls).toBe(calls);
    expect(calls).toBeLessThan(20);
  });

  it('stops the frames when a plain request is aborted', async () => {
    resetProbe(() => 40);
    const abort = new AbortController();
    const pending = app(planted, 2).request(FRAMES_URL, {
      ...jsonRequest('POST', clipRequest(100)),
      signal: abort.signal,
    });
    await until(() => probe.calls >= 3);
    abort.abort();
    const body = PostWorkflowResultsResponse.parse(await (await pending).json());
    expect(body.results?.[0]?.status).toMatchObject({ code: 40032, details: 'request was cancelled' });
    expect(probe.calls).toBeLessThan(20);
  });
});

/** A response with everything that differs between two runs (ids, times, request id) blanked. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => {
        if (key === 'id' && typeof inner === 'string' && /^[0-9a-f]{32}$/.test(inner)) return [key, '<id>'];
        if (key === 'created_at' || key === 'req_id' || key === 'time_ms') return [key, `<${key}>`];
        return [key, shape(inner)];
      }),
    );
  }
  return value;
}
