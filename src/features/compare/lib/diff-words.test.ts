import { describe, expect, it } from 'vitest';
import { diffWords, sideText, tokenize } from '@/features/compare/lib/diff-words';

describe('tokenize', () => {
  it('keeps words, punctuation, spaces and line breaks as tokens that rebuild the text', () => {
    const text = "Don't stop—state-of-the-art, 3.14!\n  Next line\r\n日本語";
    const tokens = tokenize(text);
    expect(tokens.join('')).toBe(text);
    expect(tokens).toEqual([
      "Don't",
      ' ',
      'stop',
      '—',
      'state-of-the-art',
      ',',
      ' ',
      '3.14',
      '!',
      '\n',
      '  ',
      'Next',
      ' ',
      'line',
      '\r\n',
      '日',
      '本',
      '語',
    ]);
  });
});

describe('diffWords', () => {
  it('finds a one-word change', () => {
    const diff = diffWords('the quick brown fox', 'the quick red fox');
    expect(diff.runs).toEqual([
      { op: 'equal', text: 'the quick ' },
      { op: 'delete', text: 'brown' },
      { op: 'insert', text: 'red' },
      { op: 'equal', text: ' fox' },
    ]);
    expect(diff.stats).toEqual({ equal: 3, inserted: 1, deleted: 1 });
    expect(diff.changed).toBe(true);
  });

  it('reports identical texts as one equal run', () => {
    const diff = diffWords('Hola mundo.', 'Hola mundo.');
    expect(diff.runs).toEqual([{ op: 'equal', text: 'Hola mundo.' }]);
    expect(diff.changed).toBe(false);
  });

  it('handles an empty side', () => {
    expect(diffWords('', 'new text').runs).toEqual([{ op: 'insert', text: 'new text' }]);
    expect(diffWords('old', '').runs).toEqual([{ op: 'delete', text: 'old' }]);
    expect(diffWords('', '').runs).toEqual([]);
  });

  it('sees punctuation changes and keeps line breaks in place', () => {
    const a = 'Line one.\nLine two!\nLine three';
    const b = 'Line one,\nLine two!\nLine 3';
    const diff = diffWords(a, b);
    expect(diff.runs).toEqual([
      { op: 'equal', text: 'Line one' },
      { op: 'delete', text: '.' },
      { op: 'insert', text: ',' },
      { op: 'equal', text: '\nLine two!\nLine ' },
      { op: 'delete', text: 'three' },
      { op: 'insert', text: '3' },
    ]);
    expect(sideText(diff.runs, 'a')).toBe(a);
    expect(sideText(diff.runs, 'b')).toBe(b);
  });

  it('finds inserted and deleted words in the middle', () => {
    const diff = diffWords('a b c d e', 'a c d x e');
    expect(diff.stats).toEqual({ equal: 4, inserted: 1, deleted: 1 });
    expect(diff.runs.filter((r) => r.op !== 'equal').map((r) => [r.op, r.text.trim()])).toEqual([
      ['delete', 'b'],
      ['insert', 'x'],
    ]);
  });

  const words = (count: number, seed: number) => {
    let state = seed;
    const vocabulary = [
      'lorem',
      'ipsum',
      'dolor',
      'sit',
      'amet',
      'consectetur',
      'adipiscing',
      'elit',
      'sed',
      'do',
    ];
    return Array.from({ length: count }, (_, i) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return `${vocabulary[state % vocabulary.length]}${i % 13 === 0 ? '.' : ''}${i % 97 === 96 ? '\n' : ''}`;
    });
  };

  it('diffs 10,000 words with scattered edits in well under 200 ms', () => {
    const a = words(10_000, 7);
    const b = [...a];
    for (let i = 50; i < b.length; i += 500) b[i] = 'CHANGED';
    const textA = a.join(' ');
    const textB = b.join(' ');
    const started = performance.now();
    const diff = diffWords(textA, textB);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(200);
    expect(diff.stats.inserted).toBe(20);
    expect(sideText(diff.runs, 'a')).toBe(textA);
    expect(sideText(diff.runs, 'b')).toBe(textB);
  });

  it('stays fast and exact on two unrelated 10,000-word texts', () => {
    const textA = words(10_000, 1).join(' ');
    const textB = words(10_000, 2).join(' ');
    const started = performance.now();
    const diff = diffWords(textA, textB);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(1000);
    expect(sideText(diff.runs, 'a')).toBe(textA);
    expect(sideText(diff.runs, 'b')).toBe(textB);
    expect(diff.changed).toBe(true);
  });

  it('falls back to lines when over budget and still diffs inside changed lines', () => {
    // Every other line rewritten: hundreds of word edits, but only ten changed lines.
    const linesA = Array.from({ length: 20 }, (_, i) => words(20, i + 1).join(' '));
    const linesB = linesA.map((line, i) => (i % 2 === 0 ? words(20, i + 100).join(' ') : line));
    const a = linesA.join('\n');
    const b = linesB.join('\n');
    const exact = diffWords(a, b);
    const bounded = diffWords(a, b, { budget: 5000 });
    expect(sideText(bounded.runs, 'a')).toBe(a);
    expect(sideText(bounded.runs, 'b')).toBe(b);
    // Unchanged lines stay equal, as in the exact diff.
    expect(bounded.runs.some((r) => r.op === 'equal' && r.text.includes(linesA[1] ?? '?'))).toBe(true);
    expect(exact.runs.some((r) => r.op === 'equal' && r.text.includes(linesA[1] ?? '?'))).toBe(true);
  });

  it('shows texts too different for the budget as one deletion and one insertion', () => {
    const diff = diffWords('one two three four', 'five six seven eight', { budget: 1 });
    expect(diff.runs).toEqual([
      { op: 'delete', text: 'one two three four' },
      { op: 'insert', text: 'five six seven eight' },
    ]);
  });
});
