import { describe, expect, it } from 'vitest';
import { ClusterMemory } from './cluster-memory';

/** A unit-ish vector pointing mostly along axis `axis`, nudged by `noise` along the next one. */
function around(axis: number, noise = 0, dims = 16): number[] {
  const v = new Array<number>(dims).fill(0);
  v[axis] = 1;
  v[(axis + 1) % dims] = noise;
  return v;
}

describe('ClusterMemory', () => {
  it('gives the same vector the same id and projection every time, across calls', () => {
    const memory = new ClusterMemory();
    const first = memory.assign(around(0), 0.8);
    const again = memory.assign(around(0), 0.8);
    expect(again).toEqual(first);
    expect(first.id).toMatch(/^[0-9a-f]{8}$/);
    expect(first.projection).toHaveLength(2);
  });

  it('puts a near copy in the same cluster and a different vector in a new one', () => {
    const memory = new ClusterMemory();
    const a = memory.assign(around(0), 0.8);
    const nearA = memory.assign(around(0, 0.2), 0.8); // cosine 0.98
    const b = memory.assign(around(5), 0.8);
    expect(nearA.id).toBe(a.id);
    expect(b.id).not.toBe(a.id);
    // The projection is the vector's own, not its cluster's.
    expect(nearA.projection).not.toEqual(a.projection);
    expect(memory.size()).toBe(2);
  });

  it('never moves a vector once placed: a later, closer cluster does not steal it', () => {
    const memory = new ClusterMemory();
    const threshold = 0.7;
    const leader = memory.assign([1, 0, 0], threshold);
    // 45° from the leader: cosine 0.707, so it joins the leader.
    const between = [Math.SQRT1_2, Math.SQRT1_2, 0];
    expect(memory.assign(between, threshold).id).toBe(leader.id);
    // A new cluster right on top of `between`'s direction would be nearer to it...
    const other = memory.assign([0, 1, 0], threshold);
    expect(other.id).not.toBe(leader.id);
    // ...but the oldest match wins, so `between` keeps its cluster.
    expect(memory.assign(between, threshold).id).toBe(leader.id);
  });

  it('names a cluster after its first member, so a fresh memory names it the same way', () => {
    const one = new ClusterMemory().assign(around(3), 0.8);
    const two = new ClusterMemory().assign(around(3), 0.8);
    expect(two).toEqual(one);
  });

  it('keeps clusterings with different thresholds apart', () => {
    const memory = new ClusterMemory();
    const strict = memory.assign(around(0), 0.99);
    expect(memory.assign(around(0, 0.3), 0.99).id).not.toBe(strict.id); // cosine 0.958
    expect(memory.assign(around(0, 0.3), 0.5).id).not.toBe(strict.id);
    expect(memory.size()).toBe(3);
  });

  it('ignores the length of a vector (cosine) and projects similar vectors close together', () => {
    const memory = new ClusterMemory();
    const a = memory.assign(around(0, 0.1), 0.9);
    const scaled = memory.assign(
      around(0, 0.1).map((x) => x * 7),
      0.9,
    );
    expect(scaled).toEqual(a);
    const far = memory.assign(around(8), 0.9);
    const distance = (p: number[], q: number[]) =>
      Math.hypot((p[0] ?? 0) - (q[0] ?? 0), (p[1] ?? 0) - (q[1] ?? 0));
    const near = memory.assign(around(0, 0.15), 0.9);
    expect(distance(a.projection, near.projection)).toBeLessThan(distance(a.projection, far.projection));
  });

  it('forgets the least recently matched cluster past its capacity', () => {
    const memory = new ClusterMemory({ capacity: 2 });
    const a = memory.assign(around(0), 0.9);
    memory.assign(around(4), 0.9);
    memory.assign(around(0), 0.9); // a was used last, so the around(4) cluster is the stalest
    memory.assign(around(8), 0.9);
    expect(memory.size()).toBe(2);
    expect(memory.assign(around(0), 0.9).id).toBe(a.id);
  });

  it('refuses empty and non-finite vectors', () => {
    const memory = new ClusterMemory();
    expect(() => memory.assign([], 0.5)).toThrow(RangeError);
    expect(() => memory.assign([1, Number.NaN], 0.5)).toThrow(RangeError);
  });
});
