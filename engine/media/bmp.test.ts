import { describe, expect, it } from 'vitest';
import { BmpError, decodeBmp, isBmp, readBmpHeader } from './bmp';

/** Builds a 24-bit BMP with the given rows of [r, g, b] pixels (top row first). */
function bmp24(rows: [number, number, number][][], { topDown = false } = {}): Uint8Array {
  const height = rows.length;
  const width = rows[0]?.length ?? 0;
  const stride = Math.ceil((width * 3) / 4) * 4;
  const size = 54 + stride * height;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x42;
  bytes[1] = 0x4d;
  view.setUint32(2, size, true);
  view.setUint32(10, 54, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, width, true);
  view.setInt32(22, topDown ? -height : height, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, 24, true);
  rows.forEach((row, y) => {
    const stored = topDown ? y : height - 1 - y;
    row.forEach(([r, g, b], x) => {
      const at = 54 + stored * stride + x * 3;
      bytes[at] = b;
      bytes[at + 1] = g;
      bytes[at + 2] = r;
    });
  });
  return bytes;
}

const RED: [number, number, number] = [255, 0, 0];
const BLUE: [number, number, number] = [0, 0, 255];
const WHITE: [number, number, number] = [255, 255, 255];

describe('BMP reader', () => {
  it('reads the size from the header alone', () => {
    const file = bmp24([[RED, BLUE, WHITE]]);
    expect(isBmp(file)).toBe(true);
    expect(readBmpHeader(file)).toMatchObject({ width: 3, height: 1, bitsPerPixel: 24 });
  });

  it('decodes bottom-up rows with padding into top-first RGBA', () => {
    const { width, height, rgba } = decodeBmp(
      bmp24([
        [RED, BLUE, WHITE],
        [BLUE, WHITE, RED],
      ]),
    );
    expect([width, height]).toEqual([3, 2]);
    expect(Array.from(rgba.slice(0, 4))).toEqual([255, 0, 0, 255]);
    expect(Array.from(rgba.slice(12, 16))).toEqual([0, 0, 255, 255]);
    expect(Array.from(rgba.slice(20, 24))).toEqual([255, 0, 0, 255]);
  });

  it('decodes top-down files the same way', () => {
    const rows: [number, number, number][][] = [[RED], [BLUE]];
    expect(decodeBmp(bmp24(rows, { topDown: true })).rgba).toEqual(decodeBmp(bmp24(rows)).rgba);
  });

  it('refuses truncated pixel data', () => {
    const file = bmp24([
      [RED, BLUE],
      [BLUE, RED],
    ]);
    expect(() => decodeBmp(file.slice(0, 60))).toThrow(BmpError);
  });
});
