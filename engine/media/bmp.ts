/**
 * A small BMP reader. Clarifai accepts BMP but sharp (libvips) cannot decode it, so BMP inputs are
 * turned into raw RGBA here and re-encoded as PNG for the runners. Covers what cameras, Paint and
 * image libraries write: uncompressed 1/4/8-bit palettes, 16/24/32-bit, BI_BITFIELDS masks, and both
 * bottom-up and top-down rows. RLE-compressed files are refused.
 */

export interface BmpHeader {
  readonly width: number;
  readonly height: number;
  readonly bitsPerPixel: number;
  readonly compression: number;
  readonly topDown: boolean;
  readonly pixelOffset: number;
  readonly headerSize: number;
}

export class BmpError extends Error {}

export function isBmp(bytes: Uint8Array): boolean {
  return bytes.length >= 26 && bytes[0] === 0x42 && bytes[1] === 0x4d;
}

const BI_RGB = 0;
const BI_BITFIELDS = 3;
const BI_ALPHABITFIELDS = 6;

/** Reads only the header, so the pixel limit can be checked before anything is decoded. */
export function readBmpHeader(bytes: Uint8Array): BmpHeader {
  if (!isBmp(bytes)) throw new BmpError('not a BMP file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pixelOffset = view.getUint32(10, true);
  const headerSize = view.getUint32(14, true);
  if (headerSize === 12) {
    // OS/2 BITMAPCOREHEADER: 16-bit sizes, always bottom-up, no compression.
    return {
      width: view.getUint16(18, true),
      height: view.getUint16(20, true),
      bitsPerPixel: view.getUint16(24, true),
      compression: BI_RGB,
      topDown: false,
      pixelOffset,
      headerSize,
    };
  }
  if (headerSize < 40 || bytes.length < 14 + 40) throw new BmpError('BMP header is truncated or unknown');
  const rawHeight = view.getInt32(22, true);
  return {
    width: view.getInt32(18, true),
    height: Math.abs(rawHeight),
    bitsPerPixel: view.getUint16(28, true),
    compression: view.getUint32(30, true),
    topDown: rawHeight < 0,
    pixelOffset,
    headerSize,
  };
}

function maskShift(mask: number): { shift: number; max: number } {
  if (mask === 0) return { shift: 0, max: 0 };
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  return { shift, max: mask >>> shift };
}

/** Decodes the pixels to tightly packed RGBA, top row first. */
export function decodeBmp(bytes: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const header = readBmpHeader(bytes);
  const { width, height, bitsPerPixel: bpp, compression, topDown, pixelOffset, headerSize } = header;
  if (width <= 0 || height <= 0) throw new BmpError('BMP has no pixels');
  if (compression !== BI_RGB && compression !== BI_BITFIELDS && compression !== BI_ALPHABITFIELDS) {
    throw new BmpError('compressed (RLE, JPEG or PNG inside) BMP files are not supported');
  }
  if (![1, 4, 8, 16, 24, 32].includes(bpp))
    throw new BmpError(`BMP with ${bpp} bits per pixel is not supported`);

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stride = Math.ceil((width * bpp) / 32) * 4;
  if (pixelOffset + stride * height > bytes.length) throw new BmpError('BMP pixel data is truncated');

  // Palette entries are BGR0 (4 bytes) after a 40+ byte header, BGR (3 bytes) after an OS/2 one.
  const paletteEntry = headerSize === 12 ? 3 : 4;
  const paletteStart = 14 + headerSize;
  const paletteColor = (index: number, channel: 0 | 1 | 2) =>
    bytes[paletteStart + index * paletteEntry + (2 - channel)] ?? 0;

  // Channel masks: explicit with BI_BITFIELDS (after the header, or inside a V4/V5 header).
  let masks = bpp === 16 ? [0x7c00, 0x03e0, 0x001f, 0] : [0x00ff0000, 0x0000ff00, 0x000000ff, 0];
  if (compression !== BI_RGB) {
    const at = headerSize >= 52 ? 54 : 14 + headerSize;
    masks = [view.getUint32(at, true), view.getUint32(at + 4, true), view.getUint32(at + 8, true), 0];
    if (headerSize >= 56 || compression === BI_ALPHABITFIELDS) masks[3] = view.getUint32(at + 12, true);
  } else if (bpp === 32) {
    masks[3] = 0; // BI_RGB 32-bit: the fourth byte is unused, not alpha
  }
  const channels = masks.map(maskShift);

  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const row = pixelOffset + (topDown ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const out = (y * width + x) * 4;
      if (bpp <= 8) {
        const bitOffset = x * bpp;
        const byte = bytes[row + (bitOffset >> 3)] ?? 0;
        const index = (byte >> (8 - bpp - (bitOffset & 7))) & ((1 << bpp) - 1);
        rgba[out] = paletteColor(index, 0);
        rgba[out + 1] = paletteColor(index, 1);
        rgba[out + 2] = paletteColor(index, 2);
        rgba[out + 3] = 255;
      } else if (bpp === 24 && compression === BI_RGB) {
        const at = row + x * 3;
        rgba[out] = bytes[at + 2] ?? 0;
        rgba[out + 1] = bytes[at + 1] ?? 0;
        rgba[out + 2] = bytes[at] ?? 0;
        rgba[out + 3] = 255;
      } else {
        const value = bpp === 16 ? view.getUint16(row + x * 2, true) : view.getUint32(row + x * 4, true);
        for (let c = 0; c < 4; c++) {
          const channel = channels[c];
          const mask = masks[c] ?? 0;
          if (!channel || mask === 0 || channel.max === 0) {
            rgba[out + c] = c === 3 ? 255 : 0;
            continue;
          }
          rgba[out + c] = Math.round((((value & mask) >>> channel.shift) * 255) / channel.max);
        }
      }
    }
  }
  return { width, height, rgba };
}
