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
import { gapEvidence, sentenceEnds } from './boundaries.ts';
import { asks, shownWord } from './display.ts';
import { modelWord } from './features.ts';
import { sentenceModel } from './model.ts';
import { spokenWords, type SpokenWord } from './words.ts';

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

/** Sentences found (or not) in an episode's fragments. */
export interface Sentences {
  /** The fragments with sentences shown, or the same fragments when the file has its own. */
  fragments: readonly Fragment[];
  found: boolean;
  /**
   * The fragments shown again with a sentence ending before each of `breaks` (fragments that
   * start a section, so no page starts mid-sentence); the words' evidence is not read again.
   */
  breakingAt(breaks: ReadonlySet<number>): readonly Fragment[];
}

export function withSentences(fragments: readonly Fragment[], language?: string): Sentences {
  if (!needsSentences(fragments, language)) return { fragments, found: false, breakingAt: () => fragments };
  const evidence = gapEvidence(spokenWords(fragments));
  const show = (breaks: ReadonlySet<number>) => {
    // Where the words are and what ends a sentence regardless; the gaps' evidence is the same.
    const words = spokenWords(fragments, breaks);
    return shownFragments(fragments, words, sentenceEnds(words, evidence));
  };
  return { fragments: show(new Set()), found: true, breakingAt: show };
}

/** `fragments` with each word of `words` shown as its sentence (ending after each of `ends`) has it. */
function shownFragments(fragments: readonly Fragment[], words: readonly SpokenWord[], ends: readonly number[]): Fragment[] {
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
  return fragments.map((f, i) => ({ ...f, text: shown[i]!.join(' ') }));
}
