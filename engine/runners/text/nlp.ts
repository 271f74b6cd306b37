/**
 * One wink-nlp instance with the English lite model (≈ 50 ms to build, a few MB), made on first
 * use and shared by the text models: tokens, stop words, sentences, parts of speech.
 */
import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

let instance: WinkMethods | undefined;

export function englishNlp(): WinkMethods {
  instance ??= winkNLP(model);
  return instance;
}
