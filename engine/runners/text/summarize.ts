/**
 * Extractive summary: no model writes new text offline (/work/shared/MODELS.md), so this one picks
 * the text's most central sentences and returns them, word for word, in their original order.
 *
 * A sentence's score is how much of the text's vocabulary it carries: the sum of the relative
 * frequencies (in the whole text) of its content words, over the square root of their count so
 * long sentences do not win by length alone (a Luhn/SumBasic-style ranking). wink-nlp splits the
 * sentences and marks stop words; line breaks also end a sentence, so unpunctuated lines (speech
 * recognition's utterances) are ranked one by one. Ties go to the earlier sentence.
 */
import { z } from 'zod';
import type { ItemSentence, ItemToken, WinkMethods } from 'wink-nlp';
import type { Runner } from '../types';
import { loadEnglishNlp } from './nlp';
import { createTextRunner } from './runner';

export const SummaryParams = z.looseObject({
  /** Sentences kept. */
  max_sentences: z.number().int().min(1).max(100).default(3),
});

export interface Summary {
  readonly text: string;
  /** Indexes of the kept sentences among all of them, in order. */
  readonly kept: number[];
  readonly sentences: string[];
}

export function summarize(nlp: WinkMethods, text: string, maxSentences: number): Summary {
  const its = nlp.its;
  const sentences: { text: string; words: string[] }[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    nlp
      .readDoc(line)
      .sentences()
      .each((sentence: ItemSentence) => {
        const words: string[] = [];
        sentence.tokens().each((token: ItemToken) => {
          if (token.out(its.type) === 'word' && !token.out(its.stopWordFlag))
            words.push(String(token.out(its.normal)));
        });
        const raw = sentence.out().trim();
        if (raw !== '') sentences.push({ text: raw, words });
      });
  }
  const frequency = new Map<string, number>();
  for (const { words } of sentences)
    for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const top = Math.max(1, ...frequency.values());
  const scores = sentences.map(({ words }) =>
    words.length === 0
      ? 0
      : words.reduce((sum, word) => sum + (frequency.get(word) ?? 0) / top, 0) / Math.sqrt(words.length),
  );
  const kept = scores
    .map((score, index) => ({ score, index }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, maxSentences)
    .map(({ index }) => index)
    .sort((a, b) => a - b);
  const all = sentences.map((sentence) => sentence.text);
  return { text: kept.map((index) => all[index] ?? '').join(' '), kept, sentences: all };
}

export function createSummaryRunner(model: string): Runner {
  let nlp: WinkMethods | undefined;
  return createTextRunner({
    model,
    params: SummaryParams,
    async load() {
      nlp = await loadEnglishNlp();
    },
    run(text, params) {
      if (!nlp) throw new Error('wink-nlp is not loaded');
      return { text: { raw: summarize(nlp, text, params.max_sentences).text } };
    },
  });
}
