import { describe, expect, it } from 'vitest';
import { changedConceptRows, diffConcepts } from '@/features/compare/lib/diff-concepts';

describe('diffConcepts', () => {
  const a = [
    { id: 'cat', name: 'cat', value: 0.9 },
    { id: 'pet', name: 'pet', value: 0.45 },
    { id: 'indoor', name: 'indoor', value: 0.6 },
  ];
  const b = [
    { id: 'cat', name: 'cat', value: 0.8 },
    { id: 'pet', name: 'pet', value: 0.7 },
    { id: 'lynx', name: 'lynx', value: 0.3 },
  ];

  it('ranks each side, gives the change, and sorts by the larger value', () => {
    const rows = diffConcepts(a, b);
    expect(rows.map((r) => [r.id, r.rankA, r.rankB])).toEqual([
      ['cat', 1, 1],
      ['pet', 3, 2],
      ['indoor', 2, null],
      ['lynx', null, 3],
    ]);
    expect(rows[0]?.delta).toBeCloseTo(-0.1, 10);
    expect(rows[1]?.delta).toBeCloseTo(0.25, 10);
    expect(rows[2]?.delta).toBeNull();
  });

  it('marks a concept crossing 0.5 up, one vanishing from above it down', () => {
    const rows = diffConcepts(a, b, { threshold: 0.5 });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.crossed]))).toEqual({
      cat: null,
      pet: 'up',
      indoor: 'down',
      lynx: null,
    });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.presence]))).toEqual({
      cat: 'both',
      pet: 'both',
      indoor: 'a-only',
      lynx: 'b-only',
    });
  });

  it('moves the crossing with the threshold', () => {
    const rows = diffConcepts(a, b, { threshold: 0.85 });
    expect(rows.find((r) => r.id === 'cat')?.crossed).toBe('down');
    expect(rows.find((r) => r.id === 'pet')?.crossed).toBeNull();
  });

  it('can pair concepts by name when two models use different ids', () => {
    const rows = diffConcepts(
      [{ id: 'ai_1', name: 'dog', value: 0.4 }],
      [{ id: 'x9', name: 'dog', value: 0.6 }],
      { by: 'name' },
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.crossed).toBe('up');
  });

  it('keeps only moved rows in changedConceptRows', () => {
    const rows = diffConcepts(
      [
        { id: 'same', value: 0.3 },
        { id: 'moved', value: 0.2 },
      ],
      [
        { id: 'same', value: 0.3 },
        { id: 'moved', value: 0.25 },
      ],
    );
    expect(changedConceptRows(rows).map((r) => r.id)).toEqual(['moved']);
    expect(changedConceptRows(rows, 0.1)).toEqual([]);
  });
});
