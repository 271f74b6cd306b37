import type { MediaKind } from '@/lib/media';

const MB = 1024 * 1024;

/** API.md's limits for bytes: images under 20 MB, one video (or audio) under 128 MB. */
export const BYTE_LIMITS: Record<MediaKind, number> = { image: 20 * MB, video: 128 * MB, audio: 128 * MB };

/** Why a file cannot be sent as bytes, in words a person can act on; `undefined` when it can. */
export function sizeProblem(kind: MediaKind, bytes: number): string | undefined {
  const limit = BYTE_LIMITS[kind];
  if (bytes <= limit) return undefined;
  const size = `${Math.round(bytes / MB)} MB`;
  return kind === 'image'
    ? `Image over 20 MB (${size}): resize it or give a URL.`
    : `${kind === 'video' ? 'Video' : 'Audio'} over 128 MB (${size}): trim it or give a URL.`;
}
