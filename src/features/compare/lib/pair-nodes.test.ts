import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Output, WorkflowNode } from '@contract/clarifai';
import {
  compareNodes,
  effectiveParams,
  nodeChanges,
  outputsForNodes,
  pairNodes,
} from '@/features/compare/lib/pair-nodes';

const node = (
  id: string,
  modelId: string,
  extra: { version?: string; inputs?: string[]; params?: Record<string, unknown>; suppress?: boolean } = {},
): WorkflowNode => ({
  id,
  model: { id: modelId, ...(extra.version ? { model_version: { id: extra.version } } : {}) },
  ...(extra.inputs ? { node_inputs: extra.inputs.map((node_id) => ({ node_id })) } : {}),
  ...(extra.params ? { output_info_override: { params: extra.params } } : {}),
  ...(extra.suppress ? { suppress_output: true } : {}),
});

const output = (modelId: string, timeMs?: number): Output => ({
  model: { id: modelId },
  status: { code: 10000, ...(timeMs === undefined ? {} : { time_ms: timeMs }) },
});

describe('nodeChanges', () => {
  it('says which model replaced which', () => {
    expect(
      nodeChanges(
        node('translate', 'text-translation-english-spanish'),
        node('translate', 'text-translation-english-french'),
      ),
    ).toEqual(['model text-translation-english-spanish → text-translation-english-french']);
  });

  it('names a new model version, and a missing one as (none)', () => {
    expect(nodeChanges(node('d', 'm', { version: '1a2b' }), node('d', 'm', { version: '3c4d' }))).toEqual([
      'model version 1a2b → 3c4d',
    ]);
    expect(nodeChanges(node('d', 'm', { version: '1a2b' }), node('d', 'm'))).toEqual([
      'model version 1a2b → (none)',
    ]);
  });

  it('lists changed parameters by name, the node override winning over the model default', () => {
    const a: WorkflowNode = {
      id: 'd',
      model: { id: 'm', output_info: { params: { min_value: 0.5, max_concepts: 20 } } },
    };
    const b: WorkflowNode = { ...a, output_info_override: { params: { min_value: 0.25, select: ['cat'] } } };
    expect(effectiveParams(b)).toEqual({ min_value: 0.25, max_concepts: 20, select: ['cat'] });
    expect(nodeChanges(a, b)).toEqual(['param min_value 0.5 → 0.25', 'param select (none) → ["cat"]']);
  });

  it('ignores key order inside object parameters', () => {
    const a = node('d', 'm', { params: { box: { x: 1, y: 2 } } });
    const b = node('d', 'm', { params: { box: { y: 2, x: 1 } } });
    expect(nodeChanges(a, b)).toEqual([]);
  });

  it('lists changed inputs', () => {
    expect(
      nodeChanges(node('t', 'm', { inputs: ['ocr'] }), node('t', 'm', { inputs: ['ocr', 'detect'] })),
    ).toEqual(['inputs ocr → ocr, detect']);
    expect(nodeChanges(node('t', 'm'), node('t', 'm', { inputs: ['ocr'] }))).toEqual([
      'inputs (workflow input) → ocr',
    ]);
  });

  it('notes a node whose output became suppressed', () => {
    expect(nodeChanges(node('c', 'crop'), node('c', 'crop', { suppress: true }))).toEqual([
      'output shown → suppressed',
    ]);
  });
});

describe('pairNodes', () => {
  it('pairs by node id and marks unchanged and changed nodes', () => {
    const a = [node('ocr', 'ocr-model'), node('translate', 'en-es', { inputs: ['ocr'] })];
    const b = [node('ocr', 'ocr-model'), node('translate', 'en-fr', { inputs: ['ocr'] })];
    const pairs = pairNodes(a, b);
    expect(pairs.map((p) => [p.key, p.status, p.pairedBy])).toEqual([
      ['ocr', 'unchanged', 'node-id'],
      ['translate', 'changed', 'node-id'],
    ]);
    expect(pairs[1]?.changes).toEqual(['model en-es → en-fr']);
  });

  it('falls back to the model id for a renamed node, and does not count its readers as rewired', () => {
    const a = [node('detect', 'face'), node('crop', 'crop', { inputs: ['detect'] })];
    const b = [node('find-faces', 'face'), node('crop', 'crop', { inputs: ['find-faces'] })];
    const pairs = pairNodes(a, b);
    expect(pairs.map((p) => [p.key, p.status, p.pairedBy])).toEqual([
      ['detect', 'changed', 'model-id'],
      ['crop', 'unchanged', 'node-id'],
    ]);
    expect(pairs[0]?.changes).toEqual(['node id detect → find-faces']);
  });

  it('marks removed nodes, and inserts added nodes after their predecessor in B (old before new)', () => {
    const a = [node('ocr', 'ocr'), node('old', 'summarise'), node('translate', 'en-es')];
    const b = [
      node('new-first', 'lang-detect'),
      node('ocr', 'ocr'),
      node('spell', 'spellcheck'),
      node('fix', 'grammar'),
      node('translate', 'en-es'),
    ];
    const pairs = pairNodes(a, b);
    expect(pairs.map((p) => [p.key, p.status])).toEqual([
      ['new-first', 'added'],
      ['ocr', 'unchanged'],
      ['old', 'removed'],
      ['spell', 'added'],
      ['fix', 'added'],
      ['translate', 'unchanged'],
    ]);
    expect(pairs.find((p) => p.key === 'old')?.b).toBeUndefined();
    expect(pairs.find((p) => p.key === 'fix')?.a).toBeUndefined();
  });

  it('keeps keys unique when a version repeats a node id', () => {
    const a = [node('x', 'm1'), node('x', 'm2')];
    const pairs = pairNodes(a, []);
    expect(pairs.map((p) => p.key)).toEqual(['x', 'x#2']);
  });
});

describe('outputsForNodes', () => {
  it('gives output i to the i-th node that is not suppressed', () => {
    const nodes = [
      node('detect', 'face'),
      node('crop', 'crop', { suppress: true }),
      node('classify', 'sentiment'),
    ];
    const entries = outputsForNodes(nodes, [output('face'), output('sentiment')]);
    expect(entries.map((e) => [e.node.id, e.output?.model?.id, e.modelMismatch])).toEqual([
      ['detect', 'face', false],
      ['crop', undefined, false],
      ['classify', 'sentiment', false],
    ]);
  });

  it('flags an output whose model is not the node’s', () => {
    expect(outputsForNodes([node('a', 'm-a')], [output('m-b')])[0]?.modelMismatch).toBe(true);
  });
});

describe('compareNodes', () => {
  it('hands each pair its A and B outputs and times', () => {
    const pairs = compareNodes(
      {
        nodes: [node('ocr', 'ocr'), node('translate', 'en-es')],
        outputs: [output('ocr', 120), output('en-es', 300)],
      },
      {
        nodes: [node('ocr', 'ocr'), node('lang', 'lang-id', { suppress: true }), node('translate', 'en-fr')],
        outputs: [output('ocr', 100), output('en-fr', 450)],
      },
    );
    expect(pairs.map((p) => [p.key, p.status, p.timeMsA, p.timeMsB, p.timeDeltaMs])).toEqual([
      ['ocr', 'unchanged', 120, 100, -20],
      ['lang', 'added', undefined, undefined, undefined],
      ['translate', 'changed', 300, 450, 150],
    ]);
    expect(pairs[2]?.outputB?.model?.id).toBe('en-fr');
    expect(pairs.some((p) => p.modelMismatch)).toBe(false);
  });
});

// The engine's own workflow files: two real versions of Face-Sentiment.
const FileNode = z.object({
  id: z.string(),
  model: z.object({
    model_id: z.string(),
    model_version_id: z.string().optional(),
    output_info: z.object({ params: z.record(z.string(), z.unknown()).optional() }).optional(),
  }),
  node_inputs: z.array(z.object({ node_id: z.string() })).nullish(),
  suppress_output: z.boolean().optional(),
});
const WorkflowFile = z.object({
  workflow: z.object({ version: z.object({ id: z.string() }), nodes: z.array(FileNode) }),
});
const files = import.meta.glob<string>('../../../../workflows/Face-Sentiment/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});
function versionNodes(versionId: string): WorkflowNode[] {
  const text = Object.entries(files).find(([path]) => path.endsWith(`${versionId}.yaml`))?.[1];
  if (text === undefined) throw new Error(`no file for ${versionId}`);
  return WorkflowFile.parse(parse(text)).workflow.nodes.map((file) => ({
    id: file.id,
    model: {
      id: file.model.model_id,
      ...(file.model.model_version_id ? { model_version: { id: file.model.model_version_id } } : {}),
      ...(file.model.output_info ? { output_info: file.model.output_info } : {}),
    },
    ...(file.node_inputs ? { node_inputs: file.node_inputs } : {}),
    ...(file.suppress_output ? { suppress_output: true } : {}),
  }));
}

describe('pairNodes on the recorded Face-Sentiment versions', () => {
  it('spells out what the August version changed', () => {
    const pairs = pairNodes(
      versionNodes('8ff9c4cf75bcd7db925be36547347b8f'),
      versionNodes('d53cb98b67a293df1344436d57e9ee02'),
    );
    expect(pairs.map((p) => [p.key, p.status, p.changes])).toEqual([
      ['face-det', 'changed', ['param min_value 0.5 → 0.3']],
      ['margin-110', 'removed', []],
      ['margin-100', 'added', []],
      ['face-sentiment', 'changed', ['param max_concepts (none) → 3', 'inputs margin-110 → margin-100']],
    ]);
  });
});
