/**
 * What a file is, from its first bytes (magic numbers), never from a Content-Type header a server
 * or client chose. Used to tell a client that sent a video as an image what it actually sent.
 */
export type SniffedKind = 'image' | 'video' | 'audio' | 'document' | 'markup' | 'unknown';

export interface Sniffed {
  readonly kind: SniffedKind;
  /** A name for messages: "PNG", "MP4 video", "HTML page". */
  readonly name: string;
}

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  bytes.length >= at + text.length && [...text].every((char, i) => bytes[at + i] === char.charCodeAt(0));
const starts = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);

export function sniffMedia(bytes: Uint8Array): Sniffed {
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', name: 'PNG' };
  if (starts(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', name: 'JPEG' };
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return { kind: 'image', name: 'GIF' };
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return { kind: 'image', name: 'WEBP' };
  if (ascii(bytes, 0, 'BM')) return { kind: 'image', name: 'BMP' };
  if (starts(bytes, [0x49, 0x49, 0x2a, 0x00]) || starts(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return { kind: 'image', name: 'TIFF' };
  if (ascii(bytes, 4, 'ftyp')) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    if (/^(avif|avis|heic|heix|mif1)/.test(brand)) return { kind: 'image', name: 'HEIF/AVIF image' };
    if (/^M4A /.test(brand)) return { kind: 'audio', name: 'M4A audio' };
    return { kind: 'video', name: brand === 'qt  ' ? 'QuickTime video' : 'MP4 video' };
  }
  if (starts(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return { kind: 'video', name: 'WebM/Matroska video' };
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'AVI ')) return { kind: 'video', name: 'AVI video' };
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WAVE')) return { kind: 'audio', name: 'WAV audio' };
  if (ascii(bytes, 0, 'ID3') || starts(bytes, [0xff, 0xfb])) return { kind: 'audio', name: 'MP3 audio' };
  if (ascii(bytes, 0, 'OggS')) return { kind: 'audio', name: 'Ogg audio' };
  if (ascii(bytes, 0, 'fLaC')) return { kind: 'audio', name: 'FLAC audio' };
  if (ascii(bytes, 0, '%PDF')) return { kind: 'document', name: 'PDF document' };
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'document', name: 'ZIP archive' };
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 256))
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html'))
    return { kind: 'markup', name: 'HTML page' };
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg')))
    return { kind: 'markup', name: 'SVG drawing' };
  return { kind: 'unknown', name: 'unknown' };
}
