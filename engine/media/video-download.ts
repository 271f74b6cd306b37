/**
 * Downloads a video URL into a file, never into memory: a video by URL may be 300 MB. Same rules
 * as `fetch-url.ts` (http(s) only, the `checkUrl` hook, a Content-Length that can lie) with two
 * differences that suit big files: the cap is checked while streaming to disk, and the timeout is
 * an idle timeout (no byte for `idleTimeoutMs`), so a slow but steady download is not cut off.
 */
import { open } from 'node:fs/promises';
import { StatusCode } from '../../contract/clarifai';
import { formatBytes } from './base64';
import { describeFetchError, openResponse } from './fetch-url';
import { MediaError } from './media-error';

export interface VideoDownloadOptions {
  readonly fetch: typeof globalThis.fetch;
  readonly idleTimeoutMs: number;
  readonly maxBytes: number;
  readonly signal?: AbortSignal;
  readonly checkUrl?: (url: URL) => Promise<void>;
}

/** Writes the body of `url` to `file` (created or truncated); resolves with its size. */
export async function downloadVideo(url: URL, file: string, options: VideoDownloadOptions): Promise<number> {
  await options.checkUrl?.(url);
  const idle = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(new Error('idle')), options.idleTimeoutMs);
  };
  const signal = options.signal ? AbortSignal.any([options.signal, idle.signal]) : idle.signal;
  const failed = (reason: string, cause?: unknown) =>
    new MediaError(
      StatusCode.INPUT_DOWNLOAD_FAILED,
      idle.signal.aborted
        ? `download of ${url.href} stalled: no data for ${options.idleTimeoutMs} ms`
        : `download of ${url.href} failed: ${reason}`,
      { cause },
    );
  const overLimit = () =>
    new MediaError(
      StatusCode.INPUT_OVER_LIMIT,
      `video at ${url.href} is over the ${formatBytes(options.maxBytes)} limit for a video by URL: trim it`,
    );

  touch();
  try {
    const response = await openResponse(url, {
      fetch: options.fetch,
      signal,
      maxBytes: options.maxBytes,
      failed,
      overLimit,
    });

    const handle = await open(file, 'w');
    let total = 0;
    try {
      if (!response.body) return 0;
      const reader = response.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          touch();
          total += value.byteLength;
          if (total > options.maxBytes) throw overLimit();
          // One write at a time: the download goes no faster than the disk takes it.
          await handle.write(value);
        }
      } catch (error) {
        await reader.cancel().catch(() => undefined);
        if (error instanceof MediaError) throw error;
        throw failed(describeFetchError(error), error);
      }
    } finally {
      await handle.close();
    }
    return total;
  } finally {
    clearTimeout(timer);
  }
}
