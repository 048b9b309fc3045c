/**
 * The model of where sentences end in speech: a logistic regression over the words around each
 * gap (features.ts), trained by scripts/train-sentences.ts on punctuated transcripts the project
 * ships (its own, CC0) and saved as model.json. Read once, on first use.
 */
import { createRequire } from 'node:module';
import { gapFeatures } from './features.ts';

export interface SentenceModel {
  /** Log-odds of a sentence end at a gap with no known feature. */
  bias: number;
  weights: Record<string, number>;
  /** Log-odds above which a gap is taken as a sentence end (chosen on held-out transcripts). */
  threshold: number;
}

let loaded: SentenceModel | undefined;

export function sentenceModel(): SentenceModel {
  loaded ??= createRequire(import.meta.url)('./model.json') as SentenceModel;
  return loaded;
}

/** The words' evidence of a sentence end at the gap after `words[j]`, as log-odds. */
export function wordEvidence(model: SentenceModel, words: readonly string[], j: number): number {
  let logit = model.bias;
  for (const feature of gapFeatures(words, j)) logit += model.weights[feature] ?? 0;
  return logit;
}
