/**
 * How a word of a transcript without punctuation is shown once its sentences are found: a capital
 * at a sentence's start and for "i" ("i'm", "i've"…), a full stop or question mark at its end.
 * Display only: the letters stay the file's, and `shownForms` is the whole of what may change, so
 * the check that every word reaches the page (invariants.ts) can hold the shown words to it.
 */

const I_FORMS = /^i(?:['’](?:m|ve|ll|d))?$/;
const AUX = new Set(['do', 'does', 'did', 'is', 'are', 'was', 'were', 'can', 'could', 'would', 'will', 'should', 'have', 'has', 'may', 'might', 'shall']);
const WH = new Set(['what', 'how', 'why', 'where', 'when', 'who', 'which']);
const PRONOUNS = new Set(['you', 'i', 'we', 'they', 'he', 'she', 'it', 'there', 'that', 'this', 'your']);

/** `word` with its first letter in upper case (after any opening quote or bracket). */
const capitalized = (word: string): string => word.replace(/^([^\p{L}\p{N}]*)(\p{Ll})/u, (_, before: string, letter: string) => before + letter.toUpperCase());

/** A word that has a capital already ("iPhone", "eBay", a correction's) keeps its letters as they are. */
const mixedCase = (word: string): boolean => /\p{Lu}/u.test(word);

/** Every way `word` may be shown: as written, with a capital, and either with a closing mark. */
export function shownForms(word: string): string[] {
  const cases = mixedCase(word) ? [word] : [word, capitalized(word)];
  return cases.flatMap((w) => [w, `${w}.`, `${w}?`]);
}

export const isShownForm = (shown: string, word: string): boolean => shown === word || shownForms(word).includes(shown);

/** Whether a sentence of these (model) words asks: an auxiliary before its subject, after a wh-word or not. */
export function asks(words: readonly string[]): boolean {
  const [a, b, c] = words;
  if (a === undefined || b === undefined) return false;
  if (AUX.has(a) && PRONOUNS.has(b)) return true;
  return WH.has(a) && AUX.has(b) && c !== undefined && PRONOUNS.has(c);
}

/** The word as shown: `start` of a sentence, `end` of one ('.' or '?'), or neither. */
export function shownWord(word: string, start: boolean, end: '.' | '?' | undefined): string {
  let shown = !mixedCase(word) && (start || I_FORMS.test(word)) ? capitalized(word) : word;
  // Latin script only: other scripts close a sentence with marks of their own.
  if (end && /[\p{Script=Latin}\p{N}'’"”)]$/u.test(shown)) shown += end;
  return shown;
}
