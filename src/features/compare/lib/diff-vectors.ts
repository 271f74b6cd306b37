/**
 * Embeddings and clusters of two versions. An embedding is only comparable with one of the same
 * dimension (a new embedder usually changes it): then the cosine similarity says how far the
 * input moved in the embedding space (1: same direction). A cluster answer is compared by id.
 */
import type { z } from 'zod';
import type { Cluster, Embedding } from '@contract/clarifai';

type EmbeddingValue = z.infer<typeof Embedding>;
type ClusterValue = z.infer<typeof Cluster>;

/** cos(a, b) in −1..1; null when the lengths differ, a vector is empty or has zero length. */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number | null {
  if (a.length !== b.length || a.length === 0) return null;
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  if (normA === 0 || normB === 0) return null;
  // Rounding can push |cos| a hair past 1.
  return Math.max(-1, Math.min(1, dot / Math.sqrt(normA * normB)));
}

export interface EmbeddingDiff {
  /** Position in `embeddings[]` (one per input or region; usually just one). */
  index: number;
  dimensionsA: number | null;
  dimensionsB: number | null;
  /** Null when not comparable (a side missing, dimensions differ, zero vector). */
  similarity: number | null;
}

/** Pairs embeddings by position and compares each pair. */
export function diffEmbeddings(a: readonly EmbeddingValue[], b: readonly EmbeddingValue[]): EmbeddingDiff[] {
  const count = Math.max(a.length, b.length);
  return Array.from({ length: count }, (_, index) => {
    const vectorA = a[index]?.vector;
    const vectorB = b[index]?.vector;
    return {
      index,
      dimensionsA: vectorA ? vectorA.length : null,
      dimensionsB: vectorB ? vectorB.length : null,
      similarity: vectorA && vectorB ? cosineSimilarity(vectorA, vectorB) : null,
    };
  });
}

export interface ClusterDiff {
  idA: string | null;
  idB: string | null;
  changed: boolean;
}

/** The cluster each version put the input in (the first cluster of each answer). */
export function diffClusters(a: readonly ClusterValue[], b: readonly ClusterValue[]): ClusterDiff {
  const idA = a[0]?.id ?? null;
  const idB = b[0]?.id ?? null;
  return { idA, idB, changed: idA !== idB };
}
