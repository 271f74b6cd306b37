/** Turning Clarifai byte fields into something an <img> or <audio> can load. */
import { BYTES_MARKER, type Image, type Input } from '@contract/clarifai';
import type { InputMedia } from '@/lib/media';

const MIME_BY_FORMAT: Record<string, string> = {
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  tiff: 'image/tiff',
};

/** The image type, from `image_info.format` or else from the first bytes of the base64. */
export function imageMime(image: Image): string {
  const format = image.image_info?.format?.toLowerCase();
  if (format && MIME_BY_FORMAT[format]) return MIME_BY_FORMAT[format];
  const b64 = image.base64 ?? '';
  if (b64.startsWith('/9j/')) return 'image/jpeg';
  if (b64.startsWith('iVBOR')) return 'image/png';
  if (b64.startsWith('R0lG')) return 'image/gif';
  if (b64.startsWith('UklG')) return 'image/webp';
  return 'image/png';
}

/** A loadable URL for an image field, or undefined when it holds only the echo marker. */
export function imageSrc(image: Image | undefined): string | undefined {
  if (!image) return undefined;
  if (image.base64 && image.base64 !== BYTES_MARKER) return `data:${imageMime(image)};base64,${image.base64}`;
  return image.url || undefined;
}

/**
 * What to show for an input: the person's own file (or URL) when we have it, since uploaded
 * bytes come back only as a marker; else whatever URL the response echoes.
 */
export function inputMedia(input: Input | undefined, local: InputMedia | undefined): InputMedia | undefined {
  if (local) return local;
  const data = input?.data;
  if (!data) return undefined;
  const image = imageSrc(data.image);
  if (image) return { kind: 'image', url: image };
  if (data.video?.url) return { kind: 'video', url: data.video.url };
  if (data.audio?.url) return { kind: 'audio', url: data.audio.url };
  return undefined;
}
