/**
 * Clarifai's clusterer models answer each embedding with a cluster id and a 2-D projection, and a
 * given image keeps its cluster from one request to the next. A batch clusterer (k-means over the
 * request) cannot promise that, so this one remembers clusters for the life of the process:
 *
 * - Leader clustering: a vector joins the OLDEST remembered cluster whose first member (its
 *   leader) is at least `threshold` similar (cosine); if none is, it founds a new cluster. Leaders
 *   never move and older clusters are tried first, so a vector's cluster can never change later:
 *   the same face gets the same id in every request, and a new face that resembles no one gets a
 *   new id.
 * - The id is a hash of the leader vector (rounded), so a fresh process that sees the same first
 *   face again names its cluster the same way.
 * - The projection is onto two fixed pseudo-random directions (seeded by the vector's length):
 *   a function of the vector alone, so it too is stable across requests and restarts, and similar
 *   vectors land close together (random projections roughly keep distances).
 *
 * Memory is bounded: past `capacity` clusters per space the least recently matched is forgotten.
 */
import { createHash } from 'node:crypto';

export interface ClusterAnswer {
  readonly id: string;
  readonly projection: [number, number];
}

interface Leader {
  readonly id: string;
  readonly unit: Float64Array;
  lastUsed: number;
}

export interface ClusterMemoryOptions {
  /** Clusters remembered per space (dimensions x threshold). Default 5000. */
  readonly capacity?: number;
}

export class ClusterMemory {
  private readonly spaces = new Map<string, Leader[]>();
  private readonly capacity: number;
  private tick = 0;

  constructor(options: ClusterMemoryOptions = {}) {
    this.capacity = options.capacity ?? 5000;
  }

  /**
   * The cluster of `vector` under `threshold`, founding one if needed. Different thresholds are
   * different clusterings (a version of a workflow may ask for looser clusters), kept apart.
   */
  assign(vector: readonly number[], threshold: number): ClusterAnswer {
    if (vector.length === 0) throw new RangeError('an embedding with no dimensions cannot be clustered');
    if (!vector.every(Number.isFinite)) throw new RangeError('embedding values must be finite numbers');
    const unit = normalise(vector);
    const key = `${vector.length}:${threshold}`;
    let leaders = this.spaces.get(key);
    if (!leaders) {
      leaders = [];
      this.spaces.set(key, leaders);
    }
    this.tick++;
    let leader = leaders.find((candidate) => dot(candidate.unit, unit) >= threshold);
    if (leader) {
      leader.lastUsed = this.tick;
    } else {
      if (leaders.length >= this.capacity) {
        const stalest = leaders.reduce((a, b) => (b.lastUsed < a.lastUsed ? b : a));
        leaders.splice(leaders.indexOf(stalest), 1);
      }
      leader = { id: uniqueId(leaderId(unit), leaders), unit, lastUsed: this.tick };
      leaders.push(leader);
    }
    return { id: leader.id, projection: project(unit) };
  }

  /** Clusters remembered, over every space. */
  size(): number {
    let total = 0;
    for (const leaders of this.spaces.values()) total += leaders.length;
    return total;
  }

  clear(): void {
    this.spaces.clear();
  }
}

function normalise(vector: readonly number[]): Float64Array {
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm);
  const unit = new Float64Array(vector.length);
  if (norm > 0) vector.forEach((x, i) => (unit[i] = x / norm));
  return unit;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

/** 8 hex characters of a hash of the unit vector at 3 decimals: immune to float noise below that. */
function leaderId(unit: Float64Array): string {
  const hash = createHash('sha256');
  hash.update(Array.from(unit, (x) => (Math.round(x * 1000) / 1000).toFixed(3)).join(','));
  return hash.digest('hex').slice(0, 8);
}

function uniqueId(id: string, leaders: readonly Leader[]): string {
  let candidate = id;
  for (let n = 2; leaders.some((leader) => leader.id === candidate); n++) candidate = `${id}-${n}`;
  return candidate;
}

const directions = new Map<number, [Float64Array, Float64Array]>();

/** Two fixed Gaussian directions for vectors of `dims` dimensions (seeded, so always the same). */
function directionsFor(dims: number): [Float64Array, Float64Array] {
  let pair = directions.get(dims);
  if (!pair) {
    const random = mulberry32(0x9e3779b9 ^ dims);
    const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    pair = [Float64Array.from({ length: dims }, gaussian), Float64Array.from({ length: dims }, gaussian)];
    directions.set(dims, pair);
  }
  return pair;
}

function project(unit: Float64Array): [number, number] {
  const [x, y] = directionsFor(unit.length);
  const round = (value: number) => Math.round(value * 1e6) / 1e6;
  return [round(dot(unit, x)), round(dot(unit, y))];
}

/** A small, fast seeded PRNG (public domain); uniform in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
