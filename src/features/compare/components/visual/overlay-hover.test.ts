import { describe, expect, it } from 'vitest';
import { buildGridIndex, type Rect } from '@/lib/geometry';
import { pickOverlayHit, type HoverSide } from '@/features/compare/components/visual/overlay-hover';

const size = { width: 100, height: 100 };
const side = (rects: Rect[], shown = rects.map((_, i) => i)): HoverSide => ({
  grid: buildGridIndex(rects, size),
  shown: new Set(shown),
});

describe('overlay hover', () => {
  const big = { x: 0, y: 0, width: 60, height: 60 };
  const small = { x: 10, y: 10, width: 20, height: 20 };

  it('finds a box of A under B’s layer', () => {
    expect(pickOverlayHit({ x: 15, y: 15 }, side([small]), side([]))).toEqual({ side: 'a', index: 0 });
  });

  it('prefers the smaller box of either version, B on a tie', () => {
    expect(pickOverlayHit({ x: 15, y: 15 }, side([small]), side([big]))).toEqual({ side: 'a', index: 0 });
    expect(pickOverlayHit({ x: 15, y: 15 }, side([big]), side([big, small]))).toEqual({
      side: 'b',
      index: 1,
    });
    expect(pickOverlayHit({ x: 15, y: 15 }, side([small]), side([small]))).toEqual({ side: 'b', index: 0 });
  });

  it('skips hidden boxes and answers null over nothing', () => {
    expect(pickOverlayHit({ x: 15, y: 15 }, side([small], []), side([big]))).toEqual({ side: 'b', index: 0 });
    expect(pickOverlayHit({ x: 90, y: 90 }, side([small]), side([big]))).toBeNull();
  });
});
