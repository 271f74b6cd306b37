/**
 * A clusterer for embeddings (Clarifai's "clusterer" model type): cluster ids plus a 2-D
 * projection to plot. Pure and deterministic: the same vectors always give the same ids and the
 * same coordinates (no random seeds, fixed iteration orders, a fixed sign for each axis), so a
 * re-run of a workflow does not reshuffle the picture.
 */

export interface ClusterOptions {
  /**
   * 'threshold' (default): average-linkage agglomerative clustering, merging while the two
   * closest clusters' mean cosine similarity is at least `threshold`; the number of clusters
   * follows from the data. 'kmeans': exactly `k` clusters (fewer if there are fewer vectors).
   */
  method?: 'threshold' | 'kmeans';
  /** Cosine similarity needed to merge, for 'threshold'. Default 0.8. */
  threshold?: number;
  /** Number of clusters, for 'kmeans'. Default 2. */
  k?: number;
}

export interface Clustering {
  /** Cluster id per input vector, in input order ("cluster-0", "cluster-1"...). */
  assignments: string[];
  /** Clusters numbered in order of their first member in the input. */
  clusters: { id: string; members: number[] }[];
  /** PCA coordinates [x, y] per input vector (first two principal components). */
  projection: [number, number][];
}

export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new RangeError(`vectors differ in length: ${a.length} and ${b.length}`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

export function clusterEmbeddings(vectors: readonly (readonly number[])[], options: ClusterOptions = {}): Clustering {
  const n = vectors.length;
  const dims = vectors[0]?.length ?? 0;
  for (const v of vectors) {
    if (v.length !== dims) throw new RangeError(`all vectors must have ${dims} dimensions, one has ${v.length}`);
    if (!v.every(Number.isFinite)) throw new RangeError('vectors must hold finite numbers');
  }
  const labels =
    options.method === 'kmeans' ? kMeans(vectors, Math.min(n, Math.max(1, Math.floor(options.k ?? 2)))) : agglomerate(vectors, options.threshold ?? 0.8);
  // Renumber in order of first appearance so ids do not depend on the algorithm's internals.
  const renumber = new Map<number, number>();
  const assignments = labels.map((label) => {
    if (!renumber.has(label)) renumber.set(label, renumber.size);
    return `cluster-${renumber.get(label) ?? 0}`;
  });
  const clusters = [...renumber.values()].map((index) => ({
    id: `cluster-${index}`,
    members: assignments.flatMap((id, i) => (id === `cluster-${index}` ? [i] : [])),
  }));
  return { assignments, clusters, projection: pca2(vectors) };
}

function normalise(v: readonly number[]): number[] {
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return norm === 0 ? v.map(() => 0) : v.map((x) => x / norm);
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

/** Average-linkage agglomerative clustering on cosine similarity. O(n³), fine for a few hundred. */
function agglomerate(vectors: readonly (readonly number[])[], threshold: number): number[] {
  const unit = vectors.map(normalise);
  const n = unit.length;
  const sim: number[][] = unit.map((a) => unit.map((b) => dot(a, b)));
  let groups: number[][] = unit.map((_, i) => [i]);
  for (;;) {
    let best = -Infinity;
    let pair: [number, number] | undefined;
    for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        const ga = groups[a] ?? [];
        const gb = groups[b] ?? [];
        let total = 0;
        for (const i of ga) for (const j of gb) total += sim[i]?.[j] ?? 0;
        const mean = total / (ga.length * gb.length);
        // Strictly greater: on ties the earliest pair wins, which keeps the result deterministic.
        if (mean > best) {
          best = mean;
          pair = [a, b];
        }
      }
    }
    if (!pair || best < threshold) break;
    const [a, b] = pair;
    groups = groups.flatMap((g, i) => (i === a ? [[...g, ...(groups[b] ?? [])]] : i === b ? [] : [g]));
  }
  const labels = new Array<number>(n).fill(0);
  groups.forEach((g, label) => g.forEach((i) => (labels[i] = label)));
  return labels;
}

/**
 * k-means on unit vectors (spherical k-means). Seeds deterministically: the vector nearest the
 * mean first, then repeatedly the vector farthest from every seed chosen so far.
 */
function kMeans(vectors: readonly (readonly number[])[], k: number): number[] {
  const unit = vectors.map(normalise);
  if (unit.length === 0) return [];
  const mean = normalise(unit[0]?.map((_, d) => unit.reduce((s, v) => s + (v[d] ?? 0), 0)) ?? []);
  const seeds: number[] = [argMax(unit.map((v) => dot(v, mean)))];
  while (seeds.length < k) {
    seeds.push(argMax(unit.map((v, i) => (seeds.includes(i) ? -Infinity : -Math.max(...seeds.map((s) => dot(v, unit[s] ?? v)))))));
  }
  let centroids = seeds.map((s) => unit[s] ?? []);
  let labels = unit.map(() => -1);
  for (let iteration = 0; iteration < 100; iteration++) {
    const next = unit.map((v) => argMax(centroids.map((c) => dot(v, c))));
    if (next.every((label, i) => label === labels[i])) break;
    labels = next;
    centroids = centroids.map((old, c) => {
      const members = unit.filter((_, i) => labels[i] === c);
      if (members.length === 0) return old; // An emptied cluster keeps its centroid.
      return normalise(old.map((_, d) => members.reduce((s, v) => s + (v[d] ?? 0), 0)));
    });
  }
  return labels;
}

function argMax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] ?? -Infinity) > (values[best] ?? -Infinity)) best = i;
  return best;
}

/**
 * The first two principal components by power iteration on the centred data (never forming the
 * d x d covariance: 1280-d vectors would make it 1.6 M entries). Each axis's sign is fixed so its
 * largest-magnitude coordinate is positive, since an eigenvector's sign is otherwise arbitrary.
 */
function pca2(vectors: readonly (readonly number[])[]): [number, number][] {
  const n = vectors.length;
  const dims = vectors[0]?.length ?? 0;
  if (n === 0) return [];
  const mean = new Array<number>(dims).fill(0);
  for (const v of vectors) for (let d = 0; d < dims; d++) mean[d] = (mean[d] ?? 0) + (v[d] ?? 0) / n;
  const centred = vectors.map((v) => v.map((x, d) => x - (mean[d] ?? 0)));
  const axes: number[][] = [];
  for (let axis = 0; axis < 2; axis++) {
    // A fixed, non-symmetric start so no principal direction is orthogonal to it by construction.
    let v = normalise(Array.from({ length: dims }, (_, d) => 1 + ((d * 7919) % 13) / 13));
    for (let iteration = 0; iteration < 200; iteration++) {
      const scores = centred.map((row) => dot(row, v));
      let next = new Array<number>(dims).fill(0);
      centred.forEach((row, i) => row.forEach((x, d) => (next[d] = (next[d] ?? 0) + x * (scores[i] ?? 0))));
      for (const previous of axes) {
        const overlap = dot(next, previous);
        next = next.map((x, d) => x - overlap * (previous[d] ?? 0));
      }
      const norm = Math.sqrt(dot(next, next));
      if (norm < 1e-12) {
        v = next.map(() => 0); // No variance left along any new direction.
        break;
      }
      next = next.map((x) => x / norm);
      const change = 1 - Math.abs(dot(next, v));
      v = next;
      if (change < 1e-12) break;
    }
    const peak = v.reduce((best, x, d) => (Math.abs(x) > Math.abs(v[best] ?? 0) ? d : best), 0);
    axes.push((v[peak] ?? 0) < 0 ? v.map((x) => -x) : v);
  }
  return centred.map((row) => [round(dot(row, axes[0] ?? [])), round(dot(row, axes[1] ?? []))]);
}

/** Rounds away floating-point noise below 1e-9 so equal inputs print equal coordinates. */
function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
