import { describe, expect, it } from 'vitest';
import type { WorkflowNode } from '@contract/clarifai';
import { layerNodes } from '@/features/workflow-picker/lib/graph';
import { newestFirst } from '@/features/workflow-picker/lib/versions';

const node = (id: string, ...inputs: string[]): WorkflowNode => ({
  id,
  model: { id: `${id}-model` },
  node_inputs: inputs.map((node_id) => ({ node_id })),
});

const ids = (columns: WorkflowNode[][]) => columns.map((column) => column.map((n) => n.id));

describe('layerNodes', () => {
  it('puts a chain one node per column', () => {
    expect(ids(layerNodes([node('ocr'), node('translate', 'ocr')]))).toEqual([['ocr'], ['translate']]);
  });

  it('puts parallel branches in the same column', () => {
    const nodes = [node('detect'), node('crop', 'detect'), node('age', 'crop'), node('gender', 'crop'), node('race', 'crop')];
    expect(ids(layerNodes(nodes))).toEqual([['detect'], ['crop'], ['age', 'gender', 'race']]);
  });

  it('places a node after the furthest node it reads', () => {
    const nodes = [node('a'), node('b', 'a'), node('c', 'a', 'b'), node('d')];
    expect(ids(layerNodes(nodes))).toEqual([['a', 'd'], ['b'], ['c']]);
  });
});

describe('newestFirst', () => {
  it('orders by creation date, newest first, keeping the API order among undated ones', () => {
    const versions = [
      { id: 'old', created_at: '2024-01-01T00:00:00Z' },
      { id: 'new', created_at: '2025-01-01T00:00:00Z' },
      { id: 'undated-1' },
      { id: 'undated-2' },
    ];
    expect(newestFirst(versions).map((v) => v.id)).toEqual(['new', 'old', 'undated-1', 'undated-2']);
  });
});
