import { describe, expect, it } from 'vitest';
import {
  clampSwipe,
  stepSwipe,
  swipeClipPath,
  swipeClipRect,
  swipeFromPointer,
} from '@/features/compare/components/visual/swipe';

describe('swipe geometry', () => {
  it('reads the divider from a pointer over the picture, clamped to its edges', () => {
    const bounds = { left: 100, width: 400 };
    expect(swipeFromPointer(200, bounds)).toBe(0.25);
    expect(swipeFromPointer(50, bounds)).toBe(0);
    expect(swipeFromPointer(900, bounds)).toBe(1);
    expect(swipeFromPointer(300, { left: 0, width: 0 })).toBe(0.5);
  });

  it('moves with arrows by a step, jumps with Home and End, ignores other keys', () => {
    expect(stepSwipe(0.5, 'ArrowRight')).toBeCloseTo(0.55);
    expect(stepSwipe(0.5, 'ArrowLeft')).toBeCloseTo(0.45);
    expect(stepSwipe(0.98, 'ArrowRight')).toBe(1);
    expect(stepSwipe(0.1, 'PageDown')).toBe(0);
    expect(stepSwipe(0.5, 'Home')).toBe(0);
    expect(stepSwipe(0.5, 'End')).toBe(1);
    expect(stepSwipe(0.5, 'Enter')).toBeNull();
  });

  it('clamps nonsense to the picture', () => {
    expect(clampSwipe(Number.NaN)).toBe(0.5);
    expect(clampSwipe(-1)).toBe(0);
    expect(clampSwipe(3)).toBe(1);
  });

  it('cuts A left of the divider and B right of it, on screen and in the PNG', () => {
    expect(swipeClipPath('a', 0.3)).toBe('inset(0 70% 0 0)');
    expect(swipeClipPath('b', 0.3)).toBe('inset(0 0 0 30%)');
    const size = { width: 101, height: 50 };
    const a = swipeClipRect('a', 0.5, size);
    const b = swipeClipRect('b', 0.5, size);
    // Whole columns, no overlap and no gap.
    expect(a).toEqual({ x: 0, y: 0, width: 51, height: 50 });
    expect(b.x).toBe(a.width);
    expect(a.width + b.width).toBe(101);
  });
});
