/**
 * A request's video as a file ffmpeg can seek in (an MP4 whose index sits at the end cannot be
 * read from a pipe): uploaded bytes are written to a temporary file, a URL is downloaded into one
 * with the 300 MB cap checked while streaming. The URL is never handed to ffmpeg itself: its
 * network stack would bypass the engine's URL checks and size cap. The folder is always removed.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MediaOptions } from '../media/prepare-input';
import type { MediaSource } from '../media/types';
import { downloadVideo } from '../media/video-download';

export interface VideoFile {
  readonly path: string;
  /** Removes the temporary folder; never throws. */
  dispose(): Promise<void>;
}

export async function openVideoFile(
  source: MediaSource,
  media: MediaOptions,
  options: { tempDir: string; signal?: AbortSignal },
): Promise<VideoFile> {
  // Decoded while the request body was read; the request removes it when it is answered.
  if (source.kind === 'file') return { path: source.path, dispose: () => Promise.resolve() };
  const folder = await mkdtemp(path.join(options.tempDir, 'lens-video-'));
  const file = path.join(folder, 'input');
  const dispose = () => rm(folder, { recursive: true, force: true }).catch(() => undefined);
  try {
    if (source.kind === 'bytes') {
      await writeFile(file, source.bytes, options.signal ? { signal: options.signal } : {});
    } else {
      await downloadVideo(source.url, file, {
        fetch: media.fetch,
        idleTimeoutMs: media.fetchTimeoutMs,
        maxBytes: media.limits.videoUrlBytes,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(media.checkUrl ? { checkUrl: media.checkUrl } : {}),
      });
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  return { path: file, dispose };
}
