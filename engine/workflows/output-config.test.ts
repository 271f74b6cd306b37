import { describe, expect, it } from 'vitest';
import { applyOutputConfig } from './output-config';

const concepts = [
  { id: 'a', name: 'cat', value: 0.9 },
  { id: 'b', name: 'dog', value: 0.5 },
  { id: 'c', name: 'car', value: 0.1 },
];

describe('applyOutputConfig', () => {
  it('leaves data alone when nothing is asked', () => {
    const data = { concepts };
    expect(applyOutputConfig(data, {})).toBe(data);
  });

  it('applies min_value, max_concepts and select_concepts, also inside regions', () => {
    expect(applyOutputConfig({ concepts }, { min_value: 0.4 }).concepts?.map((c) => c.id)).toEqual(['a', 'b']);
    expect(applyOutputConfig({ concepts }, { max_concepts: 1 }).concepts?.map((c) => c.id)).toEqual(['a']);
    expect(applyOutputConfig({ concepts }, { select_concepts: [{ name: 'car' }, { id: 'b' }] }).concepts?.map((c) => c.id)).toEqual(['b', 'c']);
    const regions = applyOutputConfig({ regions: [{ data: { concepts } }] }, { min_value: 0.8 }).regions;
    expect(regions?.[0]?.data?.concepts?.map((c) => c.id)).toEqual(['a']);
  });
});
