/** One shared wink-nlp instance: loading the model costs ~100 ms, so it is made once per process. */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export const nlp = winkNLP(model, ['sbd', 'pos']);
export const its = nlp.its;

/** Sentences of `text` as `[start, end)` character offsets; together they cover the text. */
export function sentenceSpans(text: string): Array<[number, number]> {
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
