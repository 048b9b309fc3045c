/**
 * Turns ~2-second caption fragments into paragraphs a person can read: a new paragraph at every
 * speaker turn, at a long silence once a paragraph has some length (where the words are timed),
 * and at a sentence end once a paragraph has grown long.
 */
import { anchorNamer } from './anchor.ts';
import { tokenCount } from './invariants.ts';
import { sentenceSpans } from './nlp.ts';
import { wordSeconds } from './sentences/pauses.ts';
import type { Fragment, Paragraph } from './types.ts';

export interface ReflowOptions {
  /** Close a paragraph at the first sentence end after this many words. */
  targetWords?: number;
  /** Close it at a fragment boundary after this many words even without a sentence end. */
  maxWords?: number;
}

/** A silence this long between two sentences (seconds) starts a new paragraph… */
const LONG_PAUSE = 2;
/** …once the paragraph before it has this many words. */
const PAUSE_PARAGRAPH_WORDS = 40;

interface Piece {
  text: string;
  time: number;
  /** Seconds of silence before it, where the fragments time their words. */
  pause?: number;
  /** True when the piece ends at a sentence end. */
  sentenceEnd: boolean;
}

/** Reflow the fragments of one section. Paragraph ids are `t-<seconds>`, suffixed if repeated. */
export function reflow(fragments: readonly Fragment[], options: ReflowOptions = {}): Paragraph[] {
  const target = options.targetWords ?? 120;
  const max = options.maxWords ?? Math.max(target * 2, 1);
  const paragraphs: Paragraph[] = [];
  const name = anchorNamer();

  for (const turn of splitTurns(fragments)) {
    let open: { time: number; parts: string[]; words: number; turn: boolean } | undefined;
    const speaker = turn[0]!.speaker;
    const close = () => {
      if (!open || open.parts.length === 0) return;
      const id = name(open.time);
      paragraphs.push({ id, time: open.time, text: open.parts.join(' '), turn: open.turn, ...(speaker ? { speaker } : {}) });
      open = undefined;
    };
    let first = true;
    for (const piece of pieces(turn, max)) {
      if (open && open.words >= PAUSE_PARAGRAPH_WORDS && (piece.pause ?? 0) >= LONG_PAUSE) close();
      open ??= { time: piece.time, parts: [], words: 0, turn: first && turn[0]!.turn };
      first = false;
      open.parts.push(piece.text);
      open.words += tokenCount(piece.text);
      if ((piece.sentenceEnd && open.words >= target) || open.words >= max) close();
    }
    close();
  }
  return paragraphs;
}

/**
 * The text of each speaker turn of `fragments`, as reflow reads it: what else reads a section
 * (the titles of automatic sections) reads the same strings, so wink-nlp reads each once.
 */
export function turnTexts(fragments: readonly Fragment[]): string[] {
  return splitTurns(fragments).map((turn) => turnText(turn).text).filter(Boolean);
}

/** A turn's fragments joined by single spaces, and where each (non-empty) fragment starts. */
function turnText(turn: readonly Fragment[]): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = '';
  for (const fragment of turn) {
    if (fragment.text === '') continue;
    if (text !== '') text += ' ';
    starts.push(text.length);
    text += fragment.text;
  }
  return { text, starts };
}

/** Consecutive fragments of one speaker turn. */
function splitTurns(fragments: readonly Fragment[]): Fragment[][] {
  const turns: Fragment[][] = [];
  for (const fragment of fragments) {
    if (fragment.turn || turns.length === 0) turns.push([]);
    turns.at(-1)!.push(fragment);
  }
  return turns;
}

/**
 * The turn's text cut into sentences, each with the time of the fragment it starts in. A sentence
 * longer than `max` words (captions without punctuation) is cut again at fragment boundaries.
 */
function pieces(turn: readonly Fragment[], max: number): Piece[] {
  const { text, starts } = turnText(turn);
  const timed = turn.filter((f) => f.text !== '');
  if (timed.length === 0) return [];
  // Where a fragment times its words, a sentence starts when its first word is said.
  const exactTime = (offset: number) => {
    const lo = lastAtOrBefore(starts, offset);
    const fragment = timed[lo]!;
    const word = tokenCount(text.slice(starts[lo]!, offset));
    return fragment.words?.[Math.min(word, fragment.words.length - 1)] ?? fragment.time;
  };
  const timeAt = (offset: number) => Math.floor(exactTime(offset));

  // Only cut where the text has whitespace: a sentence splitter may end a sentence inside a
  // token ("e.g.x"), and cutting there would change the words.
  const cuts = [0];
  for (const [start] of sentenceSpans(text).slice(1)) {
    if (/\s/.test(text[start - 1] ?? '')) cuts.push(start);
  }
  cuts.push(text.length);

  // The silence before the sentence starting at `from`: from the end of the word before it.
  const pauseAt = (from: number): number | undefined => {
    const lo = lastAtOrBefore(starts, from - 1);
    if (!timed[lo]?.words || !timed[lastAtOrBefore(starts, from)]?.words) return undefined;
    const before = text.slice(0, from).trimEnd();
    const last = before.slice(before.search(/\S+$/));
    return exactTime(from) - exactTime(before.length - last.length) - wordSeconds(last.length);
  };

  const result: Piece[] = [];
  for (let c = 0; c + 1 < cuts.length; c++) {
    const [from, to] = [cuts[c]!, cuts[c + 1]!];
    const sentence = text.slice(from, to).trim();
    if (!sentence) continue;
    const pause = c > 0 ? pauseAt(from) : undefined;
    if (tokenCount(sentence) <= max) {
      result.push({ text: sentence, time: timeAt(from), sentenceEnd: true, ...(pause !== undefined ? { pause } : {}) });
      continue;
    }
    const inner = starts.filter((s) => s > from && s < to);
    [from, ...inner].forEach((s, k, all) => {
      const part = text.slice(s, all[k + 1] ?? to).trim();
      if (part) result.push({ text: part, time: timeAt(s), sentenceEnd: k === all.length - 1 });
    });
  }
  return result;
}

/** Index of the last value in ascending `values` that is at most `x` (0 if none is). */
function lastAtOrBefore(values: readonly number[], x: number): number {
  let lo = 0;
  for (let hi = values.length - 1; lo < hi; ) {
    const mid = (lo + hi + 1) >> 1;
    if (values[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
