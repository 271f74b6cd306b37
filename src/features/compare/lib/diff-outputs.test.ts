import { describe, expect, it } from 'vitest';
import { diffData, outputsDiffer } from '@/features/compare/lib/diff-outputs';

describe('diffData', () => {
  it('diffs only the kinds either side holds', () => {
    const diff = diffData(
      { concepts: [{ id: 'cat', value: 0.9 }] },
      { concepts: [{ id: 'cat', value: 0.9 }] },
    );
    expect(Object.keys(diff)).toEqual(['concepts']);
    expect(outputsDiffer(diff)).toBe(false);
  });

  it('compares a kind one side stopped returning against nothing', () => {
    const diff = diffData({ text: { raw: 'hola' } }, {});
    expect(diff.text?.runs).toEqual([{ op: 'delete', text: 'hola' }]);
    expect(outputsDiffer(diff)).toBe(true);
  });

  it('passes the threshold settings on', () => {
    const a = { concepts: [{ id: 'cat', value: 0.6 }] };
    const b = { concepts: [{ id: 'cat', value: 0.7 }] };
    expect(diffData(a, b, { threshold: 0.65, iouThreshold: 0.5 }).concepts?.[0]?.crossed).toBe('up');
    expect(diffData(a, b).concepts?.[0]?.crossed).toBeNull();
  });

  it('flags a cluster change and a missing output', () => {
    expect(outputsDiffer(diffData({ clusters: [{ id: '1' }] }, { clusters: [{ id: '2' }] }))).toBe(true);
    expect(diffData(undefined, undefined)).toEqual({});
  });
});
