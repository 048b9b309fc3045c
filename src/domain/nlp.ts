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

/** Sentences of `text` as `[start, end)` character offsets; together they cover the text. */
export function sentenceSpans(text: string): Array<[number, number]> {
  const { nlp, its } = wink();
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  // wink-nlp keeps each token's preceding whitespace, so offsets can be rebuilt exactly.
  const offsets: number[] = [];
  let at = 0;
  values.forEach((value, t) => {
    at += spaces[t]!.length;
    offsets.push(at);
    at += value.length;
  });
  const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
  return spans.map(([first], s) => {
    const start = s === 0 ? 0 : offsets[first]!;
    const next = spans[s + 1];
    return [start, next ? offsets[next[0]]! : text.length];
  });
}

/** Stemmed content words, for comparing texts by meaning rather than spelling. */
export function contentStems(text: string): string[] {
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
