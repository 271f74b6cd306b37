/**
 * A request's video, as far as it is read before the workflow runs: uploaded bytes decoded and
 * size-checked, a URL only parsed. Everything else (download, probe, frames) happens in
 * `engine/video/`, where a 300 MB file can be streamed instead of held.
 */
import { StatusCode } from '../../contract/clarifai';
import type { Data } from '../../contract/clarifai';
import { decodeBase64, formatBytes } from './base64';
import { parseMediaUrl } from './fetch-url';
import type { MediaLimits } from './limits';
import { MediaError } from './media-error';
import type { MediaSource, SpooledVideo } from './types';

export function readVideoSource(
  video: NonNullable<Data['video']>,
  limits: Pick<MediaLimits, 'mediaBytes'>,
): MediaSource {
  if (video.base64 !== undefined && video.base64 !== '') {
    // Measured before anything is copied: a refused upload should cost no more memory.
    const size = decodedLength(video.base64);
    if (size > limits.mediaBytes) {
      throw new MediaError(
        StatusCode.INPUT_OVER_LIMIT,
        `video is ${formatOverLimit(size, limits.mediaBytes)}, over the ${formatBytes(limits.mediaBytes)} limit for uploaded bytes: trim it or give a URL`,
      );
    }
    return { kind: 'bytes', bytes: decodeBase64(video.base64, limits.mediaBytes, 'video.base64') };
  }
  if (video.url) return { kind: 'url', url: parseMediaUrl(video.url) };
  throw new MediaError(StatusCode.INPUT_INVALID_ARGUMENT, 'video needs a url or base64 bytes');
}

/**
 * A video whose base64 was decoded to a file while the body streamed in (`http/spool-body.ts`):
 * the same checks and answers as `readVideoSource` on the whole string.
 */
export function readSpooledVideo(
  spooled: SpooledVideo,
  limits: Pick<MediaLimits, 'mediaBytes'>,
): MediaSource {
  if (spooled.size > limits.mediaBytes) {
    throw new MediaError(
      StatusCode.INPUT_OVER_LIMIT,
      `video is ${formatOverLimit(spooled.size, limits.mediaBytes)}, over the ${formatBytes(limits.mediaBytes)} limit for uploaded bytes: trim it or give a URL`,
    );
  }
  if (spooled.characters === 0) throw new MediaError(StatusCode.INPUT_DECODE_FAILED, 'video.base64 is empty');
  if (!spooled.valid)
    throw new MediaError(StatusCode.INPUT_DECODE_FAILED, 'video.base64 is not valid base64');
  return { kind: 'file', path: spooled.path };
}

/** Bytes that base64 text decodes to (whitespace ignored, padding optional). */
export function decodedLength(encoded: string): number {
  let length = encoded.length;
  if (/\s/.test(encoded)) length = encoded.replace(/\s+/g, '').length;
  let padding = 0;
  for (let at = encoded.length - 1; at >= 0 && padding < 2; at--) {
    const char = encoded[at];
    if (char === '=') padding++;
    else if (char !== undefined && !/\s/.test(char)) break;
  }
  return Math.floor(((length - padding) * 3) / 4);
}

/**
 * A size next to its limit, precise enough to see the difference: "128.4 MB", or
 * "128 MB + 1 byte" when rounding would make it read as the limit itself.
 */
export function formatOverLimit(bytes: number, limit: number): string {
  const rounded = formatBytes(bytes);
  if (rounded !== formatBytes(limit) || bytes <= limit) return rounded;
  const extra = bytes - limit;
  return `${formatBytes(limit)} + ${extra} ${extra === 1 ? 'byte' : 'bytes'}`;
}
