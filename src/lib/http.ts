/**
 * The one HTTP client of the app. Every call goes to a relative `/v2/...` URL (the proxy adds the
 * token), every answer is parsed with a contract schema here, and every failure becomes an
 * `ApiError` whose `kind` says whose fault it is: the network (`unreachable`), Clarifai
 * (`status`), or a body this app cannot read (`malformed`). No UI side effects.
 */
import { z } from 'zod';
import { BaseResponse, Status, StatusCode, describeStatus } from '@contract/clarifai';

export type ApiErrorKind = 'unreachable' | 'status' | 'malformed';

export const UNREACHABLE_MESSAGE = 'The API is not reachable: is `npm start` running?';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  /** The Clarifai status of the answer, when the answer had one. */
  readonly status: Status | undefined;
  /**
   * When the whole call failed because its inputs did (10020 "Failure"), the first input's or
   * output's own status: that one says why ("Input download failed").
   */
  readonly itemStatus: Status | undefined;
  /** The HTTP status, or 0 when no answer arrived at all. */
  readonly httpStatus: number;
  /** What went wrong in more words, for the "details" line under the message. */
  readonly details: string | undefined;

  constructor(init: {
    kind: ApiErrorKind;
    message: string;
    status?: Status;
    itemStatus?: Status;
    httpStatus: number;
    details?: string;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.itemStatus = init.itemStatus;
    this.httpStatus = init.httpStatus;
    this.details = init.details;
  }
}

export interface RequestOptions<T> {
  schema: z.ZodType<T>;
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/** A raw answer, whichever transport (fetch or XHR) carried it. */
interface RawAnswer {
  httpStatus: number;
  contentType: string;
  text: string;
}

const PROXY_FAILURE = new Set([502, 503, 504]);

/** A Clarifai status that means the call as a whole worked (mixed results are read per item). */
function isOkStatus(code: number): boolean {
  return code === StatusCode.SUCCESS || code === StatusCode.MIXED_STATUS;
}

/** Only the statuses of a predict answer's items, read leniently: anything else is ignored. */
const ItemStatuses = z.looseObject({
  results: z
    .array(
      z.looseObject({
        status: Status.optional(),
        outputs: z.array(z.looseObject({ status: Status.optional() })).optional(),
      }),
    )
    .optional(),
  outputs: z.array(z.looseObject({ status: Status.optional() })).optional(),
});

function firstFailedItem(json: unknown): Status | undefined {
  const parsed = ItemStatuses.safeParse(json);
  if (!parsed.success) return undefined;
  const statuses = [
    ...(parsed.data.results ?? []).flatMap((result) => [result.status, ...(result.outputs ?? []).map((o) => o.status)]),
    ...(parsed.data.outputs ?? []).map((output) => output.status),
  ];
  return statuses.find((status) => status !== undefined && !isOkStatus(status.code));
}

function unreachable(httpStatus: number, details: string, cause?: unknown): ApiError {
  return new ApiError({ kind: 'unreachable', message: UNREACHABLE_MESSAGE, httpStatus, details, cause });
}

function summariseIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Turns an answer into parsed data or an `ApiError`. Shared by every transport so they agree. */
export function interpretAnswer<T>(answer: RawAnswer, schema: z.ZodType<T>): T {
  const { httpStatus, contentType, text } = answer;
  const trimmed = text.trimStart();
  // Without the proxy, Vite's SPA fallback answers /v2 paths with index.html.
  if (contentType.includes('text/html') || trimmed.startsWith('<')) {
    throw unreachable(httpStatus, 'Got a web page instead of JSON: nothing forwards /v2 to the API.');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    if (httpStatus === 0 || httpStatus >= 500) {
      throw unreachable(httpStatus, `The proxy answered HTTP ${httpStatus} without a Clarifai status.`, cause);
    }
    throw new ApiError({
      kind: 'malformed',
      message: 'The API answered something that is not JSON.',
      httpStatus,
      details: text.slice(0, 200) || '(empty body)',
      cause,
    });
  }
  return interpretBody(json, httpStatus, schema, () => text.slice(0, 200));
}

/**
 * The second half of `interpretAnswer`, for a body already parsed: a streamed answer's last line.
 * `excerpt` gives the start of the body for a message, computed only when one is needed.
 */
export function interpretBody<T>(
  json: unknown,
  httpStatus: number,
  schema: z.ZodType<T>,
  excerpt: () => string,
): T {
  const base = BaseResponse.safeParse(json);
  if (base.success) {
    const status = base.data.status;
    if (!isOkStatus(status.code) || httpStatus >= 400) {
      const itemStatus = firstFailedItem(json);
      const telling = itemStatus ?? status;
      const description = telling.description || describeStatus(telling.code);
      throw new ApiError({
        kind: 'status',
        message: `${description} (code ${telling.code})`,
        status,
        itemStatus,
        httpStatus,
        details: telling.details ?? status.details,
      });
    }
  } else if (httpStatus >= 500 || httpStatus === 0) {
    throw unreachable(httpStatus, `The proxy answered HTTP ${httpStatus} without a Clarifai status.`);
  } else if (httpStatus >= 400) {
    throw new ApiError({
      kind: 'malformed',
      message: `The API answered HTTP ${httpStatus} without a Clarifai status.`,
      httpStatus,
      details: excerpt(),
    });
  }

  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError({
      kind: 'malformed',
      message: 'The API answered in a shape this viewer does not understand.',
      httpStatus,
      details: summariseIssues(parsed.error),
      cause: parsed.error,
    });
  }
  return parsed.data;
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** `GET`/`POST`/... a `/v2` path (or the proxy's own `/__lens` path) and parse the answer. */
export async function apiRequest<T>(path: string, options: RequestOptions<T>): Promise<T> {
  const { schema, method = 'GET', body, signal } = options;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      signal,
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    if (isAbort(cause)) throw cause;
    throw unreachable(0, 'The request did not reach the server.', cause);
  }
  if (PROXY_FAILURE.has(response.status) && !(response.headers.get('content-type') ?? '').includes('json')) {
    throw unreachable(response.status, `The proxy answered HTTP ${response.status}: the API behind it is down.`);
  }
  const text = await response.text();
  return interpretAnswer(
    { httpStatus: response.status, contentType: response.headers.get('content-type') ?? '', text },
    schema,
  );
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadOptions<T> extends RequestOptions<T> {
  /** Called as the request body goes out; fetch cannot report this, hence XHR here. */
  onUploadProgress?: (progress: UploadProgress) => void;
}

export interface StreamingUploadOptions<T> extends UploadOptions<T> {
  /** The streamed media type to ask for first; an answer of any other type is read whole, as JSON. */
  streamType: string;
  /**
   * Reads a streamed answer as it arrives (a `Response` whose body grows as the bytes come) and
   * resolves with its final body, which is then checked like any other answer.
   */
  readStream: (response: Response) => Promise<unknown>;
}

/**
 * Same contract as `apiRequest`, over XMLHttpRequest so a large upload (base64 video) can show
 * how much of the body has been sent.
 */
export function uploadRequest<T>(path: string, options: UploadOptions<T>): Promise<T> {
  return xhrRequest(path, options, undefined);
}

/**
 * `uploadRequest` for an answer that may come as a stream (the engine's NDJSON results): the
 * upload still reports its progress, and a streamed answer is handed to `readStream` as it
 * arrives. XHR, because fetch cannot report upload progress; its growing `responseText` is fed
 * into a ReadableStream, so the reader is the same as for a fetch body.
 */
export function streamingUploadRequest<T>(path: string, options: StreamingUploadOptions<T>): Promise<T> {
  return xhrRequest(path, options, { type: options.streamType, read: options.readStream });
}

function abortError(): DOMException {
  return new DOMException('The request was aborted.', 'AbortError');
}

/** What went wrong while a stream was read, as an `ApiError` unless it already is one (or an abort). */
function streamFailure(error: unknown, httpStatus: number): unknown {
  if (error instanceof ApiError || isAbort(error)) return error;
  return new ApiError({
    kind: 'malformed',
    message: 'The API streamed an answer this viewer could not read.',
    httpStatus,
    details: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}

const HEADERS_RECEIVED = 2;

function xhrRequest<T>(
  path: string,
  options: UploadOptions<T>,
  stream: { type: string; read: (response: Response) => Promise<unknown> } | undefined,
): Promise<T> {
  const { schema, method = 'POST', body, signal, onUploadProgress } = options;
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.setRequestHeader('accept', stream ? `${stream.type}, application/json;q=0.9` : 'application/json');
    xhr.setRequestHeader('content-type', 'application/json');
    const onAbort = () => xhr.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);

    // Set once the answer is known to be a stream: the body's bytes go here as they arrive.
    let sink: ReadableStreamDefaultController<Uint8Array> | undefined;
    let forwarded = 0;
    const encoder = new TextEncoder();
    const forward = () => {
      const text = xhr.responseText;
      if (!sink || text.length <= forwarded) return;
      sink.enqueue(encoder.encode(text.slice(forwarded)));
      forwarded = text.length;
    };

    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onUploadProgress?.({ loaded: event.loaded, total: event.total });
    };
    // Some browsers send no progress event for a small body: the end of the upload still counts.
    xhr.upload.onload = (event) => {
      const total = event.lengthComputable && event.total > 0 ? event.total : 1;
      onUploadProgress?.({ loaded: total, total });
    };
    xhr.onreadystatechange = () => {
      if (!stream || sink || xhr.readyState !== HEADERS_RECEIVED) return;
      const contentType = xhr.getResponseHeader('content-type') ?? '';
      // Clarifai's cloud (and an error raised before the stream began) answers plain JSON.
      if (!contentType.startsWith(stream.type)) return;
      const httpStatus = xhr.status;
      const bytes = new ReadableStream<Uint8Array>({
        start: (controller) => {
          sink = controller;
        },
      });
      stream.read(new Response(bytes, { status: httpStatus, headers: { 'content-type': contentType } })).then(
        (json) => {
          try {
            resolve(interpretBody(json, httpStatus, schema, () => JSON.stringify(json).slice(0, 200)));
          } catch (error) {
            reject(error);
          }
        },
        (error: unknown) => reject(streamFailure(error, httpStatus)),
      );
    };
    xhr.onprogress = forward;
    xhr.onerror = () => {
      done();
      const error = unreachable(0, 'The request did not reach the server, or its answer was cut off.');
      sink?.error(error);
      reject(error);
    };
    xhr.onabort = () => {
      done();
      const error = abortError();
      sink?.error(error);
      reject(error);
    };
    xhr.onload = () => {
      done();
      if (sink) {
        // The reader settles the promise once it has read the last line.
        forward();
        sink.close();
        return;
      }
      const contentType = xhr.getResponseHeader('content-type') ?? '';
      if (PROXY_FAILURE.has(xhr.status) && !contentType.includes('json')) {
        reject(unreachable(xhr.status, `The proxy answered HTTP ${xhr.status}: the API behind it is down.`));
        return;
      }
      try {
        resolve(interpretAnswer({ httpStatus: xhr.status, contentType, text: xhr.responseText }, schema));
      } catch (error) {
        reject(error);
      }
    };
    xhr.send(body === undefined ? null : requestBody(JSON.stringify(body)));
  });
}

/** Past this many characters a request body is sent as a Blob. */
const BLOB_BODY_CHARS = 2 ** 20;

/**
 * A large body (a video's base64) goes to the network as a Blob: Chromium hands a Blob over by
 * reference, but copies a string body through the page's one channel to the browser, which held
 * every later message (the first frames' answer, the chunk of the results pane) for seconds after
 * a 134 MB upload (docs/PERFORMANCE.md). Small bodies stay strings.
 */
export function requestBody(text: string): string | Blob {
  return text.length > BLOB_BODY_CHARS ? new Blob([text], { type: 'application/json' }) : text;
}
