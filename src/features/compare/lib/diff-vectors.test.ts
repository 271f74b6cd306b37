import { describe, expect, it } from 'vitest';
import { cosineSimilarity, diffClusters, diffEmbeddings } from '@/features/compare/lib/diff-vectors';

describe('cosineSimilarity', () => {
  it('gives known answers', () => {
    expect(cosineSimilarity([1, 0], [0, 1])).toBe(0);
    expect(cosineSimilarity([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(cosineSimilarity([1, 0], [-1, 0])).toBe(-1);
    expect(cosineSimilarity([1, 1], [1, 0])).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('is null when the vectors cannot be compared', () => {
    expect(cosineSimilarity([1, 2], [1, 2, 3])).toBeNull();
    expect(cosineSimilarity([0, 0], [1, 0])).toBeNull();
    expect(cosineSimilarity([], [])).toBeNull();
  });
});

describe('diffEmbeddings', () => {
  it('pairs by position and reports dimensions', () => {
    expect(diffEmbeddings([{ vector: [1, 0] }], [{ vector: [1, 0, 0] }, { vector: [1] }])).toEqual([
      { index: 0, dimensionsA: 2, dimensionsB: 3, similarity: null },
      { index: 1, dimensionsA: null, dimensionsB: 1, similarity: null },
    ]);
  });
});

describe('diffClusters', () => {
  it('says whether the cluster id changed', () => {
    expect(diffClusters([{ id: '3_7' }], [{ id: '3_7' }])).toEqual({
      idA: '3_7',
      idB: '3_7',
      changed: false,
    });
    expect(diffClusters([{ id: '3_7' }], [{ id: '4_1' }]).changed).toBe(true);
    expect(diffClusters([{ id: '3_7' }], [])).toEqual({ idA: '3_7', idB: null, changed: true });
  });
});
