import { StatusCode } from '../../contract/clarifai';
import { MediaError } from './media-error';

// Node's decoder silently skips invalid characters, which would turn a corrupted upload into a
// different, shorter file; check the alphabet first so the client hears the real problem.
const BASE64 = /^[A-Za-z0-9+/\-_]*={0,2}$/;

/** Decodes standard or URL-safe base64, refusing oversized payloads before allocating them. */
export function decodeBase64(encoded: string, maxBytes: number, what: string): Buffer {
  const compact = encoded.replace(/\s+/g, '');
  if (compact.length === 0) throw new MediaError(StatusCode.INPUT_DECODE_FAILED, `${what} is empty`);
  if (!BASE64.test(compact)) {
    throw new MediaError(StatusCode.INPUT_DECODE_FAILED, `${what} is not valid base64`);
  }
  const estimated = Math.floor((compact.length * 3) / 4);
  if (estimated > maxBytes + 2) {
    throw new MediaError(
      StatusCode.INPUT_OVER_LIMIT,
      `${what} is over the limit of ${formatBytes(maxBytes)}`,
    );
  }
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > maxBytes) {
    throw new MediaError(
      StatusCode.INPUT_OVER_LIMIT,
      `${what} is over the limit of ${formatBytes(maxBytes)}`,
    );
  }
  return bytes;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
