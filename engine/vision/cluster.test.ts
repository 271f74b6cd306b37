import { describe, expect, it } from 'vitest';
import { clusterEmbeddings, cosineSimilarity } from './models/cluster';

/** Three well separated groups of 8-d vectors, with small deterministic jitter. */
function groups(): number[][] {
  const centres = [
    [1, 0, 0, 0, 0.2, 0, 0, 0],
    [0, 1, 0, 0, 0, 0.2, 0, 0],
    [0, 0, 1, 0.3, 0, 0, 0, 0],
  ];
  const vectors: number[][] = [];
  for (let i = 0; i < 12; i++) {
    const centre = centres[i % 3] ?? [];
    vectors.push(centre.map((x, d) => x + 0.05 * Math.sin(i * 3.1 + d * 1.7)));
  }
  return vectors;
}

describe('clusterEmbeddings', () => {
  it('finds the three groups by similarity threshold, numbering clusters by first appearance', () => {
    const result = clusterEmbeddings(groups(), { threshold: 0.8 });
    expect(result.clusters).toHaveLength(3);
    expect(result.assignments.slice(0, 6)).toEqual(['cluster-0', 'cluster-1', 'cluster-2', 'cluster-0', 'cluster-1', 'cluster-2']);
    expect(result.clusters[0]).toEqual({ id: 'cluster-0', members: [0, 3, 6, 9] });
  });

  it('finds the same groups with k-means', () => {
    const result = clusterEmbeddings(groups(), { method: 'kmeans', k: 3 });
    expect(result.assignments).toEqual(clusterEmbeddings(groups()).assignments);
  });

  it('gives the same answer every time, including the projection', () => {
    const a = clusterEmbeddings(groups());
    const b = clusterEmbeddings(groups().map((v) => [...v]));
    expect(b).toEqual(a);
    expect(clusterEmbeddings(groups(), { method: 'kmeans', k: 2 })).toEqual(clusterEmbeddings(groups(), { method: 'kmeans', k: 2 }));
  });

  it('projects to 2-D so that groups stay apart', () => {
    const { projection, assignments } = clusterEmbeddings(groups());
    expect(projection).toHaveLength(12);
    const distance = (i: number, j: number) => {
      const [ax = 0, ay = 0] = projection[i] ?? [];
      const [bx = 0, by = 0] = projection[j] ?? [];
      return Math.hypot(ax - bx, ay - by);
    };
    // Same group (0 and 3) lies closer than different groups (0 and 1, 0 and 2).
    expect(assignments[0]).toBe(assignments[3]);
    expect(distance(0, 3)).toBeLessThan(distance(0, 1) / 4);
    expect(distance(0, 3)).toBeLessThan(distance(0, 2) / 4);
  });

  it('recovers the axis of a line of points, with a fixed sign', () => {
    const line = [0, 1, 2, 3, 4].map((t) => [t, 2 * t, 0]);
    const { projection } = clusterEmbeddings(line, { threshold: 0.99 });
    const xs = projection.map(([x]) => x);
    // Evenly spaced along the first axis, centred on zero, increasing (sign fixed), no second axis.
    expect(xs[2]).toBeCloseTo(0);
    expect((xs[1] ?? 0) - (xs[0] ?? 0)).toBeCloseTo(Math.sqrt(5));
    expect(projection.every(([, y]) => Math.abs(y) < 1e-6)).toBe(true);
  });

  it('handles no vectors, one vector, and refuses ragged input', () => {
    expect(clusterEmbeddings([])).toEqual({ assignments: [], clusters: [], projection: [] });
    expect(clusterEmbeddings([[1, 2, 3]])).toEqual({ assignments: ['cluster-0'], clusters: [{ id: 'cluster-0', members: [0] }], projection: [[0, 0]] });
    expect(() => clusterEmbeddings([[1, 2], [1]])).toThrow(RangeError);
  });
});

describe('cosineSimilarity', () => {
  it('is 1 for parallel, 0 for orthogonal, -1 for opposite vectors', () => {
    expect(cosineSimilarity([1, 2], [2, 4])).toBeCloseTo(1);
    expect(cosineSimilarity([1, 0], [0, 3])).toBeCloseTo(0);
    expect(cosineSimilarity([1, 1], [-1, -1])).toBeCloseTo(-1);
    expect(cosineSimilarity([0, 0], [1, 1])).toBe(0);
  });
});
