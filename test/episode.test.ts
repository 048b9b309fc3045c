import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildEpisode } from '../src/domain/episode.ts';
import { TranscriptError } from '../src/domain/errors.ts';
import { tokens } from '../src/domain/invariants.ts';
import { reflow } from '../src/domain/reflow.ts';
import { assignFragments } from '../src/domain/sections.ts';
import type { Fragment } from '../src/domain/types.ts';
import { parseYoutldr } from '../src/domain/formats/youtldr.ts';
import { bundled } from './helpers/build.ts';

const parsed = parseYoutldr(readFileSync(bundled, 'utf8'), 'bundled.youtldr.txt');
const episode = buildEpisode(parsed);
const frag = (time: number, text: string, turn = false): Fragment => ({ time, text, turn, line: 1 });

describe('sections', () => {
  it('a fragment belongs to the section with start ≤ t < next start; the last keeps the tail', () => {
    const sections = [0, 10, 20].map((start, i) => ({ start, end: start + 10, title: `S${i}`, tag: 'watch' as const, summary: '', origin: 'ai' as const, line: 1 }));
    const fragments = [0, 9, 10, 19, 20, 35, 99].map((t) => frag(t, 'x'));
    assert.deepEqual(assignFragments(sections, fragments), [[0, 2], [2, 4], [4, 7]]);
  });

  it('puts every bundled fragment on exactly one of the 7 section pages', () => {
    assert.equal(episode.sections.length, 7);
    assert.equal(episode.sections[0]!.fragmentRange[0], 0);
    episode.sections.forEach((s, i) => {
      if (i > 0) assert.equal(s.fragmentRange[0], episode.sections[i - 1]!.fragmentRange[1]);
      assert.ok(parsed.fragments.slice(...s.fragmentRange).every((f) => f.time >= s.start || i === 0));
    });
    assert.equal(episode.sections.at(-1)!.fragmentRange[1], 1845);
    assert.deepEqual(episode.sections.map((s) => s.slug), [
      'intro-and-background', 'timelines-and-benchmarks', 'business-and-developer-strategy',
      'continual-learning-and-science', 'ai-safety-and-alignment', 'openai-internal-culture', 'quickfire-and-societal-impact',
    ]);
  });

  it('gives the episode a stable, readable slug from its title', () => {
    assert.equal(episode.slug, 'openais-chief-scientist-on-continual-learning-hype');
  });
});

describe('reflow', () => {
  it('starts a new paragraph at every speaker turn', () => {
    const paragraphs = reflow([frag(0, 'Hello there.'), frag(2, 'How are you?'), frag(3, 'Fine, thanks.', true), frag(5, 'Good.', true)]);
    assert.deepEqual(paragraphs.map((p) => [p.id, p.text, p.turn]), [
      ['t-0', 'Hello there. How are you?', false],
      ['t-3', 'Fine, thanks.', true],
      ['t-5', 'Good.', true],
    ]);
  });

  it('breaks a long turn at a sentence end, inside a fragment, with the time of that fragment', () => {
    const long = Array.from({ length: 30 }, (_, i) => frag(i * 2, i === 20 ? 'one two. Three four' : 'one two three four five'));
    const paragraphs = reflow(long, { targetWords: 60 });
    assert.equal(paragraphs.length, 2);
    assert.ok(paragraphs[0]!.text.endsWith('one two.'));
    assert.ok(paragraphs[1]!.text.startsWith('Three four'));
    assert.equal(paragraphs[1]!.time, 40);
    assert.deepEqual(paragraphs.flatMap((p) => tokens(p.text)), long.flatMap((f) => tokens(f.text)));
  });

  it('cuts a turn without any punctuation at a fragment boundary rather than never', () => {
    const long = Array.from({ length: 100 }, (_, i) => frag(i, 'no punctuation here at all'));
    const paragraphs = reflow(long, { targetWords: 50, maxWords: 100 });
    assert.ok(paragraphs.length >= 4);
    assert.ok(paragraphs.every((p) => tokens(p.text).length <= 100));
  });

  it('keeps anchor ids unique when two paragraphs start in the same second', () => {
    const paragraphs = reflow([frag(146, 'Yeah.', true), frag(146, 'Um', true)]);
    assert.deepEqual(paragraphs.map((p) => p.id), ['t-146', 't-146-2']);
  });

  it('makes readable paragraphs of the bundled episode without changing a word', () => {
    const all = episode.sections.flatMap((s) => s.paragraphs);
    assert.deepEqual(all.flatMap((p) => tokens(p.text)), parsed.fragments.flatMap((f) => tokens(f.text)));
    // A paragraph opens at every speaker turn the transcript marks, and only there is it a turn.
    assert.equal(all.filter((p) => p.turn).length, parsed.fragments.filter((f) => f.turn).length);
    // Anchors name the second a paragraph starts: the export's sections start at 0:00 and 1:53.
    assert.equal(all[0]!.id, 't-0');
    assert.equal(episode.sections[1]!.paragraphs[0]!.id, `t-${1 * 60 + 53}`);
    const lengths = all.map((p) => tokens(p.text).length).sort((a, b) => a - b);
    const median = lengths[Math.floor(lengths.length / 2)]!;
    assert.ok(median >= 40 && median <= 160, `median paragraph length ${median} words`);
  });
});

describe('key points', () => {
  // Expected by reading the talk: "The Path to Research Autonomy" is discussed under timelines and
  // benchmarks; the two alignment points in the safety section.
  it('go to the section whose text matches best', () => {
    assert.deepEqual(episode.keyPoints.map((k) => k.section), ['timelines-and-benchmarks', 'ai-safety-and-alignment', 'ai-safety-and-alignment']);
    assert.deepEqual(episode.sections.find((s) => s.slug === 'ai-safety-and-alignment')!.keyPoints.map((k) => k.title), [
      'Chain of Thought Monitoring for Alignment',
      'Generalization as the Alignment Frontier',
    ]);
  });
});

describe('invariants', () => {
  it('warn, with both numbers, when the fragments do not add up to the metadata word count', () => {
    const edited = buildEpisode({ ...parsed, metadata: { ...parsed.metadata, words: 13000 } });
    assert.deepEqual(edited.warnings.map((w) => [w.line, w.message]), [
      [7, 'the metadata says 13000 words but the fragments hold 13171 (13084 words and 87 ">>" markers); the export may be truncated or edited'],
    ]);
  });

  const withSections = (sections: Array<[number, number, string]>) =>
    buildEpisode({ ...parsed, sections: sections.map(([start, end, title], i) => ({ start, end, title, tag: 'watch' as const, summary: '', origin: 'ai' as const, line: 20 + i })) });
  const fails = (sections: Array<[number, number, string]>, message: RegExp, line: number) =>
    assert.throws(() => withSections(sections), (e: unknown) => e instanceof TranscriptError && message.test(e.message) && e.line === line);

  it('fail on sections that overlap, end before they start, or lie outside the transcript', () => {
    fails([[0, 100, 'A'], [90, 3527, 'B']], /section "B" starts at 1:30, inside "A" \(until 1:40\)/, 21);
    fails([[0, 100, 'A'], [100, 50, 'B']], /section "B" ends \(0:50\) before it starts \(1:40\)/, 21);
    fails([[0, 100, 'A'], [100, 3527, 'B'], [3600, 4000, 'C']], /section "C" starts at 1:00:00, after the transcript's last words/, 22);
    fails([[0, 100, 'A'], [100, 9000, 'B']], /section "B" ends at 2:30:00, more than a minute after the transcript ends/, 21);
  });

  it('warn on a duplicate section title, and keep the addresses unique', () => {
    const episode = withSections([[0, 100, 'Intro'], [100, 3527, 'Intro']]);
    assert.deepEqual(episode.sections.map((s) => s.slug), ['intro', 'intro-1']);
    assert.match(episode.warnings[0]!.message, /two sections are titled "Intro"; the second gets the address …\/intro-1\//);
  });
});
