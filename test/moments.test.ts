import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildEpisode } from '../src/domain/episode.ts';
import { keyMoments, meaningful } from '../src/domain/key-moments.ts';
import { momentParagraphs, parseMomentRef, parseTimeValue, resolveMoment } from '../src/domain/moment-ref.ts';
import { locateQuote } from '../src/domain/quotes.ts';
import type { Paragraph } from '../src/domain/types.ts';
import { parseYoutldr } from '../src/domain/formats/youtldr.ts';
import { bundled } from './helpers/build.ts';

const episode = buildEpisode(parseYoutldr(readFileSync(bundled, 'utf8'), 'bundled.youtldr.txt'));
const paragraphs = episode.sections.flatMap((s) => s.paragraphs);
const para = (id: string, text: string): Paragraph => ({ id, time: Number(id.slice(2)), text, turn: false });

describe('moment references in URLs', () => {
  it('reads every documented form', () => {
    assert.equal(parseMomentRef('#12:34', ''), 754);
    assert.equal(parseMomentRef('#1:02:03', ''), 3723);
    assert.equal(parseMomentRef('#t=754', ''), 754);
    assert.equal(parseMomentRef('', '?t=754'), 754);
    assert.equal(parseMomentRef('', '?t=12m34s'), 754);
    assert.equal(parseMomentRef('', '?t=1h2m3s'), 3723);
    assert.equal(parseMomentRef('', '?t=754s'), 754);
    assert.equal(parseMomentRef('#t=754.6,800', ''), 754);
    assert.equal(parseMomentRef('#12%3A34', ''), 754);
  });

  it('prefers the hash, falls back to the query, and rejects what is not a time', () => {
    assert.equal(parseMomentRef('#1:00', '?t=5'), 60);
    assert.equal(parseMomentRef('#nonsense', '?t=5'), 5);
    for (const bad of ['#', '#abc', '#12:3', '#t=', '#-5', '#1:60']) assert.equal(parseMomentRef(bad, ''), undefined, bad);
    assert.equal(parseMomentRef('', '?t=soon'), undefined);
    assert.equal(parseMomentRef('', ''), undefined);
    assert.equal(parseTimeValue('m'), undefined);
  });

  it('resolves to the last paragraph starting at or before the moment', () => {
    const list = [[[0, 't-0'], [40, 't-40']], [[100, 't-100'], [100, 't-100-2'], [150, 't-150']]] as const;
    assert.deepEqual(resolveMoment(0, list), { section: 0, id: 't-0' });
    assert.deepEqual(resolveMoment(99, list), { section: 0, id: 't-40' });
    assert.deepEqual(resolveMoment(100, list), { section: 1, id: 't-100-2' });
    assert.deepEqual(resolveMoment(149, list), { section: 1, id: 't-100-2' });
    assert.deepEqual(resolveMoment(9999, list), { section: 1, id: 't-150' });
    assert.deepEqual(resolveMoment(-1, list), { section: 0, id: 't-0' });
  });

  it('names the resolver page’s paragraphs from their seconds as reflow named them, one count per section', () => {
    // Section 0 on two pages, a second repeated within a page and across the page break; section 1
    // starts its own count. Resolved the same as with the ids written out.
    const seconds = [[[5, 5], [5, 7]], [[5, 9]]];
    const named = [[[5, 't-5'], [5, 't-5-2']], [[5, 't-5-3'], [7, 't-7']], [[5, 't-5'], [9, 't-9']]];
    assert.deepEqual(momentParagraphs(seconds), named);
    for (const t of [0, 5, 6, 7, 8, 9, 10]) assert.deepEqual(resolveMoment(t, momentParagraphs(seconds)), resolveMoment(t, named as Array<Array<[number, string]>>), `${t} s`);
    assert.deepEqual(resolveMoment(5, momentParagraphs(seconds)), { section: 2, id: 't-5' });
    assert.deepEqual(resolveMoment(6, momentParagraphs(seconds)), { section: 2, id: 't-5' });
  });

  it('names the bundled episode’s paragraphs from their seconds alone, t-681-2 among them', () => {
    const seconds = episode.sections.map((s) => [s.paragraphs.map((p) => p.time)]);
    const list = episode.sections.map((s) => s.paragraphs.map((p): [number, string] => [p.time, p.id]));
    assert.deepEqual(momentParagraphs(seconds), list);
    assert.ok(list.flat().some(([, id]) => id === 't-681-2'));
  });

  it('sends 12:34 of the bundled episode into Business and Developer Strategy', () => {
    const list = episode.sections.map((s) => s.paragraphs.map((p) => [p.time, p.id] as const));
    const target = resolveMoment(754, list)!;
    assert.equal(episode.sections[target.section]!.slug, 'business-and-developer-strategy');
    const p = episode.sections[target.section]!.paragraphs.find((x) => x.id === target.id)!;
    assert.ok(p.time <= 754);
  });
});

describe('quote location', () => {
  it('finds a quote verbatim, ignoring case and punctuation', () => {
    const spans = locateQuote('"Hello, World!"', [para('t-0', 'well hello world again')]);
    assert.deepEqual(spans, [{ paragraph: 0, start: 5, end: 16 }]);
  });

  it('finds a quote across paragraph and fragment boundaries', () => {
    const spans = locateQuote('the end of one. And the start of another', [para('t-0', 'This is the end of one.'), para('t-9', 'And the start of another thing.')]);
    assert.deepEqual(spans, [{ paragraph: 0, start: 8, end: 23 }, { paragraph: 1, start: 0, end: 24 }]);
  });

  it('allows the fillers an editor removed and the words an ellipsis leaves out', () => {
    const text = 'we are buying a lot of compute right because we we don\'t I mean we still believe a bit less and we believe you know more than ever to some degree';
    const spans = locateQuote('We are buying a lot of compute because we still believe... more than ever to some degree.', [para('t-681', text)]);
    assert.deepEqual(spans, [{ paragraph: 0, start: 0, end: text.length }]);
  });

  it('reports a quote that is not there', () => {
    assert.equal(locateQuote('Nobody said this at all', paragraphs), undefined);
    assert.equal(locateQuote('compute because we still believe', [para('t-0', 'compute and then a very long digression that goes on and on because we still believe')]), undefined);
  });

  it('grounds both bundled quotes and marks their words', () => {
    assert.deepEqual(episode.quotes.map((q) => q.at), [
      { section: 'intro-and-background', id: 't-0' },
      { section: 'business-and-developer-strategy', id: 't-681-2' },
    ]);
    assert.equal(episode.warnings.length, 0);
    const marked = paragraphs.find((p) => p.id === 't-681-2')!;
    assert.match(marked.text.slice(...marked.marks![0]!), /^we are buying a lot of compute.*to some degree$/);
  });
});

describe('key moments', () => {
  it('are complete, meaningful sentences from the section, never filler', () => {
    for (const section of episode.sections) {
      assert.ok(section.moments.length >= 1 && section.moments.length <= 3, section.slug);
      for (const m of section.moments) {
        assert.ok(meaningful(m.text), m.text);
        const p = section.paragraphs.find((x) => x.id === m.id)!;
        assert.ok(p.text.includes(m.text), `${m.text} is verbatim in ${m.id}`);
        assert.doesNotMatch(m.text, /^(yeah|um|uh|so|and|but)\b/i);
        assert.ok(m.text.split(/\s+/).length >= 8);
      }
    }
  });

  it('reject filler and fragments', () => {
    for (const filler of ['Yeah.', 'Um', 'Uh yeah, I mean, you know, like, right.', 'I I I think I think that is like um yeah.', 'And then we went on to the next thing we did there.', 'How do you think about the models and their future work.']) {
      assert.equal(meaningful(filler), false, filler);
    }
    assert.equal(meaningful('The progress on math research capabilities has been the most interesting update.'), true);
  });

  it('are picked from a section in time order', () => {
    const picks = keyMoments([
      para('t-0', 'Yeah. Um. So.'),
      para('t-10', 'Reinforcement learning lets models improve on tasks that can be checked automatically. Mathematics is a domain where progress can be verified.'),
    ]);
    assert.deepEqual(picks.map((p) => p.id), ['t-10', 't-10']);
    assert.ok(picks[0]!.text.startsWith('Reinforcement'));
  });
});
