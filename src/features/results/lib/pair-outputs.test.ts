import { describe, expect, it } from 'vitest';
import type { Output, WorkflowNode } from '@contract/clarifai';
import { pairOutputsWithNodes, pairTitle } from '@/features/results/lib/pair-outputs';

const node = (id: string, modelId: string, suppress = false): WorkflowNode => ({
  id,
  model: { id: modelId },
  suppress_output: suppress,
});
const output = (modelId?: string): Output => (modelId ? { model: { id: modelId } } : {});

describe('pairOutputsWithNodes', () => {
  it('pairs output i with node i in workflow order', () => {
    const pairs = pairOutputsWithNodes([output('ocr-model'), output('translate')], [node('ocr', 'ocr-model'), node('spa', 'translate')]);
    expect(pairs.map((p) => p.node?.id)).toEqual(['ocr', 'spa']);
    expect(pairs.every((p) => !p.modelMismatch)).toBe(true);
  });

  it('skips nodes whose output is suppressed', () => {
    const nodes = [node('detect', 'face'), node('crop', 'crop', true), node('classify', 'sentiment')];
    const pairs = pairOutputsWithNodes([output('face'), output('sentiment')], nodes);
    expect(pairs.map(pairTitle)).toEqual(['detect', 'classify']);
  });

  it('follows the model id when the position disagrees', () => {
    // The server sent the outputs of the two branches in the other order.
    const nodes = [node('a', 'm-a'), node('b', 'm-b')];
    const pairs = pairOutputsWithNodes([output('m-b'), output('m-a')], nodes);
    expect(pairs.map((p) => p.node?.id)).toEqual(['b', 'a']);
    expect(pairs.every((p) => !p.modelMismatch)).toBe(true);
  });

  it('keeps the positional node but flags a model that matches no node', () => {
    const pairs = pairOutputsWithNodes([output('surprise')], [node('ocr', 'ocr-model')]);
    expect(pairs[0]?.node?.id).toBe('ocr');
    expect(pairs[0]?.modelMismatch).toBe(true);
  });

  it('names outputs by model, then by position, when no nodes are known', () => {
    const pairs = pairOutputsWithNodes([output('general'), output()], undefined);
    expect(pairs.map(pairTitle)).toEqual(['general', 'Output 2']);
  });

  it('leaves extra outputs without a node', () => {
    const pairs = pairOutputsWithNodes([output('m'), output('m')], [node('only', 'm')]);
    expect(pairs.map((p) => p.node?.id)).toEqual(['only', undefined]);
  });
});
