/**
 * Key moments: the most salient sentences a section's speakers actually said, picked by
 * wink-nlp's sentence importance and filtered so that each is a complete, meaningful sentence.
 */
import { tokens } from './invariants.ts';
import { rankedSentences, sentences, wink } from './nlp.ts';
import { hasSoundTag } from './sound-tags.ts';
import type { KeyMoment, Paragraph } from './types.ts';

const MIN_WORDS = 8;
/** Fewer meaningful sentences than this, and whole statements make up the number. */
const MIN_MOMENTS = 2;
const MAX_WORDS = 40;
// Disfluencies and hedges that make a caption sentence read as filler when they dominate it.
const FILLER = new Set(['uh', 'um', 'like', 'yeah', 'mean', 'know', 'kind', 'sort', 'right', 'okay', 'so', 'oh']);
// A sentence that opens with one of these leans on what came before it, or is a hesitation.
// Interview framing ("I want to talk about…", "you guys have…") introduces a moment, it is not one.
const FRAMING = /^(i want to|i'd love to|i'm sure|i'm curious|i realize|i guess|let's|you know|it sounds like|obviously)\b/i;
// A sentence that speaks to the listener or the guest reads as conversation, not as a moment.
const ADDRESS = /\b(you guys|you've|you're|your)\b/i;
// Questions phrased without a question mark, as captions often write them.
const QUESTION = /^(how|what|why|when|where|who)\s+(do|does|did|is|are|was|were|can|could|would|will|should)\b/i;
const WEAK_OPENERS = new Set(['um', 'uh', 'yeah', 'so', 'and', 'but', 'like', 'well', 'oh', 'okay', 'because', 'or', 'which']);

/** `exclude`: sentences already shown elsewhere on the page (an extracted summary's). */
export function keyMoments(paragraphs: readonly Paragraph[], limit = 3, exclude: ReadonlySet<string> = new Set()): KeyMoment[] {
  const found: Array<{ text: string; id: string; time: number }> = [];
  for (const p of paragraphs) {
    for (const s of sentences(p.text)) found.push({ text: s.trim(), id: p.id, time: p.time });
  }
  if (found.length === 0) return [];
  // Importance is relative to the whole section, so score the sentences together.
  const ranked = rankedSentences(found.map((s) => s.text).join(' '));
  // Re-segmenting the joined text can merge or split differently; map by text where it agrees.
  const byText = new Map(found.map((s) => [s.text, s]));
  const candidates = ranked
    .map(({ text, importance }) => ({ sentence: byText.get(text.trim()), importance }))
    .filter((x): x is { sentence: (typeof found)[number]; importance: number } => !!x.sentence)
    .sort((a, b) => b.importance - a.importance || a.sentence.time - b.sentence.time);
  const chosen: typeof found = [];
  // Most important first, so only the few sentences needed are tagged to test them.
  const take = (whole: (text: string) => boolean, upTo: number) => {
    for (const { sentence } of candidates) {
      if (chosen.length >= upTo) break;
      if (exclude.has(sentence.text) || chosen.some((c) => c.text === sentence.text) || !whole(sentence.text)) continue;
      chosen.push(sentence);
    }
  };
  take(meaningful, limit);
  // A section whose speakers address the listener ("your audio…") still gets two moments: its
  // most important whole statements.
  take(statement, Math.min(limit, MIN_MOMENTS));
  return chosen.sort((a, b) => a.time - b.time).map(({ text, id, time }) => ({ text, id, time }));
}

/** A sentence's words, lower case, letters and apostrophes only. */
const bareWords = (words: readonly string[]): string[] => words.map((w) => w.toLowerCase().replace(/[^\p{L}']/gu, ''));

/**
 * A whole sentence of reasonable length that states something: not a question, not filler, no
 * sound in it, not opened by a hesitation or framing, no word said twice in a row.
 */
function statement(sentence: string): boolean {
  const words = tokens(sentence);
  if (words.length < MIN_WORDS || words.length > MAX_WORDS) return false;
  if (!/^[\p{Lu}"“']/u.test(sentence) || !/[.!]["”']?$/.test(sentence)) return false;
  // A sentence with a `[Music]` in it is not one a reader can take as said.
  if (hasSoundTag(sentence)) return false;
  const bare = bareWords(words);
  if (WEAK_OPENERS.has(bare[0]!) || FRAMING.test(sentence) || QUESTION.test(sentence)) return false;
  if (bare.filter((w) => FILLER.has(w)).length / words.length > 0.12) return false;
  return !bare.some((w, i) => w !== '' && w === bare[i - 1]);
}

/** A complete statement of reasonable length, not a question, not mostly filler, not said to the listener. */
export function meaningful(sentence: string): boolean {
  if (ADDRESS.test(sentence) || !statement(sentence)) return false;
  // Stutters of two words too ("I think I think") mark a sentence the speaker restarted.
  const bare = bareWords(tokens(sentence));
  if (bare.some((w, i) => i >= 3 && `${bare[i - 3]} ${bare[i - 2]}` === `${bare[i - 1]} ${w}`)) return false;
  const { nlp, its } = wink();
  const tags = nlp.readDoc(sentence).tokens().out(its.pos) as string[];
  // Questions phrased without a question mark ("Do you have …") still start with an auxiliary.
  if (tags[0] === 'AUX') return false;
  return (tags.includes('VERB') || tags.includes('AUX')) && tags.some((t) => t === 'NOUN' || t === 'PROPN');
}
