/**
 * Sections, titles and summaries for transcripts that come without any: measured against known
 * boundaries (the targets are the issue's), within the bounds a reader expects, taken from the
 * transcript's own words and labelled as such.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { scoreCase, segmentationCases } from '../bench/segmentation.ts';
import { applyMetadata } from '../src/domain/apply-metadata.ts';
import { buildEpisode } from '../src/domain/episode.ts';
import { parseCaptions } from '../src/domain/formats/captions.ts';
import { parseYoutldr } from '../src/domain/formats/youtldr.ts';
import { parseSidecar } from '../src/domain/sidecar.ts';
import { announces, questionStarts } from '../src/domain/topics/cues.ts';
import { segmentationScores } from '../src/domain/topics/metrics.ts';
import { topicSections } from '../src/domain/topics/sections.ts';
import { episodeEnd } from '../src/domain/episode-end.ts';
import type { Episode, ParsedTranscript } from '../src/domain/types.ts';
import { bundled, root } from './helpers/build.ts';

/** The bundled episode as a YouTLDR export without its AI block: no sections of its own. */
function bundledWithoutSections(): ParsedTranscript {
  const lines = readFileSync(bundled, 'utf8').split('\n');
  const meta = lines.findIndex((l) => / words · ~\d+ min read/.test(l));
  const disclaimer = lines.findIndex((l) => l.startsWith('AI-generated from the transcript.'));
  return parseYoutldr([...lines.slice(0, meta + 1), ...lines.slice(disclaimer + 1)].join('\n'), 'chief-scientist.youtldr.txt');
}
const cc0 = await parseCaptions(readFileSync(path.join(root, 'test', 'fixtures', 'podcast-namespace', 'long-example.vtt'), 'utf8'), 'ten-things.vtt', 'vtt');
const episodes: Array<[string, Episode]> = [
  ['the bundled episode without its sections', buildEpisode(applyMetadata(bundledWithoutSections()))],
  ['the CC0 long example', buildEpisode(applyMetadata(cc0))],
];

describe('Pk and WindowDiff', () => {
  it('score a segmentation as Beeferman et al. and Pevzner & Hearst define them', () => {
    // 10 units, a true boundary at 5, windows of 3 (half the mean true length, rounded).
    assert.deepEqual(segmentationScores(10, [5], [5]), { pk: 0, windowDiff: 0, k: 3 });
    const none = segmentationScores(10, [5], []);
    assert.equal(none.pk, 3 / 7, 'the three windows across the true boundary');
    assert.equal(none.windowDiff, 3 / 7);
    const near = segmentationScores(10, [5], [4]);
    assert.equal(near.pk, 2 / 7, 'one boundary early: the first and last of the windows around it disagree');
    const twice = segmentationScores(10, [5], [4, 5]);
    assert.ok(twice.windowDiff > twice.pk, 'WindowDiff counts an extra boundary Pk does not see');
  });
});

describe('what a conversation says about its subjects', () => {
  it('phrases that announce a new subject, as people say them', () => {
    for (const said of ["Let's talk about pricing.", 'OK, switching gears a bit.', 'I want to ask you about your first job.', 'So I wanted to also make sure to talk about safety.', 'Moving on to the news.', 'Last question for you.', 'Another thing I wanted to cover.', 'We always end with a quickfire round.', 'I’d love to start with your background.'])
      assert.ok(announces(said), said);
    for (const said of ['I talked about it last year.', 'We need to move faster.', 'The question is hard.', 'When speaking of models, we mean weights.'])
      assert.ok(!announces(said), said);
  });

  it('a host’s question: a short turn that asks, followed by a long answer', () => {
    const long = 'Well, it is a long story and I will tell it in full. '.repeat(16);
    const turn = (text: string, t: number) => ({ time: t, text, turn: true, line: undefined });
    const fragments = [
      turn(long, 0),
      turn('So what got you into robotics?', 60),
      turn(long, 65),
      turn('Right, that makes sense.', 120),
      turn('And how long did it take?', 125),
      turn('About a year.', 130),
    ];
    assert.deepEqual([...questionStarts(fragments)], [1], 'the second question gets a short answer: a follow-up, not a new subject');
    assert.equal(questionStarts(fragments.map((f, i) => ({ ...f, turn: i === 0 }))).size, 0, 'without turns, no telling who asks');
  });
});

const results = (await segmentationCases(root)).map(scoreCase);

describe('sections where the talk changes subject', () => {
  const ours = (r: (typeof results)[number]) => r.methods['topics (ours)']!;

  it('on the bundled episode without its sections: Pk ≤ 0.26, better than equal parts and 8–10-minute parts', () => {
    const r = results[0]!;
    assert.equal(r.kind, 'bundled');
    assert.ok(ours(r).pk <= 0.26, `Pk ${ours(r).pk}`);
    assert.ok(ours(r).pk < r.methods['equal parts (true count)']!.pk && ours(r).pk < r.methods['8–10-minute parts (before)']!.pk);
    assert.ok(ours(r).windowDiff < r.methods['one section']!.windowDiff, 'and more than Pk’s bias towards too few boundaries');
  });

  it('on different talks joined in the style of Choi (2000): Pk ≤ 0.10 on average, better than both baselines', () => {
    const joined = results.filter((r) => r.kind === 'joined');
    assert.ok(joined.length >= 5);
    const mean = (method: string) => joined.reduce((n, r) => n + r.methods[method]!.pk, 0) / joined.length;
    assert.ok(mean('topics (ours)') <= 0.1, `mean Pk ${mean('topics (ours)')}`);
    assert.ok(mean('topics (ours)') < mean('equal parts (true count)') && mean('topics (ours)') < mean('8–10-minute parts (before)'));
    for (const r of joined) assert.ok(ours(r).pk <= 0.4, `${r.case}: Pk ${ours(r).pk}`);
  });

  // Distant parts of one conversation share its speakers and much of its vocabulary: the issue's
  // target of mean Pk ≤ 0.25 is not met (0.31, see docs/AUTOMATIC-SECTIONS.md). What holds is that
  // the sections say more than no sections or the clock.
  it('on distant parts of one talk: better than 8–10-minute parts and one section', () => {
    const oneTalk = results.filter((r) => r.kind === 'one-talk');
    assert.ok(oneTalk.length >= 5 && oneTalk.filter((r) => r.heldOut).length >= 2, 'five cases or more, two kept out of tuning');
    const mean = (method: string, of = oneTalk) => of.reduce((n, r) => n + r.methods[method]!.pk, 0) / of.length;
    assert.ok(mean('topics (ours)') < mean('8–10-minute parts (before)') && mean('topics (ours)') < mean('one section'));
    const heldOut = oneTalk.filter((r) => r.heldOut);
    assert.ok(mean('topics (ours)', heldOut) <= mean('one section', heldOut), 'the held-out cases, too');
  });

  it('keep to sensible bounds: no section under 100 s or over 20 minutes, more sections for a longer talk, the same every time', () => {
    const once = bundledWithoutSections();
    const end = episodeEnd(once);
    const sections = topicSections(once.fragments, end);
    for (const s of sections) assert.ok(s.end - s.start >= 100 && s.end - s.start <= 1200, `${s.start}–${s.end}`);
    assert.deepEqual(topicSections(once.fragments, end), sections, 'deterministic');
    const twice = [...once.fragments, ...once.fragments.map((f) => ({ ...f, time: f.time + end }))];
    assert.ok(topicSections(twice, 2 * end).length > sections.length);
    const short = topicSections(once.fragments.filter((f) => f.time < 150), 150);
    assert.equal(short.length, 1, 'a talk shorter than two sections is one');
  });
});

describe('titles and summaries from the transcript’s own words', () => {
  for (const [name, episode] of episodes) {
    it(`${name}: titles of 2–6 words in title case, never a time range, each its own`, () => {
      assert.ok(episode.sections.length >= 2);
      for (const s of episode.sections) {
        assert.equal(s.origin, 'topics');
        assert.deepEqual(s.extracted?.title, true);
        const words = s.title.split(' ');
        assert.ok(words.length >= 2 && words.length <= 6, s.title);
        assert.doesNotMatch(s.title, /\d+:\d\d/);
        assert.ok(words.every((w, i) => /^\P{Ll}/u.test(w) || (i > 0 && /^(?:a|an|the|and|or|of|in|on|for|to|with|at|by)$/.test(w))), s.title);
        // Every word of the title was said in the section.
        const said = s.paragraphs.map((p) => p.text.toLowerCase()).join(' ');
        for (const w of words.filter((x) => !/^(?:and|of)$/i.test(x))) assert.ok(said.includes(w.toLowerCase()), `${s.title}: "${w}"`);
      }
      assert.equal(new Set(episode.sections.map((s) => s.title)).size, episode.sections.length);
      assert.deepEqual(episode.sections.map((s) => s.slug), episode.sections.map((s) => s.title.toLowerCase().replace(/[^\p{L}\p{N} -]/gu, '').replace(/ /g, '-')));
    });

    it(`${name}: summaries are complete sentences said in the section, linked to the paragraph that says them`, () => {
      let sentences = 0;
      for (const s of episode.sections) {
        const summary = s.extracted!.summary;
        assert.ok(summary.length <= 2);
        for (const m of summary) {
          sentences++;
          const paragraph = s.paragraphs.find((p) => p.id === m.id)!;
          assert.ok(paragraph.text.includes(m.text), `${m.text} is in #${m.id}`);
          assert.match(m.text, /^[\p{Lu}"“']/u);
          assert.match(m.text, /[.!]["”']?$/, 'a statement, not a question');
          assert.ok(!s.moments.some((k) => k.text === m.text), 'not repeated as a key moment');
        }
        assert.equal(s.summary, summary.map((m) => m.text).join(' '));
      }
      assert.ok(sentences >= episode.sections.length, 'most sections have a summary');
      const overview = episode.summary!;
      assert.ok(overview.length >= 1 && overview.length <= 3);
      for (const m of overview) assert.ok(episode.sections.find((s) => s.slug === m.section)!.extracted!.summary.some((x) => x.text === m.text));
    });
  }

  it('a sidecar can name the automatic sections, or ask for plain parts instead', () => {
    const source = bundledWithoutSections();
    const named = buildEpisode(applyMetadata(source, { sidecar: parseSidecar('autoTitles: [The Start, The Middle]\n', 'ep.yml') }));
    assert.deepEqual(named.sections.slice(0, 2).map((s) => [s.title, s.extracted!.title]), [['The Start', false], ['The Middle', false]]);
    assert.equal(named.sections[2]!.extracted!.title, true, 'the rest keep their extracted titles');
    const parts = buildEpisode(applyMetadata(source, { sidecar: parseSidecar('autoSections: parts\n', 'ep.yml') }));
    assert.ok(parts.sections.every((s) => s.origin === 'parts' && /^\d+:\d\d–\d+:\d\d$/.test(s.title)));
    // Plain parts are titled by the clock, and summarised, like every section, from their own words.
    for (const s of parts.sections) {
      assert.equal(s.extracted!.title, false);
      assert.ok(s.summary.length > 0 && s.extracted!.summary.every((m) => s.paragraphs.some((p) => p.text.includes(m.text))), s.title);
    }
    assert.ok(parts.summary!.length > 0);
  });
});
