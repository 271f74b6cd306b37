/**
 * Turns the face models' raw outputs into Clarifai-style concepts. Pure, so the naming and the
 * bucket arithmetic are unit-tested without loading a model.
 */
import type { VisionConcept } from '../protocol';

/**
 * The emotion model (oarriaga's FER-2013 CNN, via Human) outputs 7 probabilities in this order.
 * Each maps to the concept Clarifai's face-sentiment-recognition model answers with, so a
 * workflow recorded against Clarifai reads the same here.
 */
const EMOTIONS = [
  { model: 'angry', id: 'anger' },
  { model: 'disgust', id: 'disgust' },
  { model: 'fear', id: 'fear' },
  { model: 'happy', id: 'happiness' },
  { model: 'sad', id: 'sadness-contempt' },
  { model: 'surprise', id: 'surprise' },
  { model: 'neutral', id: 'neutral' },
] as const;

export const EMOTION_COUNT = EMOTIONS.length;

export function sortConcepts(concepts: VisionConcept[]): VisionConcept[] {
  // Ties keep model order (sort is stable), so the output is deterministic.
  return concepts.sort((a, b) => b.value - a.value);
}

export function emotionConcepts(probabilities: ArrayLike<number>): VisionConcept[] {
  if (probabilities.length !== EMOTIONS.length) {
    throw new Error(`emotion model returned ${probabilities.length} values, expected ${EMOTIONS.length}`);
  }
  return sortConcepts(EMOTIONS.map((e, i) => ({ id: e.id, name: e.id, value: probabilities[i] ?? 0 })));
}

/**
 * Clarifai's age-demographics model answers with these age ranges. FaceRes gives a probability
 * per year 0..99, so a bucket's value is the sum over its years: a real probability, not a guess
 * from a single predicted age.
 */
export const AGE_BUCKETS = [
  { id: 'age-0-2', name: '0-2', from: 0, to: 2 },
  { id: 'age-3-9', name: '3-9', from: 3, to: 9 },
  { id: 'age-10-19', name: '10-19', from: 10, to: 19 },
  { id: 'age-20-29', name: '20-29', from: 20, to: 29 },
  { id: 'age-30-39', name: '30-39', from: 30, to: 39 },
  { id: 'age-40-49', name: '40-49', from: 40, to: 49 },
  { id: 'age-50-59', name: '50-59', from: 50, to: 59 },
  { id: 'age-60-69', name: '60-69', from: 60, to: 69 },
  { id: 'age-70-plus', name: 'more than 70', from: 70, to: Number.POSITIVE_INFINITY },
] as const;

export function ageBucketId(years: number): string {
  // The last bucket is open-ended, so `find` always succeeds; the fallback only satisfies the type.
  const bucket = AGE_BUCKETS.find((b) => years < b.to + 1) ?? AGE_BUCKETS[8];
  return bucket.id;
}

export function ageConcepts(perYear: ArrayLike<number>): { concepts: VisionConcept[]; meanYears: number } {
  let total = 0;
  let weighted = 0;
  const sums = AGE_BUCKETS.map(() => 0);
  for (let year = 0; year < perYear.length; year++) {
    const p = Math.max(0, perYear[year] ?? 0);
    total += p;
    weighted += p * year;
    const index = AGE_BUCKETS.findIndex((b) => year <= b.to);
    sums[index] = (sums[index] ?? 0) + p;
  }
  if (!(total > 0)) throw new Error('age model returned no probability mass');
  const concepts = AGE_BUCKETS.map((b, i) => ({ id: b.id, name: b.name, value: (sums[i] ?? 0) / total }));
  return { concepts: sortConcepts(concepts), meanYears: weighted / total };
}

/** FaceRes's gender head is one sigmoid: 1 = male. Named as Clarifai's gender model names them. */
export function genderConcepts(masculine: number): VisionConcept[] {
  const p = Math.min(1, Math.max(0, masculine));
  return sortConcepts([
    { id: 'masculine', name: 'masculine', value: p },
    { id: 'feminine', name: 'feminine', value: 1 - p },
  ]);
}
