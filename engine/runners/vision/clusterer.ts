/**
 * Clarifai's clusterer models: each embedding of the node before gets a cluster `{id, projection}`
 * at the level it came in (per region → `regions[].data.clusters`, top level → `data.clusters`).
 * Clusters are remembered for the process (see cluster-memory.ts), so the same face keeps its id
 * across requests. Items are assigned in input order, so a batch answers the same way every time.
 */
import type { Data, Region } from '../../../contract/clarifai';
import { StatusCode } from '../../../contract/clarifai';
import type { Runner, RunnerItem, RunnerItemResult } from '../types';
import { ClusterMemory, type ClusterAnswer } from './cluster-memory';
import { ClusterParams, parseParams } from './params';
import { ItemFailure, itemError, mirrorRegion } from './sources';

export function createClustererRunner(model: string, memory = new ClusterMemory()): Runner {
  return {
    load: async () => undefined,
    async predict(items, rawParams) {
      const { threshold } = parseParams(ClusterParams, rawParams, model);
      return items.map((item): RunnerItemResult => {
        const started = performance.now();
        try {
          const data = cluster(item, model, (vector) => memory.assign(vector, threshold));
          return { data, timeMs: performance.now() - started };
        } catch (error) {
          return { error: itemError(error, model) };
        }
      });
    },
    async close() {
      memory.clear();
    },
  };
}

/** Pure over `assign`: where the embeddings are, and the same shape back with clusters. */
export function cluster(item: RunnerItem, model: string, assign: (vector: number[]) => ClusterAnswer): Data {
  const toCluster = (vector: number[]) => {
    const { id, projection } = assign(vector);
    return { id, projection };
  };
  for (const parent of item.parents) {
    const regions = parent.regions ?? [];
    if (regions.some((region) => region.data?.embeddings?.length)) {
      return {
        regions: regions.flatMap((region: Region) => {
          const vector = region.data?.embeddings?.[0]?.vector;
          return vector ? [mirrorRegion(region, { clusters: [toCluster(vector)] })] : [];
        }),
      };
    }
    const vector = parent.embeddings?.[0]?.vector;
    if (vector) return { clusters: [toCluster(vector)] };
  }
  // A detector that found nothing leaves an empty region list: nothing to cluster, not an error.
  if (item.parents.some((parent) => parent.regions?.length === 0)) return { regions: [] };
  throw new ItemFailure(
    StatusCode.INPUT_INVALID_ARGUMENT,
    `${model} clusters embeddings: put it after an embedding model`,
  );
}
