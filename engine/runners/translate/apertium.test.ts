import { describe, expect, it } from 'vitest';
import type { PreparedInput } from '../../media/types';
import { createApertiumRunner } from './apertium';

const ctx = { signal: new AbortController().signal, outputConfig: {} };
const input = (id: string, text?: string): PreparedInput => ({
  id,
  data: {},
  ...(text !== undefined ? { text } : {}),
});

describe('apertium runner', () => {
  it('translates a batch in order, reading parent text or OCR regions', async () => {
    const runner = createApertiumRunner({ mode: 'eng-spa', debianPackage: 'apertium-eng-spa' });
    const results = await runner.predict(
      [
        { input: input('a', 'The house is red'), parents: [] },
        {
          input: input('b'),
          parents: [
            { regions: [{ data: { text: { raw: 'The cat' } } }, { data: { text: { raw: 'is black' } } }] },
          ],
        },
        { input: input('c'), parents: [{ text: { raw: '' } }] },
        { input: input('d'), parents: [{ concepts: [] }] },
      ],
      {},
      ctx,
    );
    expect(results.map((r) => ('data' in r ? r.data.text?.raw : r.error.code))).toEqual([
      'La casa es roja',
      'El gato\nes negro',
      '',
      30104,
    ]);
    for (const result of results.slice(0, 2)) expect('data' in result && result.timeMs).toBeGreaterThan(0);
  });

  it('answers 21353 naming the Debian packages when apertium or the mode is missing', async () => {
    const missing = createApertiumRunner({
      mode: 'eng-spa',
      debianPackage: 'apertium-eng-spa',
      binary: 'apertium-not-installed',
    });
    await expect(missing.load()).rejects.toMatchObject({
      code: 21353,
      details: expect.stringContaining('apt-get install apertium apertium-eng-spa'),
    });
    const noMode = createApertiumRunner({ mode: 'eng-xxx', debianPackage: 'apertium-eng-xxx' });
    await expect(noMode.load()).rejects.toMatchObject({
      code: 21353,
      details: expect.stringContaining('apertium-eng-xxx'),
    });
  });
});
