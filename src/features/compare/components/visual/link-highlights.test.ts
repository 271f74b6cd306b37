import { describe, expect, it } from 'vitest';
import { createHighlightStore } from '@/features/results/state/highlight-store';
import { linkHighlights } from '@/features/compare/components/visual/link-highlights';

describe('linked highlights', () => {
  it('highlights the partner on the other side, both ways, and clears it', () => {
    const a = createHighlightStore();
    const b = createHighlightStore();
    const unlink = linkHighlights(a, b, new Map([[3, 7]]), new Map([[7, 3]]));
    a.set(3);
    expect(b.get()).toBe(7);
    a.set(null);
    expect(b.get()).toBeNull();
    b.set(7);
    expect(a.get()).toBe(3);
    b.set(null);
    expect(a.get()).toBeNull();
    unlink();
    a.set(3);
    expect(b.get()).toBeNull();
  });

  it('keeps a region with no partner highlighted on its own side', () => {
    const a = createHighlightStore();
    const b = createHighlightStore();
    linkHighlights(a, b, new Map(), new Map());
    b.set(5);
    a.set(2);
    expect(a.get()).toBe(2);
    expect(b.get()).toBeNull();
  });
});
