import { describe, expect, it } from 'vitest';
import { ndjsonLines, parseStreamLine, readResultsStream } from './lens-stream';

function bytes(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      chunks.forEach((chunk) => controller.enqueue(encoder.encode(chunk)));
      controller.close();
    },
  });
}

describe('the results stream', () => {
  it('splits lines across chunk boundaries, CRLF, and a last line without a newline', async () => {
    const lines: string[] = [];
    for await (const line of ndjsonLines(bytes('{"a":', '1}\r\n\n{"b"', ':"é"}\n{"c":3}'))) lines.push(line);
    expect(lines).toEqual(['{"a":1}', '{"b":"é"}', '{"c":3}']);
  });

  it('parses each kind of line, and refuses anything else', () => {
    expect(parseStreamLine('{"progress":{"stage":"frames","done":1,"total":null}}')).toEqual({
      progress: { stage: 'frames', done: 1, total: null },
    });
    expect(
      parseStreamLine('{"frame":{"input_index":0,"frame_info":{"index":2,"time":"2500"},"outputs":[]}}'),
    ).toMatchObject({
      frame: { frame_info: { time: '2500' } },
    });
    expect(parseStreamLine('{"response":{"status":{"code":10000}}}')).toMatchObject({
      response: { status: { code: 10000 } },
    });
    expect(() => parseStreamLine('{"progress":{"stage":"later","done":1,"total":2}}')).toThrow();
    expect(() => parseStreamLine('{"hello":1}')).toThrow();
  });

  it('reads a stream to its final response, and a plain JSON answer as it is', async () => {
    const seen: unknown[] = [];
    const streamed = new Response(
      bytes(
        '{"progress":{"stage":"inputs","done":0,"total":1}}\n',
        '{"response":{"status":{"code":10000},"results":[]}}\n',
      ),
      { headers: { 'content-type': 'application/x-ndjson; charset=utf-8' } },
    );
    expect(await readResultsStream(streamed, (line) => seen.push(line))).toEqual({
      status: { code: 10000 },
      results: [],
    });
    expect(seen).toEqual([{ progress: { stage: 'inputs', done: 0, total: 1 } }]);
    const once = new Response('{"status":{"code":11100}}', {
      headers: { 'content-type': 'application/json' },
    });
    expect((await readResultsStream(once)).status.code).toBe(11100);
    const cut = new Response(bytes('{"progress":{"stage":"inputs","done":0,"total":1}}\n'), {
      headers: { 'content-type': 'application/x-ndjson' },
    });
    await expect(readResultsStream(cut)).rejects.toThrow('ended before its final response');
  });
});
