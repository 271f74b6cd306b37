/**
 * The engine's streaming extension to `POST .../workflows/{id}/results` (docs/decisions/006): a
 * client that sends `Accept: application/x-ndjson` gets `200` and one JSON object per line as the
 * work progresses, ending with the whole normal response. Clarifai's cloud ignores the header and
 * answers once with `application/json`, so a client must read both (see `readResultsStream`).
 *
 *   {"progress": {"stage": "inputs", "done": 0, "total": 1}}
 *   {"progress": {"stage": "frames", "done": 0, "total": null}}
 *   {"progress": {"stage": "frames", "done": 0, "total": 5}}
 *   {"frame": {"input_index": 0, "frame_info": {"index": 0, "time": 500}, "outputs": [...]}}
 *   {"progress": {"stage": "frames", "done": 1, "total": 5}}
 *   ...
 *   {"response": {"status": {...}, "workflow": {...}, "results": [...]}}
 */
import { z } from 'zod';
import { FrameInfo, Output, PostWorkflowResultsResponse } from './clarifai';

export const NDJSON_MEDIA_TYPE = 'application/x-ndjson';

/**
 * How far the work is. `inputs`: request inputs fully answered; `frames`: sampled frames of the
 * request's video answered so far; `nodes`: workflow nodes done on the request's images and
 * texts (`node` names the one that just finished). `total` is null while it is not known yet.
 */
export const ProgressLine = z.looseObject({
  progress: z.looseObject({
    stage: z.enum(['inputs', 'frames', 'nodes']),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative().nullable(),
    node: z.string().optional(),
  }),
});
export type ProgressLine = z.infer<typeof ProgressLine>;

/**
 * One sampled frame of the video at `input_index`, answered by every node: one output per
 * non-suppressed node in node order, as in `results[].outputs`, but with `data` for this frame
 * only (not wrapped in `frames[]`). `outputs[j].id` is the id of output j in the final response.
 * Lines arrive in frame order.
 */
export const FrameLine = z.looseObject({
  frame: z.looseObject({
    input_index: z.number().int().nonnegative(),
    frame_info: FrameInfo,
    outputs: z.array(Output),
  }),
});
export type FrameLine = z.infer<typeof FrameLine>;

/** Always the last line: exactly the body a plain request would get (success or error). */
export const ResponseLine = z.looseObject({ response: PostWorkflowResultsResponse });
export type ResponseLine = z.infer<typeof ResponseLine>;

/** A line before the last one. */
export const WorkLine = z.union([ProgressLine, FrameLine]);
export type WorkLine = z.infer<typeof WorkLine>;

export const StreamLine = z.union([ProgressLine, FrameLine, ResponseLine]);
export type StreamLine = z.infer<typeof StreamLine>;

/** Parses one line of the stream; throws a ZodError (or SyntaxError) on anything else. */
export function parseStreamLine(line: string): StreamLine {
  return StreamLine.parse(JSON.parse(line));
}

/** Splits a byte stream into its non-empty text lines (UTF-8, `\n` or `\r\n`). */
export async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      pending += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        const line = pending.slice(0, newline).trim();
        pending = pending.slice(newline + 1);
        if (line) yield line;
        newline = pending.indexOf('\n');
      }
      if (done) break;
    }
    if (pending.trim()) yield pending.trim();
  } finally {
    reader.releaseLock();
  }
}

/**
 * Reads a results response either way it may come: NDJSON lines from the local engine (each
 * handed to `onLine` as it arrives), or one JSON body (Clarifai's cloud, or an error answered
 * before streaming began). Resolves with the final response body, unparsed beyond the envelope.
 */
export async function readResultsStream(
  response: Response,
  onLine: (line: WorkLine) => void = () => undefined,
): Promise<PostWorkflowResultsResponse> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith(NDJSON_MEDIA_TYPE) || !response.body) {
    return PostWorkflowResultsResponse.parse(await response.json());
  }
  let final: PostWorkflowResultsResponse | undefined;
  for await (const text of ndjsonLines(response.body)) {
    const raw: unknown = JSON.parse(text);
    const last = ResponseLine.safeParse(raw);
    if (last.success) final = last.data.response;
    else onLine(WorkLine.parse(raw));
  }
  if (!final) throw new Error('the results stream ended before its final response line');
  return final;
}
