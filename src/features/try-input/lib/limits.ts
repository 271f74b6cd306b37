import type { MediaKind } from '@/lib/media';

const MB = 1024 * 1024;

/** API.md: 1 to 32 inputs per call. */
export const MAX_INPUTS = 32;

/** API.md: the whole request under 128 MB of media. */
export const REQUEST_BYTES = 128 * MB;

/**
 * Bytes one input may carry: images under 20 MB and one video under 128 MB (API.md); audio under
 * 20 MB, read whole by the speech models (the engine's limit, engine/media/limits.ts).
 */
export const BYTE_LIMITS: Record<MediaKind, number> = { image: 20 * MB, video: 128 * MB, audio: 20 * MB };

/** Text, raw or by URL, as UTF-8: the same 20 MB as an image. */
export const TEXT_BYTES = 20 * MB;

export function formatMegabytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / MB))} MB`;
}

/** Why a file cannot be sent as bytes, in words a person can act on; `undefined` when it can. */
export function sizeProblem(kind: MediaKind, bytes: number): string | undefined {
  const limit = BYTE_LIMITS[kind];
  if (bytes <= limit) return undefined;
  const size = formatMegabytes(bytes);
  switch (kind) {
    case 'image':
      return `Image over 20 MB (${size}): resize it or give a URL.`;
    case 'video':
      return `Video over 128 MB (${size}): trim it or give a URL.`;
    case 'audio':
      return `Audio over 20 MB (${size}): trim it or save it as MP3.`;
  }
}
