import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { MultiWorkflowResponse, PostWorkflowResultsResponse } from '@contract/clarifai';
import { NDJSON_MEDIA_TYPE, readResultsStream, type WorkLine } from '@contract/lens-stream';
import {
  ApiError,
  UNREACHABLE_MESSAGE,
  apiRequest,
  requestBody,
  streamingUploadRequest,
  uploadRequest,
} from '@/lib/http';
import { clarifaiJson, mockApi } from '@/test/mock-api';
import { ndjsonStream } from '@/test/ndjson';

function answer(response: Response) {
  vi.stubGlobal('fetch', async () => response);
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const path = '/v2/users/me/apps/main/workflows';

describe('apiRequest', () => {
  it('returns the parsed body of a successful answer', async () => {
    answer(clarifaiJson({ status: { code: 10000 }, workflows: [{ id: 'ocr' }] }));
    const data = await apiRequest(path, { schema: MultiWorkflowResponse });
    expect(data.workflows?.[0]?.id).toBe('ocr');
  });

  it('calls an HTML page (the SPA fallback, no proxy) unreachable', async () => {
    answer(
      new Response('<!doctype html><html></html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    );
    const error = await failure(apiRequest(path, { schema: MultiWorkflowResponse }));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toBe(UNREACHABLE_MESSAGE);
  });

  it('calls a 502 from the proxy unreachable', async () => {
    answer(new Response('', { status: 502, headers: { 'content-type': 'text/plain' } }));
    const error = await failure(apiRequest(path, { schema: MultiWorkflowResponse }));
    expect(error.kind).toBe('unreachable');
    expect(error.httpStatus).toBe(502);
  });

  it('calls a failed fetch unreachable', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect((await failure(apiRequest(path, { schema: MultiWorkflowResponse }))).kind).toBe('unreachable');
  });

  it('carries the Clarifai status of an error answer', async () => {
    answer(
      clarifaiJson(
        { status: { code: 22102, description: 'Workflow does not exist', details: 'no such workflow: x' } },
        404,
      ),
    );
    const error = await failure(apiRequest(path, { schema: MultiWorkflowResponse }));
    expect(error.kind).toBe('status');
    expect(error.status?.code).toBe(22102);
    expect(error.httpStatus).toBe(404);
    expect(error.details).toBe('no such workflow: x');
    expect(error.message).toBe('Workflow does not exist (code 22102)');
  });

  it('names the input’s own status when a predict failed because its input did', async () => {
    answer(
      clarifaiJson(
        {
          status: { code: 10020, description: 'Failure' },
          results: [
            {
              status: { code: 30002, description: 'Input download failed', details: 'bad port' },
              outputs: [],
            },
          ],
        },
        400,
      ),
    );
    const error = await failure(apiRequest(path, { schema: MultiWorkflowResponse }));
    expect(error.status?.code).toBe(10020);
    expect(error.itemStatus?.code).toBe(30002);
    expect(error.message).toBe('Input download failed (code 30002)');
    expect(error.details).toBe('bad port');
  });

  it('treats a failure status in a 200 answer as a failure too', async () => {
    answer(clarifaiJson({ status: { code: 10020 } }));
    expect((await failure(apiRequest(path, { schema: MultiWorkflowResponse }))).status?.code).toBe(10020);
  });

  it('calls JSON that does not match the schema malformed', async () => {
    answer(clarifaiJson({ status: { code: 10000 }, workflows: [{ id: 42 }] }));
    const error = await failure(apiRequest(path, { schema: MultiWorkflowResponse }));
    expect(error.kind).toBe('malformed');
    expect(error.details).toContain('workflows.0.id');
  });

  it('calls a non-JSON 200 malformed', async () => {
    answer(new Response('hello', { status: 200, headers: { 'content-type': 'text/plain' } }));
    expect((await failure(apiRequest(path, { schema: z.object({}) }))).kind).toBe('malformed');
  });

  it('sends JSON bodies and passes the abort signal', async () => {
    const seen: RequestInit[] = [];
    vi.stubGlobal('fetch', async (_: string, init: RequestInit) => {
      seen.push(init);
      return clarifaiJson({ status: { code: 10000 } });
    });
    const controller = new AbortController();
    await apiRequest(path, {
      schema: z.object({}),
      method: 'POST',
      body: { a: 1 },
      signal: controller.signal,
    });
    expect(seen[0]?.body).toBe('{"a":1}');
    expect(seen[0]?.signal).toBe(controller.signal);
  });
});

describe('uploadRequest', () => {
  it('reports upload progress and parses the answer', async () => {
    const calls = mockApi(() => clarifaiJson({ status: { code: 10000 }, workflows: [] }));
    const progress: number[] = [];
    const data = await uploadRequest(path, {
      schema: MultiWorkflowResponse,
      body: { inputs: [] },
      onUploadProgress: ({ loaded, total }) => progress.push(loaded / total),
    });
    expect(data.workflows).toEqual([]);
    expect(progress.at(-1)).toBe(1);
    expect(calls[0]).toMatchObject({ method: 'POST', path, body: { inputs: [] } });
  });

  it('fails the same way as fetch does: a Clarifai status is kept', async () => {
    mockApi(() => clarifaiJson({ status: { code: 30002, description: 'Input download failed' } }, 400));
    const error = await failure(uploadRequest(path, { schema: MultiWorkflowResponse, body: {} }));
    expect(error.kind).toBe('status');
    expect(error.status?.code).toBe(30002);
  });

  it('is unreachable behind a 504 proxy answer', async () => {
    mockApi(() => new Response('', { status: 504 }));
    expect((await failure(uploadRequest(path, { schema: MultiWorkflowResponse, body: {} }))).kind).toBe(
      'unreachable',
    );
  });
});

describe('streamingUploadRequest', () => {
  const results = '/v2/users/me/apps/main/workflows/ocr/results';
  const frameLine = {
    frame: {
      input_index: 0,
      frame_info: { index: 0, time: 500 },
      outputs: [{ id: 'o', data: { text: { raw: '0' } } }],
    },
  };

  function request(lines: WorkLine[]) {
    return streamingUploadRequest(results, {
      schema: PostWorkflowResultsResponse,
      body: { inputs: [] },
      streamType: NDJSON_MEDIA_TYPE,
      readStream: (response) => readResultsStream(response, (line) => lines.push(line)),
      onUploadProgress: () => undefined,
    });
  }

  it('asks for the stream, hands each line over as it arrives, and resolves with the last one', async () => {
    const stream = ndjsonStream();
    const calls = mockApi(() => stream.response);
    const lines: WorkLine[] = [];
    const answer = request(lines);
    stream.send({ progress: { stage: 'frames', done: 0, total: 2 } });
    stream.send(frameLine);
    await vi.waitFor(() => expect(lines).toHaveLength(2));
    expect(lines[1]).toEqual(frameLine);
    stream.send({ response: { status: { code: 10000, description: 'Ok' }, results: [] } });
    stream.end();
    expect((await answer).status.code).toBe(10000);
    expect(calls[0]?.headers?.accept).toMatch(/^application\/x-ndjson, application\/json/);
  });

  it('reads the verdict from the last line: a streamed answer is HTTP 200 even when it failed', async () => {
    const stream = ndjsonStream();
    mockApi(() => stream.response);
    const answer = request([]);
    stream.send({
      response: { status: { code: 40001, description: 'Invalid request', details: 'sample_ms 99' } },
    });
    stream.end();
    const error = await failure(answer);
    expect(error).toMatchObject({ kind: 'status', httpStatus: 200, details: 'sample_ms 99' });
    expect(error.status?.code).toBe(40001);
  });

  it('reads a plain JSON answer (Clarifai’s cloud) as one body, errors included', async () => {
    mockApi(() => clarifaiJson({ status: { code: 10000 }, results: [{ outputs: [] }] }));
    const lines: WorkLine[] = [];
    expect((await request(lines)).results).toHaveLength(1);
    expect(lines).toEqual([]);
    mockApi(() => clarifaiJson({ status: { code: 30002, description: 'Input download failed' } }, 400));
    expect((await failure(request([]))).status?.code).toBe(30002);
  });

  it('says so when the stream ends without its final line', async () => {
    const stream = ndjsonStream();
    mockApi(() => stream.response);
    const answer = request([]);
    stream.send(frameLine);
    stream.end();
    const error = await failure(answer);
    expect(error.kind).toBe('malformed');
    expect(error.details).toContain('ended before its final response line');
  });

  it('stops reading when aborted', async () => {
    const stream = ndjsonStream();
    mockApi(() => stream.response);
    const controller = new AbortController();
    const lines: WorkLine[] = [];
    const answer = streamingUploadRequest(results, {
      schema: PostWorkflowResultsResponse,
      body: {},
      signal: controller.signal,
      streamType: NDJSON_MEDIA_TYPE,
      readStream: (response) => readResultsStream(response, (line) => lines.push(line)),
    });
    stream.send(frameLine);
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    controller.abort();
    await expect(answer).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('requestBody', () => {
  it('keeps a small body a string and sends a large one as a JSON Blob', async () => {
    expect(requestBody('{"a":1}')).toBe('{"a":1}');
    const large = `{"base64":"${'A'.repeat(2 ** 20)}"}`;
    const blob = requestBody(large);
    expect(blob).toBeInstanceOf(Blob);
    if (!(blob instanceof Blob)) return;
    expect(blob.type).toBe('application/json');
    expect(blob.size).toBe(large.length);
    expect(await blob.text()).toBe(large);
  });
});
