/** The text models' own logic, on the real libraries (VADER, wink-nlp) but without the engine. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PreparedInput } from '../../media/types';
import type { WinkMethods } from 'wink-nlp';
import { loadEnglishNlp } from './nlp';
import { loadVader, sentimentConcepts } from './sentiment';
import { missingText, sourceText } from './source';
import { summarize } from './summarize';

const input = (data: PreparedInput['data'], text?: string): PreparedInput => ({
  id: 'x',
  data,
  ...(text === undefined ? {} : { text }),
});

describe('sentiment', () => {
  it('orders positive, neutral and negative by VADER proportion', async () => {
    const vaderScores = await loadVader();
    expect(sentimentConcepts(vaderScores('I love this wonderful day')).map((c) => c.id)).toEqual([
      'positive',
      'neutral',
      'negative',
    ]);
    const hateful = sentimentConcepts(vaderScores('I hate you, you are a horrible and disgusting person'));
    expect(hateful[0]?.id).toBe('negative');
    expect(hateful.reduce((sum, c) => sum + (c.value ?? 0), 0)).toBeCloseTo(1, 2);
    // Ties keep a fixed order, so a neutral text always reads the same.
    expect(sentimentConcepts({ pos: 0, neu: 0, neg: 0 }).map((c) => c.id)).toEqual([
      'positive',
      'neutral',
      'negative',
    ]);
  });
});

describe('where text models read', () => {
  it('the input text without a parent, else the parent text or its OCR lines', () => {
    const both = input({ image: { base64: 'x' }, text: { raw: 'a caption' } }, 'a caption');
    expect(sourceText({ input: both, parents: [] })).toBe('a caption');
    expect(sourceText({ input: both, parents: [{ text: { raw: 'spoken' } }] })).toBe('spoken');
    const ocr = {
      regions: [{ data: { text: { raw: 'LINE ONE' } } }, { data: { text: { raw: 'LINE TWO' } } }],
    };
    expect(sourceText({ input: both, parents: [ocr] })).toBe('LINE ONE\nLINE TWO');
    expect(sourceText({ input: both, parents: [{ concepts: [] }] })).toBeUndefined();
    const imageOnly = { input: input({ image: { base64: 'x' } }), parents: [] };
    expect(sourceText(imageOnly)).toBeUndefined();
    expect(missingText('m', imageOnly)).toMatch(/this input has image but no text; send data.text.raw/);
  });
});

describe('extractive summary', () => {
  let nlp: WinkMethods;
  beforeAll(async () => {
    nlp = await loadEnglishNlp();
  });

  const text = [
    'Pollution is the act of using harmful substances to dirty the air and water around us.',
    'My cousin likes tea.',
    'Air pollution from factories and cars harms the water, the air and the health of people in cities.',
    'The weather was nice on Sunday.',
    'Cities can cut pollution of air and water with cleaner factories, cleaner cars and better laws.',
  ].join(' ');

  it('keeps the most central sentences, verbatim and in their order', () => {
    const summary = summarize(nlp, text, 2);
    expect(summary.sentences).toHaveLength(5);
    expect(summary.kept).toEqual([2, 4]);
    expect(summary.text).toBe(`${summary.sentences[2]} ${summary.sentences[4]}`);
    expect(summary.text.length).toBeLessThan(text.length);
    for (const sentence of summary.text.split(/(?<=\.) /)) expect(text).toContain(sentence);
  });

  it('treats each line as a sentence (speech recognition gives unpunctuated utterances)', () => {
    const summary = summarize(nlp, 'the match was great\nthe team won the match in the end\nok', 1);
    expect(summary.sentences).toEqual(['the match was great', 'the team won the match in the end', 'ok']);
    expect(summary.text).toBe('the team won the match in the end');
    expect(summarize(nlp, '', 3).text).toBe('');
  });
});
