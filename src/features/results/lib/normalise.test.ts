import { describe, expect, it } from 'vitest';
import { normalisePredictResponse } from '@/features/results/lib/normalise';
import { outputKinds, unknownKeys } from '@/features/results/lib/output-kinds';

const ok = { code: 10000, description: 'Ok' };

describe('normalisePredictResponse', () => {
  it('keeps a workflow answer: one entry per result, with its status and outputs', () => {
    const normalised = normalisePredictResponse({
      status: ok,
      workflow: { id: 'wf', nodes: [{ id: 'n', model: { id: 'm' } }] },
      results: [
        { status: ok, input: { id: 'in-1', data: {} }, outputs: [{ id: 'o1' }, { id: 'o2' }] },
        { status: { code: 30002 }, input: { id: 'in-2', data: {} } },
      ],
    });
    expect(normalised.shape).toBe('workflow');
    expect(normalised.nodes?.map((n) => n.id)).toEqual(['n']);
    expect(normalised.inputs.map((i) => [i.key, i.outputs.length, i.status?.code])).toEqual([
      ['in-1', 2, 10000],
      ['in-2', 0, 30002],
    ]);
  });

  it('groups a model answer (outputs[], no results) back under its inputs', () => {
    const normalised = normalisePredictResponse({
      status: ok,
      outputs: [
        { id: 'a', input: { id: 'x', data: {} } },
        { id: 'b', input: { id: 'y', data: {} } },
        { id: 'c', input: { id: 'x', data: {} } },
      ],
    });
    expect(normalised.shape).toBe('model');
    expect(normalised.inputs.map((i) => [i.key, i.index, i.outputs.map((o) => o.id)])).toEqual([
      ['x', 0, ['a', 'c']],
      ['y', 1, ['b']],
    ]);
  });

  it('has no inputs when the answer has neither shape', () => {
    expect(normalisePredictResponse({ status: ok }).inputs).toEqual([]);
  });

  it('does not take an empty node list from the response for an answer', () => {
    expect(normalisePredictResponse({ status: ok, workflow: { nodes: [] }, results: [] }).nodes).toBeUndefined();
  });
});

describe('outputKinds', () => {
  it('lists the kinds in reading order', () => {
    expect(
      outputKinds({
        concepts: [],
        text: { raw: 'hi' },
        regions: [],
        embeddings: [{ vector: [1] }],
      }),
    ).toEqual(['regions', 'text', 'concepts', 'embeddings']);
  });

  it('skips an image that is only the echo marker', () => {
    expect(outputKinds({ image: { base64: 'dHJ1ZQ==' } })).toEqual([]);
  });

  it('sends fields it does not know to the fallback, but not empty ones', () => {
    const data = { tracks: [{ id: 't' }], metadata: {} };
    expect(outputKinds(data)).toEqual(['unknown']);
    expect(unknownKeys(data)).toEqual(['tracks']);
  });
});
