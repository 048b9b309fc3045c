/**
 * Sentences for transcripts that have none: YouTube's older automatic captions are lower case
 * without a full stop in an hour. Their sentences are found (boundaries.ts) and shown with
 * capitals and closing marks (display.ts), so paragraphs, summaries and key moments can be made
 * of sentences as for any other transcript. The file's own words are not touched: the fragments
 * returned are new ones, and downloads keep reading the file's.
 */
import { tokens } from '../invariants.ts';
import { hasSoundTag } from '../sound-tags.ts';
import type { Fragment } from '../types.ts';
import { sentenceEnds } from './boundaries.ts';
import { asks, shownWord } from './display.ts';
import { modelWord } from './features.ts';
import { sentenceModel } from './model.ts';
import { spokenWords } from './words.ts';

/** Fewer sentence ends than one in this many words: the file has no punctuation to speak of. */
const WORDS_PER_END = 100;
const MIN_WORDS = 30;

/**
 * At least this share of the words must be ones the model knows (it has weights for the words
 * after and before a gap): English conversation scores about 0.8, Italian, Spanish, German and
 * French under 0.2. It tells English apart where the file does not say its language.
 */
const KNOWN_SHARE = 0.5;

/** Whether the fragments' words lack punctuation, and the model (trained on English) can read them. */
export function needsSentences(fragments: readonly Fragment[], language?: string): boolean {
  if (language && !/^en\b/i.test(language)) return false;
  const words: string[] = [];
  let ends = 0;
  for (const fragment of fragments) {
    for (const word of tokens(fragment.text)) {
      if (hasSoundTag(word)) continue;
      words.push(word);
      if (/[.!?…]["”’)\]]*$/.test(word)) ends++;
    }
  }
  if (words.length < MIN_WORDS || ends * WORDS_PER_END >= words.length) return false;
  const model = sentenceModel();
  const known = words.filter((w) => model.weights[`n:${modelWord(w)}`] !== undefined).length;
  return known >= KNOWN_SHARE * words.length;
}

/**
 * The fragments with sentences shown, or the same fragments when the file has its own. `breaks`:
 * fragments that start a section (a sentence ends before each, so no page starts mid-sentence).
 */
export function withSentences(fragments: readonly Fragment[], language?: string, breaks: ReadonlySet<number> = new Set()): { fragments: readonly Fragment[]; found: boolean } {
  if (!needsSentences(fragments, language)) return { fragments, found: false };
  const words = spokenWords(fragments, breaks);
  const ends = sentenceEnds(words);
  const shown = fragments.map((f) => tokens(f.text));
  let start = 0;
  for (const end of ends) {
    const sentence = words.slice(start, end + 1);
    const mark = asks(sentence.slice(0, 3).map((w) => modelWord(w.text))) ? '?' : '.';
    sentence.forEach((w, k) => {
      shown[w.fragment]![w.token] = shownWord(w.text, k === 0, k === sentence.length - 1 ? mark : undefined);
    });
    start = end + 1;
  }
  return { fragments: fragments.map((f, i) => ({ ...f, text: shown[i]!.join(' ') })), found: true };
}
