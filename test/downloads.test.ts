/** Every download is read back with the project's own parsers: same words, same times. */
import { cueTime } from '../src/domain/time.ts';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { applyMetadata } from '../src/domain/apply-metadata.ts';
import { parseCaptions } from '../src/domain/formats/captions.ts';
import { parseChapters } from '../src/domain/formats/chapters.ts';
import { buildEpisode } from '../src/domain/episode.ts';
import { srt, webvtt } from '../src/domain/exports/captions.ts';
import { cues, LINE } from '../src/domain/exports/cues.ts';
import { llmsTxt } from '../src/domain/exports/llms.ts';
import { chaptersJson, transcriptJson, youtubeChapters } from '../src/domain/exports/podcast.ts';
import { markdown, plainText } from '../src/domain/exports/text.ts';
import { tokens } from '../src/domain/invariants.ts';
import { parsePodcastJson } from '../src/domain/formats/podcast-json.ts';
import { readJson } from '../src/domain/formats/json.ts';
import type { Episode } from '../src/domain/types.ts';
import { parseYoutldr } from '../src/domain/formats/youtldr.ts';
import { build, bundled, root, tempDir } from './helpers/build.ts';

const youtldr = buildEpisode(parseYoutldr(readFileSync(bundled, 'utf8'), 'ep.txt'));
const namespace = path.join(root, 'test', 'fixtures', 'podcast-namespace');
const vttEpisode = buildEpisode(applyMetadata(await parseCaptions(readFileSync(path.join(namespace, 'long-example.vtt'), 'utf8'), 'long.vtt', 'vtt')));
const words = (e: Episode) => e.source.fragments.flatMap((f) => tokens(f.text));
const url = (slug: string) => `https://example.com/ep/${slug}/`;

describe('captions', () => {
  /**
   * What the captions must say, read from the episode itself rather than from the cue writer:
   * for each caption read back, its first word's place among the episode's words, and so the
   * speaker and the time of the fragment that word comes from.
   */
  function origins(episode: Episode, back: ReadonlyArray<{ text: string }>) {
    const owner = episode.source.fragments.flatMap((f) => tokens(f.text).map(() => f));
    let at = 0;
    return back.map((cue) => {
      const from = owner[at]!;
      at += tokens(cue.text).length;
      return from;
    });
  }

  for (const [name, episode] of [['YouTLDR', youtldr], ['WebVTT with speakers', vttEpisode]] as const) {
    it(`${name}: captions.vtt reads back as the episode's words in order, each caption with its speaker and in time`, async () => {
      const back = await parseCaptions(webvtt(episode), 'captions.vtt', 'vtt');
      assert.deepEqual(back.fragments.flatMap((f) => tokens(f.text)), words(episode));
      const from = origins(episode, back.fragments);
      back.fragments.forEach((cue, i) => {
        // Said by whoever said its first word; shown no earlier than that word's fragment began.
        assert.equal(cue.speaker, from[i]!.speaker, `caption ${i + 1}`);
        assert.ok(cue.time >= Math.floor(from[i]!.time) - 1, `caption ${i + 1} starts at ${cue.time}, its words at ${from[i]!.time}`);
        assert.ok(cue.end! > cue.time && (i === 0 || cue.time >= back.fragments[i - 1]!.time), `caption ${i + 1} in order`);
      });
    });

    it(`${name}: captions.srt reads back as the same captions as captions.vtt`, async () => {
      const [vtt, srtBack] = await Promise.all([parseCaptions(webvtt(episode), 'captions.vtt', 'vtt'), parseCaptions(srt(episode), 'captions.srt', 'srt')]);
      assert.deepEqual(srtBack.fragments.map((f) => [f.time, f.end, f.text, f.speaker]), vtt.fragments.map((f) => [f.time, f.end, f.text, f.speaker]));
      assert.deepEqual(srtBack.fragments.flatMap((f) => tokens(f.text)), words(episode));
    });
  }

  it('wrap lines to caption conventions: at most 2 lines of at most 42 characters', () => {
    for (const cue of [...cues(youtldr), ...cues(vttEpisode)]) {
      assert.ok(cue.lines.length <= 2);
      for (const line of cue.lines) assert.ok(line.length <= LINE || !line.includes(' '), line);
      assert.ok(cue.end > cue.start);
    }
    const vtt = webvtt(vttEpisode);
    // WebVTT's hours are optional while zero (mm:ss.ttt); past the hour they are written.
    assert.match(vtt, /^WEBVTT\n\n00:00\.179 --> 00:02\.399\n<v Travis>When you first get started in podcasting,\nit's\n/);
    assert.equal(cueTime(3725.5), '01:02:05.500');
    assert.equal(cueTime(65.25, ','), '00:01:05,250', 'SRT always has hours');
  });

  it('escape markup in WebVTT text', () => {
    const e = { ...youtldr, source: { ...youtldr.source, fragments: [{ time: 0, text: 'a <b> & c --> d', turn: false, line: 1 }] } };
    assert.match(webvtt(e), /a &lt;b&gt; &amp; c --&gt; d/);
  });
});

describe('Podcasting 2.0 files', () => {
  it('transcript.json has one segment per fragment with the source times, and reads back with the same words', () => {
    const json = transcriptJson(vttEpisode);
    const data = JSON.parse(json) as { version: string; segments: Array<{ speaker?: string; startTime: number; endTime: number; body: string }> };
    assert.equal(data.version, '1.0.0');
    assert.deepEqual(data.segments.map((s) => [s.startTime, s.endTime, s.body, s.speaker]), vttEpisode.source.fragments.map((f) => [f.time, f.end, f.text, f.speaker]));
    assert.deepEqual(parsePodcastJson(readJson(json, 'transcript.json'), 'transcript.json').fragments.flatMap((f) => tokens(f.text)), words(vttEpisode));
  });

  it('chapters.json lists the sections with titles and the section pages as url', () => {
    const json = chaptersJson(youtldr, url);
    const back = parseChapters(readJson(json, 'chapters.json'), 'chapters.json');
    assert.deepEqual(back.map((c) => [c.start, c.title]), youtldr.sections.map((s) => [s.start, s.title]));
    assert.equal(JSON.parse(json).chapters[1].url, 'https://example.com/ep/timelines-and-benchmarks/');
    assert.equal(JSON.parse(json).version, '1.2.0');
  });
});

describe('YouTube chapters', () => {
  it('start at 0:00, one per section, when the sections satisfy YouTube', () => {
    assert.equal(youtubeChapters(youtldr), '0:00 Intro and Background\n1:53 Timelines and Benchmarks\n11:21 Business and Developer Strategy\n24:23 Continual Learning and Science\n37:40 AI Safety and Alignment\n47:57 OpenAI Internal Culture\n51:53 Quickfire and Societal Impact\n');
  });
  it('say so in the file when they cannot: fewer than 3, or one shorter than 10 s', () => {
    const two = { ...youtldr, sections: youtldr.sections.slice(0, 2) };
    assert.match(youtubeChapters(two), /^# These sections cannot be YouTube chapters: there are 2 sections and YouTube needs at least 3\./);
    const short = { ...youtldr, sections: youtldr.sections.map((s, i) => (i === 2 ? { ...s, end: s.start + 5 } : s)) };
    assert.match(youtubeChapters(short), /"Business and Developer Strategy" is shorter than YouTube's 10 seconds/);
  });
});

describe('text downloads', () => {
  it('transcript.txt has every paragraph with its timestamp, every word once', () => {
    const txt = plainText(vttEpisode, url(''));
    assert.match(txt, /\[0:00\] Travis: When you first get started/);
    const body = txt.split('\n').filter((l) => l.startsWith('[')).map((l) => l.replace(/^\[[\d:]+\] (\w+: )?/, ''));
    assert.deepEqual(body.flatMap(tokens), words(vttEpisode));
  });
  it('transcript.md has the sections as headings and links each timestamp to its paragraph', () => {
    const md = markdown(youtldr, url);
    assert.match(md, /^# OpenAI’s Chief Scientist/);
    assert.equal((md.match(/^## /gm) ?? []).length, 7);
    assert.match(md, /\[1:53\]\(https:\/\/example\.com\/ep\/timelines-and-benchmarks\/#t-113\) I think I'll start/);
  });
  it('llms.txt lists every episode and section with links and one-line summaries', () => {
    const txt = llmsTxt('My Site', 'About it.', [youtldr, vttEpisode].map((e) => ({ slug: e.slug, title: e.source.title, sections: e.sections })), (...p) => `/${p.join('/')}/`);
    assert.match(txt, /^# My Site\n\n> About it\.\n/);
    assert.equal((txt.match(/^## \[/gm) ?? []).length, 2);
    assert.match(txt, /\* \[Timelines and Benchmarks\]\(\/openais-chief-scientist-on-continual-learning-hype\/timelines-and-benchmarks\/\): 1:53–11:21\. Contains crucial info/);
  });
});

describe('the downloads setting, in a build', () => {
  it('--downloads none writes no file, no Downloads heading and no transcript in the feed; a wrong name stops the build, naming it', () => {
    const content = path.join(tempDir('no-downloads'), 'content');
    mkdirSync(content);
    writeFileSync(path.join(content, 'talk.vtt'), 'WEBVTT\n\n00:01.000 --> 00:04.000\n<v Ada>Hello there, and welcome.\n\n00:05.000 --> 00:09.000\n<v Ben>Thanks for having me.\n');
    const out = path.join(path.dirname(content), 'dist');
    const site = build(content, out, '--downloads', 'none', '--site', 'https://example.com');
    assert.equal(site.code, 0, site.stderr);
    assert.deepEqual(readdirSync(path.join(out, 'talk')).filter((f) => f.includes('.')), ['index.html'], 'nothing beside the overview but its page');
    const overview = readFileSync(path.join(out, 'talk', 'index.html'), 'utf8');
    assert.doesNotMatch(overview, /id="downloads"|class="downloads"/);
    const feed = readFileSync(path.join(out, 'rss.xml'), 'utf8');
    assert.doesNotMatch(feed, /podcast:transcript|podcast:chapters/);
    const wrong = build(content, path.join(path.dirname(content), 'wrong'), '--downloads', 'captions.vtt,transcript.pdf');
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /--downloads takes all, none, or file names separated by commas \(transcript\.txt, transcript\.md, captions\.vtt, .*\), not "captions\.vtt,transcript\.pdf"/);
    assert.doesNotMatch(wrong.stderr, /\n\s+at /, 'no stack trace');
  });
});
