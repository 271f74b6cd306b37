import { describe, expect, it } from 'vitest';
import { firstWords, foldText } from '@/features/results/lib/text-fold';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n');

describe('foldText', () => {
  it('leaves a text of twelve lines or fewer whole', () => {
    expect(foldText(lines(12))).toEqual({ head: lines(12), folded: false });
    expect(foldText('')).toEqual({ head: '', folded: false });
  });

  it('folds after twelve lines', () => {
    const fold = foldText(lines(30));
    expect(fold.folded).toBe(true);
    expect(fold.head).toBe(lines(12));
  });

  it('counts a long paragraph as the lines it wraps to, and cuts it at a word', () => {
    const paragraph = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const fold = foldText(`Title\n${paragraph}`, { maxLines: 4, lineChars: 50 });
    expect(fold.folded).toBe(true);
    const [title, cut] = fold.head.split('\n');
    expect(title).toBe('Title');
    // Three rows of 50 characters are left for the paragraph.
    expect(cut!.length).toBeLessThanOrEqual(150);
    expect(cut!.length).toBeGreaterThan(120);
    expect(paragraph.startsWith(cut!)).toBe(true);
    expect(paragraph[cut!.length]).toBe(' ');
  });

  it('does not fold for trailing blank lines alone', () => {
    expect(foldText(`${lines(12)}\n\n\n`).folded).toBe(false);
  });

  it('cuts a run with no spaces (a URL) where the room ends', () => {
    const fold = foldText('x'.repeat(500), { maxLines: 2, lineChars: 100 });
    expect(fold).toEqual({ head: 'x'.repeat(200), folded: true });
  });
});

describe('firstWords', () => {
  it('keeps the first words on one line, marking a cut', () => {
    expect(firstWords('  I love\nthis product  ')).toBe('I love this product');
    expect(firstWords('one two three four five six seven eight nine ten')).toBe(
      'one two three four five six seven eight…',
    );
    expect(firstWords('a'.repeat(80), { chars: 20 })).toBe(`${'a'.repeat(20)}…`);
    expect(firstWords('')).toBe('');
  });
});
