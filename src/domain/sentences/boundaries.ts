/**
 * Where sentences end in words that carry no punctuation: the model's reading of the words, the
 * silences the file's times show, and the turns and sounds that always end a sentence. A sentence
 * is kept between MIN_WORDS and MAX_WORDS long: the strongest ends are taken first, ends too close
 * to a stronger one are dropped, and a run still too long is cut at its strongest gap.
 */
import { modelWord } from './features.ts';
import { sentenceModel, wordEvidence, type SentenceModel } from './model.ts';
import { pauseEvidence } from './pauses.ts';
import type { SpokenWord } from './words.ts';

const MIN_WORDS = 3;
const MAX_WORDS = 40;
/**
 * Words after which an English sentence does not end, however long the pause: a speaker who stops
 * after "the" or "I" is searching for the next word. Articles, possessives, the subject "I",
 * prepositions and conjunctions that need what follows, and "like" as speakers use it, before
 * what they are about to say.
 */
const NEVER_LAST = new Set(['a', 'an', 'the', 'i', 'my', 'your', 'our', 'their', 'his', 'its', 'to', 'of', 'for', 'from', 'with', 'in', 'on', 'at', 'by', 'into', 'if', 'because', 'cuz', 'than', 'and', 'or', 'but', 'like', "i'm", "i've", "i'd", "i'll", "we're", "you're", "they're", "it's", "that's", "there's"]);

/** Log-odds of a sentence end at the gap after each word (the last word's gap is the text's end). */
export function gapEvidence(words: readonly SpokenWord[], model: SentenceModel = sentenceModel()): number[] {
  const plain = words.map((w) => modelWord(w.text));
  return words.map((w, j) => (NEVER_LAST.has(plain[j]!) ? -Infinity : wordEvidence(model, plain, j) + (w.pause === undefined ? 0 : pauseEvidence(w.pause))));
}

/** Indices of the words after which a sentence ends (the last word always ends one). */
/** `evidence`: gapEvidence of these words, when the caller has it already (it does not depend on the hard ends). */
export function sentenceEnds(words: readonly SpokenWord[], evidence: readonly number[] = gapEvidence(words), model: SentenceModel = sentenceModel()): number[] {
  if (words.length === 0) return [];
  const last = words.length - 1;
  const ends = new Set<number>([last]);
  words.forEach((w, j) => w.hardEnd && ends.add(j));
  const taken = [...ends].sort((a, b) => a - b);
  const near = (j: number) => taken.some((e) => Math.abs(e - j) < MIN_WORDS);
  const candidates = evidence
    .map((e, j) => ({ e, j }))
    .filter(({ e, j }) => e > model.threshold && !ends.has(j))
    .sort((a, b) => b.e - a.e);
  for (const { j } of candidates) {
    if (near(j)) continue;
    ends.add(j);
    taken.push(j);
  }
  const sorted = [...ends].sort((a, b) => a - b);
  const result: number[] = [];
  let from = -1;
  for (const end of sorted) {
    cut(evidence, from, end, result);
    result.push(end);
    from = end;
  }
  return result;
}

/** Cut the run of words after `from` up to `to` at its strongest gaps until no part is over MAX_WORDS. */
function cut(evidence: readonly number[], from: number, to: number, into: number[]): void {
  if (to - from <= MAX_WORDS) return;
  let best = -1;
  for (let j = from + MIN_WORDS; j <= to - MIN_WORDS; j++) if (best < 0 || evidence[j]! > evidence[best]!) best = j;
  if (best < 0) return;
  cut(evidence, from, best, into);
  into.push(best);
  cut(evidence, best, to, into);
}
