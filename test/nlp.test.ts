/**
 * The shortcuts in nlp.ts must give exactly what wink-nlp gives when asked the long way: the
 * generated pages depend on every sentence boundary, stem and importance score.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildEpisode } from '../src/domain/episode.ts';
import { contentStems, rankedSentences, sentences, sentenceSpans, wink } from '../src/domain/nlp.ts';
import { parseYoutldr } from '../src/domain/formats/youtldr.ts';
import { HOSTILE } from './fixtures/hostile.ts';
import { bundled } from './helpers/build.ts';

type Token = { out: (f: unknown) => unknown };
const episode = buildEpisode(parseYoutldr(readFileSync(bundled, 'utf8'), 'bundled.youtldr.txt'));
const texts = [
  ...episode.sections.flatMap((s) => [s.paragraphs.map((p) => p.text).join(' '), ...s.paragraphs.map((p) => p.text), `${s.title} ${s.summary}`]),
  ...HOSTILE,
  '',
  '   ',
  "Don't   can't, won't. E.g. the U.S.A. (really) 'quoted' 3.5% $4 #tag @me http://x.y/z?a=b :-) 😀 日本語. ",
  'no\u00a0break\u2009here.\nNew line\tand tab. Yeah. Yeah.',
];

describe('wink-nlp shortcuts', () => {
  const { nlp, its } = wink();

  it('sentences are what doc.sentences().out() writes, and their spans cover the text', () => {
    for (const text of texts) {
      assert.deepEqual(sentences(text), nlp.readDoc(text).sentences().out(), text);
      const spans = sentenceSpans(text);
      if (spans.length) assert.equal(spans.map(([s, e]) => text.slice(s, e)).join(''), text);
    }
  });

  it('sentence importance equals its.sentenceWiseImportance', () => {
    for (const text of texts) {
      const doc = nlp.readDoc(text);
      const want = (doc.out(its.sentenceWiseImportance) as unknown as Array<{ importance: number }>).map((s) => s.importance);
      const ranked = rankedSentences(text);
      assert.deepEqual(ranked.map((s) => s.importance), want, text);
      assert.deepEqual(ranked.map((s) => s.text), doc.sentences().out(), text);
    }
  });

  it('content stems equal stemming the whole text at once', () => {
    for (const text of texts) {
      const want: string[] = [];
      nlp.readDoc(text).tokens()
        .filter((t: Token) => t.out(its.type) === 'word' && !t.out(its.stopWordFlag))
        .each((t: Token) => want.push(t.out(its.stem) as string));
      assert.deepEqual(contentStems(text), want, text);
    }
  });
});
