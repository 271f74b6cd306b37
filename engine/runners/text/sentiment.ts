/**
 * Sentiment with VADER (lexicon and rules, English; vader-sentiment). Its three proportions, the
 * share of the text's sentiment intensity that is positive, neutral and negative (they sum to 1),
 * become three concepts sorted by value, as Clarifai's sentiment classifiers answer. VADER's
 * compound score is not a concept: it runs -1..1, and concept values are 0..1.
 */
import type { Concept, Data } from '../../../contract/clarifai';
import type { Runner } from '../types';
import { ClassifierParams } from '../vision/params';
import { limitConcepts } from '../vision/shape';
import { createTextRunner } from './runner';

export interface SentimentScores {
  readonly pos: number;
  readonly neu: number;
  readonly neg: number;
}

export function sentimentConcepts(scores: SentimentScores): Concept[] {
  const concepts: Concept[] = [
    { id: 'positive', name: 'positive', value: scores.pos },
    { id: 'neutral', name: 'neutral', value: scores.neu },
    { id: 'negative', name: 'negative', value: scores.neg },
  ];
  // Stable: ties keep the order above.
  return concepts.sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
}

type Scorer = (text: string) => SentimentScores;

/** VADER, imported on first use (its lexicon is ~25 ms and a few MB to load). */
export async function loadVader(): Promise<Scorer> {
  const vader = (await import('vader-sentiment')).default;
  return (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text);
}

export function createSentimentRunner(model: string): Runner {
  let score: Scorer | undefined;
  return createTextRunner({
    model,
    params: ClassifierParams,
    async load() {
      score ??= await loadVader();
    },
    run(text, params): Data {
      if (!score) throw new Error('VADER is not loaded');
      return { concepts: limitConcepts(sentimentConcepts(score(text)), params) };
    },
  });
}
