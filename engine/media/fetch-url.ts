import { StatusCode } from '../../contract/clarifai';
import { formatBytes } from './base64';
import { MediaError } from './media-error';

export interface FetchOptions {
  readonly fetch: typeof globalThis.fetch;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly signal?: AbortSignal;
  /** Hook for refusing hosts (private networks etc.); throw a MediaError to refuse. */
  readonly checkUrl?: (url: URL) => Promise<void>;
}

/** Parses a client-supplied URL; only http(s) is fetched. */
export function parseMediaUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new MediaError(StatusCode.INPUT_INVALID_URL, `not a valid URL: ${truncate(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new MediaError(
      StatusCode.INPUT_INVALID_URL,
      `only http and https URLs can be fetched, not ${url.protocol}`,
    );
  }
  return url;
}

/**
 * Sends the request and checks what can be checked before the body: the status, and a declared
 * Content-Length over the cap. Shared by the in-memory download and the video download to disk;
 * each still counts bytes while reading, since the header can lie or be missing.
 */
export async function openResponse(
  url: URL,
  options: {
    readonly fetch: typeof globalThis.fetch;
    readonly signal: AbortSignal;
    readonly maxBytes: number;
    readonly failed: (reason: string, cause?: unknown) => MediaError;
    readonly overLimit: () => MediaError;
  },
): Promise<Response> {
  let response: Response;
  try {
    response = await options.fetch(url, { signal: options.signal, redirect: 'follow' });
  } catch (error) {
    // A refusal by the URL guard (url-guard.ts) already says why, with its own code.
    if (error instanceof MediaError) throw error;
    throw options.failed(describeFetchError(error), error);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw options.failed(`HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw options.overLimit();
  }
  return response;
}

/**
 * Downloads a URL into memory, stopping as soon as the body passes `maxBytes` (a Content-Length
 * header can lie or be missing) or the timeout elapses.
 */
export async function fetchUrlBytes(url: URL, options: FetchOptions): Promise<Buffer> {
  await options.checkUrl?.(url);
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const failed = (reason: string, cause?: unknown) =>
    new MediaError(
      StatusCode.INPUT_DOWNLOAD_FAILED,
      timeout.aborted
        ? `download of ${url.href} timed out after ${options.timeoutMs} ms`
        : `download of ${url.href} failed: ${reason}`,
      { cause },
    );

  const response = await openResponse(url, {
    fetch: options.fetch,
    signal,
    maxBytes: options.maxBytes,
    failed,
    overLimit: () => overLimit(url, options.maxBytes),
  });
  if (!response.body) return Buffer.alloc(0);

  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > options.maxBytes) throw overLimit(url, options.maxBytes);
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    if (error instanceof MediaError) throw error;
    throw failed(describeFetchError(error), error);
  }
  return Buffer.concat(chunks, total);
}

function overLimit(url: URL, maxBytes: number): MediaError {
  return new MediaError(
    StatusCode.INPUT_OVER_LIMIT,
    `${url.href} is over the limit of ${formatBytes(maxBytes)}`,
  );
}

export function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return 'network error';
  // undici hides the useful part (ECONNREFUSED, ENOTFOUND) in `cause`.
  const cause: unknown = error.cause;
  if (cause instanceof Error && cause.message) return cause.message;
  return error.message;
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
