import { describe, expect, it } from 'vitest';
import { joinTexts, splitTexts } from './batch';

describe('apertium batching', () => {
  it('round-trips texts containing markup-like characters', () => {
    const texts = ['a <hr> b & c', 'line one\nline two', ''];
    const joined = joinTexts(texts);
    expect(joined.split('<hr>')).toHaveLength(3);
    expect(splitTexts(joined, 3)).toEqual(texts);
  });

  it('reports a lost separator instead of misaligning texts', () => {
    expect(splitTexts('only one', 2)).toBeUndefined();
  });
});
