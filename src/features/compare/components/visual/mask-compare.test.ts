import { describe, expect, it } from 'vitest';
import { diffMaskClasses, ONLY_A, ONLY_B } from '@/features/compare/lib/diff-masks';
import {
  comparisonSize,
  DISAGREEMENT_COLORS,
  masksByClass,
  paintDisagreement,
  withoutHiddenClasses,
} from '@/features/compare/components/visual/mask-compare';
import { hexToRgb } from '@/lib/colors';

describe('mask comparison helpers', () => {
  it('merges one class’s masks into one raster', () => {
    const size = { width: 2, height: 2 };
    const merged = masksByClass(
      [
        { classKey: 'sky', mask: Uint8Array.from([1, 0, 0, 0]) },
        { classKey: 'sky', mask: Uint8Array.from([0, 0, 0, 255]) },
        { classKey: 'road', mask: Uint8Array.from([0, 1, 0, 0]) },
      ],
      size,
    );
    expect([...(merged.get('sky') ?? [])]).toEqual([1, 0, 0, 1]);
    expect([...(merged.get('road') ?? [])]).toEqual([0, 1, 0, 0]);
  });

  it('paints only-A and only-B pixels in two colours and leaves agreement clear', () => {
    const rgba = paintDisagreement(Uint8Array.from([0, ONLY_A, ONLY_B]));
    expect([...rgba.slice(0, 4)]).toEqual([0, 0, 0, 0]);
    expect([...rgba.slice(4, 8)]).toEqual([...hexToRgb(DISAGREEMENT_COLORS.a), 255]);
    expect([...rgba.slice(8, 12)]).toEqual([...hexToRgb(DISAGREEMENT_COLORS.b), 255]);
  });

  it('compares big pictures at a bounded size, keeping the aspect ratio', () => {
    expect(comparisonSize({ width: 4000, height: 2000 })).toEqual({ width: 1024, height: 512 });
    expect(comparisonSize({ width: 300, height: 200 })).toEqual({ width: 300, height: 200 });
  });

  it('leaves hidden classes out of the table and the disagreement', () => {
    const size = { width: 3, height: 1 };
    const classes = diffMaskClasses(
      new Map([
        ['sky', Uint8Array.from([1, 0, 0])],
        ['road', Uint8Array.from([0, 0, 1])],
      ]),
      new Map([
        ['sky', Uint8Array.from([0, 1, 0])],
        ['road', Uint8Array.from([0, 0, 1])],
      ]),
      size,
    );
    const all = withoutHiddenClasses(classes, new Set(), size);
    expect([...all.disagreement]).toEqual([ONLY_A, ONLY_B, 0]);
    const noSky = withoutHiddenClasses(classes, new Set(['sky']), size);
    expect(noSky.classes.map((row) => row.className)).toEqual(['road']);
    expect([...noSky.disagreement]).toEqual([0, 0, 0]);
  });
});
