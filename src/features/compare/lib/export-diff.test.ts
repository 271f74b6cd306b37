import { describe, expect, it } from 'vitest';
import type { Output, WorkflowNode, WorkflowVersion } from '@contract/clarifai';
import { compareNodes } from '@/features/compare/lib/pair-nodes';
import { diffMaskClasses } from '@/features/compare/lib/diff-masks';
import {
  buildComparisonExport,
  comparisonFileName,
  ComparisonExport,
} from '@/features/compare/lib/export-diff';
import { diffOutputs, outputsDiffer } from '@/features/compare/lib/diff-outputs';

const nodesA: WorkflowNode[] = [
  { id: 'detect', model: { id: 'general-detector', model_version: { id: '1a2b' } } },
  { id: 'classify', model: { id: 'general' } },
  { id: 'ocr', model: { id: 'ocr' } },
  { id: 'embed', model: { id: 'embedder' } },
  { id: 'segment', model: { id: 'segmenter' } },
];
const nodesB: WorkflowNode[] = [
  { id: 'detect', model: { id: 'general-detector', model_version: { id: '3c4d' } } },
  { id: 'classify', model: { id: 'general' } },
  { id: 'ocr', model: { id: 'ocr' } },
  { id: 'embed', model: { id: 'embedder' } },
  { id: 'segment', model: { id: 'segmenter' } },
  { id: 'cluster', model: { id: 'clusterer' }, node_inputs: [{ node_id: 'embed' }] },
];
const box = { top_row: 0, left_col: 0, bottom_row: 0.5, right_col: 0.5 };
const outputsA: Output[] = [
  {
    status: { code: 10000, time_ms: 40 },
    data: {
      regions: [
        {
          id: 'r',
          value: 0.9,
          region_info: { bounding_box: box },
          data: { concepts: [{ id: 'cat', name: 'cat', value: 0.9 }] },
        },
      ],
    },
  },
  { status: { code: 10000, time_ms: 10 }, data: { concepts: [{ id: 'cat', name: 'cat', value: 0.45 }] } },
  { data: { text: { raw: 'hello world' } } },
  { data: { embeddings: [{ vector: [1, 0] }] } },
  { data: { regions: [] } },
];
const outputsB: Output[] = [
  {
    status: { code: 10000, time_ms: 55 },
    data: {
      regions: [
        {
          id: 'r',
          value: 0.8,
          region_info: { bounding_box: box },
          data: { concepts: [{ id: 'dog', name: 'dog', value: 0.8 }] },
        },
      ],
    },
  },
  { status: { code: 10000, time_ms: 12 }, data: { concepts: [{ id: 'cat', name: 'cat', value: 0.55 }] } },
  { data: { text: { raw: 'hello there world' } } },
  { data: { embeddings: [{ vector: [1, 1] }] } },
  { data: { regions: [] } },
  { data: { clusters: [{ id: '3_1' }] } },
];
const versionA: WorkflowVersion = { id: 'aaaaaaaaaaaa', created_at: '2026-11-01T10:00:00Z', nodes: nodesA };
const versionB: WorkflowVersion = { id: 'bbbbbbbbbbbb', nodes: nodesB };

const pairs = compareNodes({ nodes: nodesA, outputs: outputsA }, { nodes: nodesB, outputs: outputsB });
const size = { width: 2, height: 1 };
const masks = new Map([
  [
    'segment',
    diffMaskClasses(
      new Map([['person', Uint8Array.from([1, 1])]]),
      new Map([['person', Uint8Array.from([1, 0])]]),
      size,
    ),
  ],
]);
const comparison = buildComparisonExport({
  workflow: { id: 'General' },
  versionA,
  versionB,
  pairs,
  masks,
  inputId: 'input-1',
  exportedAt: '2026-11-24T03:00:00Z',
});

describe('buildComparisonExport', () => {
  it('records each node pair with its status, changes and times', () => {
    expect(comparison.nodes.map((n) => [n.key, n.status, n.timeMsA, n.timeMsB, n.timeDeltaMs])).toEqual([
      ['detect', 'changed', 40, 55, 15],
      ['classify', 'unchanged', 10, 12, 2],
      ['ocr', 'unchanged', null, null, null],
      ['embed', 'unchanged', null, null, null],
      ['segment', 'unchanged', null, null, null],
      ['cluster', 'added', null, null, null],
    ]);
    expect(comparison.nodes[0]?.changes).toEqual(['model version 1a2b → 3c4d']);
    expect(comparison.nodes[0]?.modelB).toEqual({ id: 'general-detector', versionId: '3c4d' });
  });

  it('holds the per-kind diffs', () => {
    const [detect, classify, ocr, embed, segment, cluster] = comparison.nodes;
    expect(detect?.diffs.regions?.matched[0]).toMatchObject({
      labelA: 'cat',
      labelB: 'dog',
      labelChanged: true,
      iou: 1,
    });
    expect(detect?.diffs.regions?.matched[0]?.confidenceDelta).toBeCloseTo(-0.1, 10);
    expect(classify?.diffs.concepts?.[0]?.crossed).toBe('up');
    expect(ocr?.diffs.text?.runs).toEqual([
      { op: 'equal', text: 'hello ' },
      { op: 'insert', text: 'there ' },
      { op: 'equal', text: 'world' },
    ]);
    expect(embed?.diffs.embeddings?.[0]?.similarity).toBeCloseTo(Math.SQRT1_2, 10);
    expect(segment?.diffs.masks?.[0]).toMatchObject({ className: 'person', iou: 0.5, onlyA: 1 });
    expect(cluster?.diffs.clusters).toEqual({ idA: null, idB: '3_1', changed: true });
  });

  it('survives a JSON round trip and validates against its schema', () => {
    const roundTripped: unknown = JSON.parse(JSON.stringify(comparison));
    expect(ComparisonExport.parse(roundTripped)).toEqual(comparison);
  });

  it('is rejected by the schema when tampered with', () => {
    const broken = { ...comparison, schemaVersion: 2 };
    expect(ComparisonExport.safeParse(broken).success).toBe(false);
  });

  it('names the download after the workflow and both versions', () => {
    expect(comparisonFileName(comparison)).toBe('General-aaaaaaaa-vs-bbbbbbbb.compare.json');
  });
});

describe('outputsDiffer', () => {
  it('is false for identical outputs and true for a changed one', () => {
    expect(outputsDiffer(diffOutputs(outputsA[1], outputsA[1]))).toBe(false);
    expect(outputsDiffer(diffOutputs(outputsA[1], outputsB[1]))).toBe(true);
    expect(outputsDiffer(diffOutputs(outputsA[3], outputsA[3]))).toBe(false);
  });
});
