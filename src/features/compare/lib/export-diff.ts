/**
 * The whole comparison as one JSON document ("Export the differences as JSON"), and the zod
 * schema a later import validates it with. Plain data only: no Region objects (their crops carry
 * base64 images), no mask pixels, `null` rather than a missing field wherever a value can be
 * unknown, so `JSON.parse(JSON.stringify(x))` is `x` and the schema parses it back unchanged.
 */
import { z } from 'zod';
import type { BoundingBox, WorkflowVersion } from '@contract/clarifai';
import type { ComparedPair } from '@/features/compare/lib/pair-nodes';
import {
  DEFAULT_COMPARE_SETTINGS,
  diffOutputs,
  type CompareSettings,
} from '@/features/compare/lib/diff-outputs';
import {
  regionConfidence,
  type RegionMatch,
  type UnmatchedRegion,
} from '@/features/compare/lib/match-regions';
import type { ClassMaskDiff } from '@/features/compare/lib/diff-masks';
import { safeFileName } from '@/lib/download';
import { shortId } from '@/lib/format';

export const COMPARISON_FORMAT = 'workflow-lens/compare';
export const COMPARISON_SCHEMA_VERSION = 1;

const Box = z.object({
  top_row: z.number(),
  left_col: z.number(),
  bottom_row: z.number(),
  right_col: z.number(),
});
type Box = z.infer<typeof Box>;

const ModelRef = z.object({ id: z.string(), versionId: z.string().nullable() });

const ConceptRowExport = z.object({
  id: z.string(),
  name: z.string(),
  valueA: z.number().nullable(),
  valueB: z.number().nullable(),
  rankA: z.number().nullable(),
  rankB: z.number().nullable(),
  delta: z.number().nullable(),
  crossed: z.enum(['up', 'down']).nullable(),
  presence: z.enum(['both', 'a-only', 'b-only']),
});

const RegionMatchExport = z.object({
  indexA: z.number(),
  indexB: z.number(),
  regionIdA: z.string().nullable(),
  regionIdB: z.string().nullable(),
  iou: z.number().nullable(),
  confidenceA: z.number().nullable(),
  confidenceB: z.number().nullable(),
  confidenceDelta: z.number().nullable(),
  labelA: z.string().nullable(),
  labelB: z.string().nullable(),
  labelChanged: z.boolean(),
  pairedBy: z.enum(['box', 'region-id', 'concept']),
  boxA: Box.nullable(),
  boxB: Box.nullable(),
});

const UnmatchedRegionExport = z.object({
  index: z.number(),
  regionId: z.string().nullable(),
  label: z.string().nullable(),
  confidence: z.number().nullable(),
  box: Box.nullable(),
});

const TextDiffExport = z.object({
  runs: z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })),
  stats: z.object({ equal: z.number(), inserted: z.number(), deleted: z.number() }),
});

const MaskClassExport = z.object({
  className: z.string(),
  presence: z.enum(['both', 'a-only', 'b-only']),
  iou: z.number(),
  intersection: z.number(),
  union: z.number(),
  onlyA: z.number(),
  onlyB: z.number(),
});

const FrameExport = z.object({
  position: z.number(),
  timeMs: z.number(),
  disagrees: z.boolean(),
  reasons: z.array(z.enum(['missing', 'concepts', 'regions', 'labels', 'text'])),
  conceptsA: z.array(z.string()),
  conceptsB: z.array(z.string()),
  unmatchedA: z.number(),
  unmatchedB: z.number(),
});

const NodeDiffsExport = z.object({
  concepts: z.array(ConceptRowExport).optional(),
  regions: z
    .object({
      matched: z.array(RegionMatchExport),
      aOnly: z.array(UnmatchedRegionExport),
      bOnly: z.array(UnmatchedRegionExport),
    })
    .optional(),
  text: TextDiffExport.optional(),
  masks: z.array(MaskClassExport).optional(),
  embeddings: z
    .array(
      z.object({
        index: z.number(),
        dimensionsA: z.number().nullable(),
        dimensionsB: z.number().nullable(),
        similarity: z.number().nullable(),
      }),
    )
    .optional(),
  clusters: z
    .object({ idA: z.string().nullable(), idB: z.string().nullable(), changed: z.boolean() })
    .optional(),
  frames: z.array(FrameExport).optional(),
});

const NodePairExport = z.object({
  key: z.string(),
  status: z.enum(['unchanged', 'changed', 'added', 'removed']),
  pairedBy: z.enum(['node-id', 'model-id']).nullable(),
  nodeIdA: z.string().nullable(),
  nodeIdB: z.string().nullable(),
  modelA: ModelRef.nullable(),
  modelB: ModelRef.nullable(),
  changes: z.array(z.string()),
  timeMsA: z.number().nullable(),
  timeMsB: z.number().nullable(),
  timeDeltaMs: z.number().nullable(),
  diffs: NodeDiffsExport,
});

const VersionRef = z.object({
  id: z.string(),
  createdAt: z.string().nullable(),
  description: z.string().nullable(),
});

export const ComparisonExport = z.object({
  format: z.literal(COMPARISON_FORMAT),
  schemaVersion: z.literal(COMPARISON_SCHEMA_VERSION),
  exportedAt: z.string().nullable(),
  workflow: z.object({ id: z.string(), userId: z.string().nullable(), appId: z.string().nullable() }),
  versions: z.object({ a: VersionRef, b: VersionRef }),
  input: z.object({ id: z.string().nullable() }).nullable(),
  settings: z.object({ threshold: z.number(), iouThreshold: z.number() }),
  nodes: z.array(NodePairExport),
});
export type ComparisonExport = z.infer<typeof ComparisonExport>;
type NodePairExport = z.infer<typeof NodePairExport>;

export interface ComparisonExportInput {
  workflow: { id: string; userId?: string; appId?: string };
  versionA: WorkflowVersion;
  versionB: WorkflowVersion;
  /** From `compareNodes`/`pairOutputs`. */
  pairs: readonly ComparedPair[];
  settings?: CompareSettings;
  /** Per pair key, the per-class mask diffs the UI computed from decoded masks. */
  masks?: ReadonlyMap<string, readonly ClassMaskDiff[]>;
  inputId?: string;
  /** Passed in (not read from the clock) so the export stays a pure function. */
  exportedAt?: string;
}

function box(value: BoundingBox | undefined): Box | null {
  if (!value) return null;
  return {
    top_row: value.top_row ?? 0,
    left_col: value.left_col ?? 0,
    bottom_row: value.bottom_row ?? 0,
    right_col: value.right_col ?? 0,
  };
}

function exportMatch(match: RegionMatch): z.infer<typeof RegionMatchExport> {
  return {
    indexA: match.indexA,
    indexB: match.indexB,
    regionIdA: match.a.id ?? null,
    regionIdB: match.b.id ?? null,
    iou: match.iou,
    confidenceA: regionConfidence(match.a) ?? null,
    confidenceB: regionConfidence(match.b) ?? null,
    confidenceDelta: match.confidenceDelta,
    labelA: match.labelA ?? null,
    labelB: match.labelB ?? null,
    labelChanged: match.labelChanged,
    pairedBy: match.pairedBy,
    boxA: box(match.a.region_info?.bounding_box),
    boxB: box(match.b.region_info?.bounding_box),
  };
}

function exportUnmatched(entry: UnmatchedRegion): z.infer<typeof UnmatchedRegionExport> {
  return {
    index: entry.index,
    regionId: entry.region.id ?? null,
    label: entry.label ?? null,
    confidence: regionConfidence(entry.region) ?? null,
    box: box(entry.region.region_info?.bounding_box),
  };
}

function exportPair(
  pair: ComparedPair,
  settings: CompareSettings,
  masks: readonly ClassMaskDiff[] | undefined,
): NodePairExport {
  const diff = diffOutputs(pair.outputA, pair.outputB, settings);
  const diffs: NodePairExport['diffs'] = {};
  if (diff.concepts) diffs.concepts = diff.concepts.map((row) => ({ ...row }));
  if (diff.regions) {
    diffs.regions = {
      matched: diff.regions.matched.map(exportMatch),
      aOnly: diff.regions.aOnly.map(exportUnmatched),
      bOnly: diff.regions.bOnly.map(exportUnmatched),
    };
  }
  if (diff.text)
    diffs.text = { runs: diff.text.runs.map((run) => ({ ...run })), stats: { ...diff.text.stats } };
  if (masks) {
    diffs.masks = masks.map((m) => ({
      className: m.className,
      presence: m.presence,
      iou: m.iou,
      intersection: m.intersection,
      union: m.union,
      onlyA: m.onlyA,
      onlyB: m.onlyB,
    }));
  }
  if (diff.embeddings) diffs.embeddings = diff.embeddings.map((e) => ({ ...e }));
  if (diff.clusters) diffs.clusters = { ...diff.clusters };
  if (diff.frames) {
    diffs.frames = diff.frames.map((frame) => ({
      position: frame.position,
      timeMs: frame.timeMs,
      disagrees: frame.disagrees,
      reasons: [...frame.reasons],
      conceptsA: [...frame.conceptsA],
      conceptsB: [...frame.conceptsB],
      unmatchedA: frame.unmatchedA,
      unmatchedB: frame.unmatchedB,
    }));
  }
  const model = (node: ComparedPair['a']) =>
    node ? { id: node.model.id, versionId: node.model.model_version?.id ?? null } : null;
  return {
    key: pair.key,
    status: pair.status,
    pairedBy: pair.pairedBy,
    nodeIdA: pair.a?.id ?? null,
    nodeIdB: pair.b?.id ?? null,
    modelA: model(pair.a),
    modelB: model(pair.b),
    changes: [...pair.changes],
    timeMsA: pair.timeMsA ?? null,
    timeMsB: pair.timeMsB ?? null,
    timeDeltaMs: pair.timeDeltaMs ?? null,
    diffs,
  };
}

function versionRef(version: WorkflowVersion): z.infer<typeof VersionRef> {
  return { id: version.id, createdAt: version.created_at ?? null, description: version.description ?? null };
}

/** The comparison as a JSON-ready object that `ComparisonExport.parse` accepts. */
export function buildComparisonExport(input: ComparisonExportInput): ComparisonExport {
  const settings = input.settings ?? DEFAULT_COMPARE_SETTINGS;
  return {
    format: COMPARISON_FORMAT,
    schemaVersion: COMPARISON_SCHEMA_VERSION,
    exportedAt: input.exportedAt ?? null,
    workflow: {
      id: input.workflow.id,
      userId: input.workflow.userId ?? null,
      appId: input.workflow.appId ?? null,
    },
    versions: { a: versionRef(input.versionA), b: versionRef(input.versionB) },
    input: input.inputId === undefined ? null : { id: input.inputId },
    settings: { threshold: settings.threshold, iouThreshold: settings.iouThreshold },
    nodes: input.pairs.map((pair) => exportPair(pair, settings, input.masks?.get(pair.key))),
  };
}

/**
 * A file name for the download (`downloadJson` from '@/lib/download' writes it):
 * "general-a1b2c3d4-vs-e5f6a7b8.compare.json".
 */
export function comparisonFileName(comparison: ComparisonExport): string {
  const { workflow, versions } = comparison;
  return safeFileName(
    `${workflow.id}-${shortId(versions.a.id)}-vs-${shortId(versions.b.id)}`,
    'compare.json',
  );
}
