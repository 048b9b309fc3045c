/**
 * Finds a pull quote in the transcript so it can link to where it was said. Quotes are edited
 * text: case and punctuation differ from the captions, "..." marks left-out words, and editors
 * drop disfluencies ("we we don't I mean we still believe" → "we still believe"). So the quote's
 * words are matched in order, allowing a few transcript words between them.
 */
import type { Paragraph } from './types.ts';

export interface QuoteSpan {
  /** Index into the paragraphs searched (ids are unique only within a section), and `[start, end)` in its text. */
  paragraph: number;
  start: number;
  end: number;
}

interface Word {
  norm: string;
  paragraph: number;
  start: number;
  end: number;
}

/** Transcript words that may stand between two quoted words (dropped fillers, restarts). */
const MAX_SKIP = 6;
/** …and where the quote says "..." it left out a longer stretch. */
const MAX_ELIDED = 60;

const norm = (word: string) => word.toLowerCase().replace(/[’]/g, "'").replace(/[^\p{L}\p{N}']/gu, '').replace(/^'+|'+$/g, '');

export function transcriptWords(paragraphs: readonly Paragraph[]): Word[] {
  const words: Word[] = [];
  // Transcripts repeat their words; three regular expressions per word add up.
  const normal = new Map<string, string>();
  paragraphs.forEach((p, paragraph) => {
    for (const m of p.text.matchAll(/\S+/g)) {
      let n = normal.get(m[0]);
      if (n === undefined) normal.set(m[0], (n = norm(m[0])));
      if (n) words.push({ norm: n, paragraph, start: m.index, end: m.index + m[0].length });
    }
  });
  return words;
}

/** Quote words, with `null` where the quote elides ("..." or "…"). */
function quoteWords(quote: string): Array<string | null> {
  return quote
    .split(/(\.\.\.|…)/)
    .flatMap((part) => (part === '...' || part === '…' ? [null] : part.split(/\s+/).map(norm).filter(Boolean)));
}

/**
 * The spans of `quote` in `paragraphs`, one per paragraph it touches, or undefined when it is not
 * there. Pass `words` when locating several quotes in the same paragraphs.
 */
export function locateQuote(quote: string, paragraphs: readonly Paragraph[], words = transcriptWords(paragraphs)): QuoteSpan[] | undefined {
  const wanted = quoteWords(quote);
  const first = wanted.findIndex((w) => w !== null);
  if (first < 0) return undefined;
  let best: number[] | undefined;
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.norm !== wanted[first]) continue;
    const hit = matchFrom(words, wanted, first, i);
    if (hit && (!best || hit.at(-1)! - hit[0]! < best.at(-1)! - best[0]!)) best = hit;
  }
  if (!best) return undefined;
  const spans: QuoteSpan[] = [];
  for (const index of best) {
    const w = words[index]!;
    const last = spans.at(-1);
    if (last && last.paragraph === w.paragraph) last.end = w.end;
    else spans.push({ paragraph: w.paragraph, start: w.start, end: w.end });
  }
  return spans;
}

/** Indices of the transcript words matching `wanted` from `at` on, or undefined. */
function matchFrom(words: readonly Word[], wanted: ReadonlyArray<string | null>, first: number, at: number): number[] | undefined {
  const hit = [at];
  let position = at;
  let allowance = MAX_SKIP;
  for (let k = first + 1; k < wanted.length; k++) {
    const want = wanted[k];
    if (want === null) {
      allowance = MAX_ELIDED;
      continue;
    }
    let found = -1;
    for (let j = position + 1; j <= Math.min(words.length - 1, position + 1 + allowance); j++) {
      if (words[j]!.norm === want) {
        found = j;
        break;
      }
    }
    if (found < 0) return undefined;
    hit.push(found);
    position = found;
    allowance = MAX_SKIP;
  }
  return hit;
}
