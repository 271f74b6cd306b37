/**
 * Every semantic diff of one node pair's outputs, picked by what the two `data` objects hold:
 * concepts, regions, text, embeddings, clusters, video frames. A kind is present in the result
 * when either side has it, so "B stopped returning text" shows as a diff against an empty text.
 * Masks are not here: their pixels must be decoded first (see diff-masks).
 */
import type { Data, Output } from '@contract/clarifai';
import {
  DEFAULT_CONCEPT_THRESHOLD,
  diffConcepts,
  type ConceptRow,
} from '@/features/compare/lib/diff-concepts';
import { DEFAULT_IOU_THRESHOLD, matchRegions, type RegionDiff } from '@/features/compare/lib/match-regions';
import { diffWords, type WordDiff } from '@/features/compare/lib/diff-words';
import {
  diffClusters,
  diffEmbeddings,
  type ClusterDiff,
  type EmbeddingDiff,
} from '@/features/compare/lib/diff-vectors';
import { diffFrames, type FrameDiff } from '@/features/compare/lib/diff-frames';

export interface CompareSettings {
  /** The concept threshold: concepts crossing it are marked; frames compare concepts above it. */
  threshold: number;
  /** Minimum IoU for two boxes to be the same detection. */
  iouThreshold: number;
}

export const DEFAULT_COMPARE_SETTINGS: CompareSettings = {
  threshold: DEFAULT_CONCEPT_THRESHOLD,
  iouThreshold: DEFAULT_IOU_THRESHOLD,
};

export interface OutputDiff {
  concepts?: ConceptRow[];
  regions?: RegionDiff;
  text?: WordDiff;
  embeddings?: EmbeddingDiff[];
  clusters?: ClusterDiff;
  frames?: FrameDiff[];
}

export function diffData(
  a: Data | undefined,
  b: Data | undefined,
  settings: CompareSettings = DEFAULT_COMPARE_SETTINGS,
): OutputDiff {
  const diff: OutputDiff = {};
  if (a?.concepts || b?.concepts) {
    diff.concepts = diffConcepts(a?.concepts ?? [], b?.concepts ?? [], { threshold: settings.threshold });
  }
  if (a?.regions || b?.regions) {
    diff.regions = matchRegions(a?.regions ?? [], b?.regions ?? [], { iouThreshold: settings.iouThreshold });
  }
  if (a?.text?.raw !== undefined || b?.text?.raw !== undefined) {
    diff.text = diffWords(a?.text?.raw ?? '', b?.text?.raw ?? '');
  }
  if (a?.embeddings || b?.embeddings)
    diff.embeddings = diffEmbeddings(a?.embeddings ?? [], b?.embeddings ?? []);
  if (a?.clusters || b?.clusters) diff.clusters = diffClusters(a?.clusters ?? [], b?.clusters ?? []);
  if (a?.frames || b?.frames) {
    diff.frames = diffFrames(a?.frames ?? [], b?.frames ?? [], {
      threshold: settings.threshold,
      iouThreshold: settings.iouThreshold,
    });
  }
  return diff;
}

export function diffOutputs(
  a: Output | undefined,
  b: Output | undefined,
  settings: CompareSettings = DEFAULT_COMPARE_SETTINGS,
): OutputDiff {
  return diffData(a?.data, b?.data, settings);
}

/** True when any kind shows a difference: what the node list uses to flag "output differs". */
export function outputsDiffer(diff: OutputDiff): boolean {
  return (
    (diff.concepts?.some((row) => row.crossed !== null || row.presence !== 'both' || row.delta !== 0) ??
      false) ||
    (diff.regions !== undefined &&
      (diff.regions.aOnly.length > 0 ||
        diff.regions.bOnly.length > 0 ||
        diff.regions.matched.some(
          (m) => m.labelChanged || (m.iou !== null && m.iou < 1) || (m.confidenceDelta ?? 0) !== 0,
        ))) ||
    (diff.text?.changed ?? false) ||
    (diff.embeddings?.some((e) => e.similarity === null || e.similarity < 1 - 1e-9) ?? false) ||
    (diff.clusters?.changed ?? false) ||
    (diff.frames?.some((frame) => frame.disagrees) ?? false)
  );
}
