import { describe, expect, it } from 'vitest';
import { PALETTE, colorFor, luminance, textColorOn } from '@/lib/colors';

describe('colorFor', () => {
  it('gives a name the same colour every time, whatever its case or spacing', () => {
    expect(colorFor('face')).toBe(colorFor('face'));
    expect(colorFor(' Face ')).toBe(colorFor('face'));
  });

  it('picks from the colour-blind-safe palette', () => {
    for (const name of ['train', 'railway', 'person', 'dog', '', 'ü']) expect(PALETTE).toContain(colorFor(name));
  });

  it('spreads different names over the palette', () => {
    const names = ['train', 'railway', 'station', 'person', 'dog', 'cat', 'car', 'tree', 'sky', 'text', 'face', 'road'];
    expect(new Set(names.map(colorFor)).size).toBeGreaterThanOrEqual(4);
  });
});

describe('textColorOn', () => {
  it('puts white text on dark blue and black text on yellow', () => {
    expect(textColorOn('#0072B2')).toBe('#ffffff');
    expect(textColorOn('#F0E442')).toBe('#000000');
  });

  it('reads luminance on the WCAG scale', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1);
  });
});
