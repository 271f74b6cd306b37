import { describe, expect, it } from 'vitest';
import {
  PALETTE,
  assignColors,
  colorFor,
  divergingColor,
  hexToRgb,
  luminance,
  textColorOn,
} from '@/lib/colors';

describe('colorFor', () => {
  it('gives a name the same colour every time, whatever its case or spacing', () => {
    expect(colorFor('face')).toBe(colorFor('face'));
    expect(colorFor(' Face ')).toBe(colorFor('face'));
  });

  it('picks from the colour-blind-safe palette', () => {
    for (const name of ['train', 'railway', 'person', 'dog', '', 'ü'])
      expect(PALETTE).toContain(colorFor(name));
  });

  it('spreads different names over the palette', () => {
    const names = [
      'train',
      'railway',
      'station',
      'person',
      'dog',
      'cat',
      'car',
      'tree',
      'sky',
      'text',
      'face',
      'road',
    ];
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

describe('assignColors', () => {
  it('keeps each name’s own colour when nothing collides', () => {
    const colors = assignColors(['train', 'person']);
    if (colorFor('train') !== colorFor('person')) {
      expect(colors.get('train')).toBe(colorFor('train'));
      expect(colors.get('person')).toBe(colorFor('person'));
    }
  });

  it('gives up to seven classes seven different colours, whatever order they come in', () => {
    const names = ['face', 'person', 'car', 'dog', 'cat', 'tree', 'sky'];
    const colors = assignColors(names);
    expect(new Set(colors.values()).size).toBe(7);
    expect(assignColors([...names].reverse())).toEqual(colors);
    for (const color of colors.values()) expect(PALETTE).toContain(color);
  });

  it('resolves a collision by moving the later name (in name order) to a free colour', () => {
    // Find two names that hash to the same colour.
    const names = Array.from({ length: 40 }, (_, i) => `class-${i}`);
    const a = names[0]!;
    const b = names.find((name) => name !== a && colorFor(name) === colorFor(a))!;
    const colors = assignColors([b, a]);
    const [first, second] = [a, b].sort((x, y) => x.localeCompare(y));
    expect(colors.get(first!)).toBe(colorFor(first!));
    expect(colors.get(second!)).not.toBe(colorFor(first!));
  });

  it('still answers for more classes than colours', () => {
    const colors = assignColors(Array.from({ length: 12 }, (_, i) => `c${i}`));
    expect(colors.size).toBe(12);
  });
});

describe('divergingColor', () => {
  it('is white at 0, the palette’s blue at -1 and orange at +1, clamped beyond', () => {
    expect(divergingColor(0)).toBe('#ffffff');
    expect(divergingColor(-1)).toBe('#0072b2');
    expect(divergingColor(1)).toBe('#e69f00');
    expect(divergingColor(7)).toBe('#e69f00');
    expect(divergingColor(Number.NaN)).toBe('#ffffff');
  });

  it('reads channels back from hex', () => {
    expect(hexToRgb('#0072B2')).toEqual([0, 114, 178]);
  });
});
