/**
 * One shared wink-nlp instance, made on first use: loading the model costs time and ~100 MB, which
 * processes that never parse a transcript (the build's main process, `--help`) should not pay.
 */
import { createRequire } from 'node:module';
import type WinkNLP from 'wink-nlp';

type Nlp = ReturnType<typeof WinkNLP>;
let instance: { nlp: Nlp; its: Nlp['its'] } | undefined;

export function wink(): { nlp: Nlp; its: Nlp['its'] } {
  if (!instance) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as typeof WinkNLP;
    const nlp = winkNLP(require('wink-eng-lite-web-model'), ['sbd', 'pos']);
    instance = { nlp, its: nlp.its };
  }
  return instance;
}

/** A text as wink-nlp reads it: each token's value, preceding whitespace and part of speech, sentences as token ranges. */
interface Reading {
  values: string[];
  spaces: string[];
  pos: string[];
  spans: Array<[number, number]>;
}

// Reflow reads every speaker turn and key moments read every paragraph; a short turn is one
// paragraph with the very same text, and reading it once is enough. Kept to one long episode's
// worth of text (a 10-hour one has 0.7 M characters), oldest out first.
const readings = new Map<string, Reading>();
const MAX_READ_CHARS = 800_000;
let readChars = 0;

/**
 * Forget every text read so far. Called for each episode: the memos only serve repeats within one
 * episode, so an episode costs the same whatever was read before it, and a library of identical
 * copies (the benchmark's) costs what one of different episodes would.
 */
export function forgetTexts(): void {
  readings.clear();
  readChars = 0;
  stemsOfChunk.clear();
}

function read(text: string): Reading {
  let reading = readings.get(text);
  if (reading) return reading;
  const { nlp, its } = wink();
  const doc = nlp.readDoc(text);
  reading = {
    values: doc.tokens().out(its.value) as string[],
    spaces: doc.tokens().out(its.precedingSpaces) as string[],
    // Tagged anyway by the pipeline; kept for the titles of automatic sections.
    pos: doc.tokens().out(its.pos) as string[],
    spans: doc.sentences().out(its.span) as unknown as Array<[number, number]>,
  };
  readings.set(text, reading);
  readChars += text.length;
  for (const old of readings.keys()) {
    if (readChars <= MAX_READ_CHARS) break;
    readings.delete(old);
    readChars -= old.length;
  }
  return reading;
}

/** A range of tokens as text, exactly as wink-nlp's `out()` writes it (whitespace kept, ends trimmed). */
function spanText(values: readonly string[], spaces: readonly string[], [first, last]: readonly [number, number]): string {
  let text = '';
  for (let t = first; t <= last; t++) text += spaces[t]! + values[t]!;
  return text.trim();
}

/** Sentences of `text` as `[start, end)` character offsets; together they cover the text. */
export function sentenceSpans(text: string): Array<[number, number]> {
  const { values, spaces, spans } = read(text);
  // wink-nlp keeps each token's preceding whitespace, so offsets can be rebuilt exactly.
  const offsets: number[] = [];
  let at = 0;
  values.forEach((value, t) => {
    at += spaces[t]!.length;
    offsets.push(at);
    at += value.length;
  });
  return spans.map(([first], s) => {
    const start = s === 0 ? 0 : offsets[first]!;
    const next = spans[s + 1];
    return [start, next ? offsets[next[0]]! : text.length];
  });
}

/** The tokens of `text` with their parts of speech, from the same reading as its sentences. */
export function taggedTokens(text: string): { values: readonly string[]; pos: readonly string[] } {
  const { values, pos } = read(text);
  return { values, pos };
}

/** Sentences of `text` as wink-nlp writes them out (`doc.sentences().out()`). */
export function sentences(text: string): string[] {
  const { values, spaces, spans } = read(text);
  return spans.map((span) => spanText(values, spaces, span));
}

const OPEN_CLASS = new Set(['ADJ', 'ADV', 'INTJ', 'NOUN', 'PROPN', 'VERB', 'NUM', 'SYM']);

/**
 * Sentences of `text` with wink-nlp's sentence-wise importance: the same numbers as
 * `doc.out(its.sentenceWiseImportance)`, computed without its per-4-gram string and array work,
 * which cost more than reading the text. Each part-of-speech 4-gram of a sentence weighs how often
 * it occurs in the text less how many closed-class tags it has; groups weighing ≤ 0 count for
 * nothing; a sentence's weight is the sum over its 4-grams, scaled by the heaviest sentence's.
 */
export function rankedSentences(text: string): Array<{ text: string; importance: number }> {
  const { nlp, its } = wink();
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
  // Tags as numbers below 64 (the model has 19), so that a 4-gram is one number.
  const codes = new Map<string, number>();
  const grams: number[][] = spans.map(([first, last]) => {
    const tags: number[] = [];
    for (let t = first; t <= last; t++) {
      const p = pos[t]!;
      if (p === 'SPACE' || p === 'PUNCT') continue;
      let code = codes.get(p);
      if (code === undefined) codes.set(p, (code = codes.size));
      tags.push(code);
    }
    const out: number[] = [];
    for (let k = 0; k + 3 < tags.length; k++) out.push(((tags[k]! * 64 + tags[k + 1]!) * 64 + tags[k + 2]!) * 64 + tags[k + 3]!);
    return out;
  });
  if (codes.size > 64) {
    const scored = doc.out(its.sentenceWiseImportance) as unknown as Array<{ importance: number }>;
    return spans.map((span, s) => ({ text: spanText(values, spaces, span), importance: scored[s]!.importance }));
  }
  const closed = [...codes.keys()].map((p) => (OPEN_CLASS.has(p) ? 0 : 1));
  const count = new Map<number, number>();
  for (const list of grams) for (const g of list) count.set(g, (count.get(g) ?? 0) + 1);
  const weightOf = (g: number) => {
    const closedTags = closed[g >> 18]! + closed[(g >> 12) & 63]! + closed[(g >> 6) & 63]! + closed[g & 63]!;
    return count.get(g)! - closedTags;
  };
  const weights = grams.map((list) => list.reduce((sum, g) => {
    const w = weightOf(g);
    return w > 0 ? sum + w : sum;
  }, 0));
  let max = Math.max(...weights);
  if (max === 0) max = 1;
  return spans.map((span, s) => ({ text: spanText(values, spaces, span), importance: +(weights[s]! / max).toFixed(4) }));
}

// The content stems of one whitespace-free chunk of text. wink-nlp splits text at whitespace
// before anything else and tokenizes each chunk on its own, so a text's stems are its chunks'
// stems in order; transcripts repeat their words, so each distinct chunk is read and stemmed once.
const stemsOfChunk = new Map<string, readonly string[]>();
const MAX_CHUNKS = 100_000;
// The separators wink-nlp splits at besides the plain space (eng-lite-web-model's `splitter`).
const OTHER_SEPARATORS = /[\u00a0\u2002-\u2005\u2009\u200a\u202f\u205f\n\r\t]/;

/** Stemmed content words, for comparing texts by meaning rather than spelling. */
export function contentStems(text: string): string[] {
  if (OTHER_SEPARATORS.test(text)) return readStems(text);
  // Forget before looking up, so that the chunks found known stay known until they are used.
  if (stemsOfChunk.size > MAX_CHUNKS) stemsOfChunk.clear();
  const chunks = text.split(' ');
  const unknown = new Set<string>();
  for (const chunk of chunks) if (chunk !== '' && !stemsOfChunk.has(chunk)) unknown.add(chunk);
  if (unknown.size) learnChunks([...unknown]);
  const stems: string[] = [];
  for (const chunk of chunks) {
    if (chunk === '') continue;
    for (const stem of stemsOfChunk.get(chunk)!) stems.push(stem);
  }
  return stems;
}

/** Stems as wink-nlp gives them for a whole text: word tokens that are not stop words. */
function readStems(text: string): string[] {
  const { nlp, its } = wink();
  const stems: string[] = [];
  nlp
    .readDoc(text)
    .tokens()
    .filter((t: { out: (f: unknown) => unknown }) => t.out(its.type) === 'word' && !t.out(its.stopWordFlag))
    .each((t: { out: (f: unknown) => unknown }) => {
      stems.push(t.out(its.stem) as string);
    });
  return stems;
}

/**
 * Reads many chunks in one document (one wink-nlp call costs far more than its words): joined by
 * single spaces, each chunk's first token is the only one with whitespace before it.
 */
function learnChunks(chunks: readonly string[]): void {
  const { nlp, its } = wink();
  const doc = nlp.readDoc(chunks.join(' '));
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const types = doc.tokens().out(its.type) as string[];
  const stop = doc.tokens().out(its.stopWordFlag) as unknown as boolean[];
  const starts = spaces.flatMap((s, t) => (t === 0 || s !== '' ? [t] : []));
  if (starts.length !== chunks.length) {
    // A chunk that made no token (or a space inside one) would shift the rest: read them singly.
    for (const chunk of chunks) stemsOfChunk.set(chunk, readStems(chunk));
    return;
  }
  const stem = (t: number) => (doc.tokens().itemAt(t) as { out: (f: unknown) => unknown }).out(its.stem) as string;
  chunks.forEach((chunk, c) => {
    const stems: string[] = [];
    for (let t = starts[c]!, end = starts[c + 1] ?? spaces.length; t < end; t++) {
      if (types[t] === 'word' && !stop[t]) stems.push(stem(t));
    }
    stemsOfChunk.set(chunk, stems);
  });
}
