import { describe, expect, it } from 'vitest';
import { planGraph, validateGraph } from './graph';

const node = (id: string, ...inputs: string[]) => ({ id, node_inputs: inputs.map((node_id) => ({ node_id })) });

describe('validateGraph', () => {
  it('accepts a chain and a fork that read earlier nodes', () => {
    expect(validateGraph([node('ocr'), node('spa', 'ocr'), node('cat', 'ocr'), node('both', 'spa', 'cat')])).toEqual([]);
  });

  it('rejects a node that reads a later node', () => {
    expect(validateGraph([node('spa', 'ocr'), node('ocr')])).toEqual(['node "spa" reads "ocr", which comes after it']);
  });

  it('rejects unknown, self and duplicate inputs', () => {
    const problems = validateGraph([node('a'), node('b', 'ghost', 'b', 'a', 'a')]);
    expect(problems).toContain('node "b" reads unknown node "ghost"');
    expect(problems).toContain('node "b" reads itself');
    expect(problems).toContain('node "b" lists input "a" twice');
  });

  it('rejects duplicate and path-like node ids', () => {
    const problems = validateGraph([node('a'), node('a'), node('../etc')]);
    expect(problems).toContain('node id "a" is used twice');
    expect(problems).toContain('node id "../etc" is not a valid id');
  });

  it('allows 20 nodes and rejects 21 or none', () => {
    const chain = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? node('n0') : node(`n${i}`, `n${i - 1}`)));
    expect(validateGraph(chain(20))).toEqual([]);
    expect(validateGraph(chain(21))).toEqual(['a workflow has at most 20 nodes, this one has 21']);
    expect(validateGraph([])).toEqual(['a workflow needs at least one node']);
  });

  it('treats a YAML null node_inputs as no inputs', () => {
    expect(validateGraph([{ id: 'a', node_inputs: null }])).toEqual([]);
  });
});

describe('planGraph', () => {
  it('gives each node the indices of its parents in node_inputs order', () => {
    const plan = planGraph([node('ocr'), node('spa', 'ocr'), node('cat', 'ocr'), node('join', 'cat', 'spa')]);
    expect(plan.map((p) => p.parents)).toEqual([[], [0], [0], [2, 1]]);
  });

  it('refuses an invalid graph', () => {
    expect(() => planGraph([node('a', 'b'), node('b')])).toThrow(/comes after it/);
  });
});
