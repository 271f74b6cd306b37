import { describe, expect, it } from 'vitest';
import { maskEncoding, maskShare, tintMask } from '@/lib/mask';

/** RGBA pixels, as a canvas hands them back after decoding a PNG. */
const pixels = (...rgba: number[][]) => Uint8ClampedArray.from(rgba.flat());
const BLUE = [0, 114, 178] as const;

describe('tintMask', () => {
  it('reads an 8-bit grey PNG (0/255, decoded opaque): the region is where the value is non-zero', () => {
    const grey = pixels([0, 0, 0, 255], [255, 255, 255, 255], [0, 0, 0, 255], [255, 255, 255, 255]);
    expect(maskEncoding(grey)).toBe('value');
    expect([...tintMask(grey, BLUE)]).toEqual([0, 0, 0, 0, 0, 114, 178, 255, 0, 0, 0, 0, 0, 114, 178, 255]);
  });

  it('counts any non-zero value, as the API says (class-index masks store 1, 2, …)', () => {
    expect([...tintMask(pixels([1, 1, 1, 255], [0, 0, 0, 255]), BLUE)].slice(0, 4)).toEqual([
      0, 114, 178, 255,
    ]);
  });

  it('reads an RGBA PNG by its alpha, even when the region is painted black', () => {
    const rgba = pixels([0, 0, 0, 0], [0, 0, 0, 255], [255, 255, 255, 0], [0, 0, 0, 128]);
    expect(maskEncoding(rgba)).toBe('alpha');
    expect([...tintMask(rgba, BLUE)]).toEqual([0, 0, 0, 0, 0, 114, 178, 255, 0, 0, 0, 0, 0, 114, 178, 255]);
  });
});

describe('maskShare', () => {
  it('is the share of pixels in the region', () => {
    const tinted = tintMask(pixels([0, 0, 0, 255], [9, 9, 9, 255], [0, 0, 0, 255], [0, 0, 0, 255]), BLUE);
    expect(maskShare(tinted)).toBe(0.25);
    expect(maskShare(new Uint8ClampedArray())).toBe(0);
  });
});
