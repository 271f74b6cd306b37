/**
 * A streamed results answer (the engine's NDJSON, contract/lens-stream.ts) whose lines a test
 * releases one at a time, to look at the page between two of them.
 */
import { NDJSON_MEDIA_TYPE } from '@contract/lens-stream';

export interface LineStream {
  response: Response;
  send: (line: unknown) => void;
  end: () => void;
}

export function ndjsonStream(): LineStream {
  const encoder = new TextEncoder();
  let sink: ReadableStreamDefaultController<Uint8Array> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start: (controller) => {
      sink = controller;
    },
  });
  return {
    response: new Response(body, { headers: { 'content-type': `${NDJSON_MEDIA_TYPE}; charset=utf-8` } }),
    send: (line) => sink?.enqueue(encoder.encode(`${JSON.stringify(line)}\n`)),
    end: () => sink?.close(),
  };
}
