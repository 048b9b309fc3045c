/**
 * What the model of sentence ends reads at the gap after a word: the words on either side of it,
 * lower-cased and without punctuation, alone and in pairs. Training (scripts/train-sentences.ts)
 * and reading (model.ts) name the features with this one function, so they cannot drift apart.
 */

/** A word as the model sees it: lower case, letters, digits and apostrophes only. */
export const modelWord = (word: string): string =>
  word.toLowerCase().replace(/[’‘]/g, "'").replace(/[^\p{L}\p{N}']/gu, '');

const EDGE = '#';

/** The features of the gap after `words[j]` (and before `words[j + 1]`), in model words. */
export function gapFeatures(words: readonly string[], j: number): string[] {
  const at = (k: number) => (k >= 0 && k < words.length ? words[k]! : EDGE);
  const [p2, p1, n1, n2] = [at(j - 1), at(j), at(j + 1), at(j + 2)];
  return [`p:${p1}`, `n:${n1}`, `pp:${p2} ${p1}`, `nn:${n1} ${n2}`, `pn:${p1} ${n1}`];
}
