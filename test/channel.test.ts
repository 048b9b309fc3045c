/**
 * A channel folder as yt-dlp writes it, built whole: captions with chapters in their info.json,
 * without chapters, with chapters only in the description, without any info.json, and captions
 * without punctuation (with word times, and as SRT without). Every section page has a summary and
 * key moments; the unpunctuated ones read as sentences while their downloads keep the file's words.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { transcriptWords } from '../src/build/finish/finish-site.ts';
import { build, root, sectionPageDirs, tempDir, type BuildResult } from './helpers/build.ts';
import { unpunctuatedVariants } from './fixtures/unpunctuated.ts';

const fixtures = path.join(root, 'test', 'fixtures', 'formats');
const captions = readFileSync(path.join(fixtures, 'ten-things.en.vtt'), 'utf8');
const info = JSON.parse(readFileSync(path.join(fixtures, 'ten-things.info.json'), 'utf8')) as Record<string, unknown>;
const { files, truth } = unpunctuatedVariants(root, { minutes: 12 });
const [, , unpunctuatedVtt] = files.find(([, name]) => name.endsWith('.vtt'))!;
const [, , unpunctuatedSrt] = files.find(([, name]) => name.endsWith('.srt'))!;

/** Each video: its yt-dlp name, its captions, its info.json (if any), the slug its title gives. */
const VIDEOS: Array<{ name: string; ext: string; text: string; info?: Record<string, unknown>; slug: string; sections: number }> = [
  { name: 'Ten Things [Xq3BCGa4Uog]', ext: 'en.vtt', text: captions, info, slug: 'ten-things-we-wish-we-knew-before-starting-a', sections: 3 },
  {
    name: 'No Chapters [AAAAAAAAAAA]', ext: 'en.vtt', text: captions, slug: 'no-chapters', sections: 0,
    info: { ...info, id: 'AAAAAAAAAAA', title: 'No Chapters', chapters: undefined },
  },
  {
    name: 'Described [BBBBBBBBBBB]', ext: 'en.vtt', text: captions, slug: 'described', sections: 4,
    info: { ...info, id: 'BBBBBBBBBBB', title: 'Described', chapters: undefined, description: 'In this one:\n0:00 Intro\n2:40 Audio quality\n7:10 Templates\n11:00 Outro' },
  },
  { name: 'Orphan Captions ｜ Part 2 [CCCCCCCCCCC]', ext: 'en.vtt', text: captions, slug: 'orphan-captions-part-2', sections: 0 },
  {
    name: 'Unpunctuated [DDDDDDDDDDD]', ext: 'en.vtt', text: unpunctuatedVtt, slug: 'unpunctuated', sections: 0,
    info: { ...info, id: 'DDDDDDDDDDD', title: 'Unpunctuated', chapters: undefined, duration: 720, description: 'An old video.' },
  },
  { name: 'Unpunctuated SRT [EEEEEEEEEEE]', ext: 'en.srt', text: unpunctuatedSrt, slug: 'unpunctuated-srt', sections: 0 },
];

let site: BuildResult;
const page = (...parts: string[]) => parse(readFileSync(path.join(site.out, ...parts, 'index.html'), 'utf8'));
const sectionPages = (slug: string) =>
  readdirSync(path.join(site.out, slug), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'at')
    .map((d) => d.name);

describe('a channel folder as yt-dlp writes it', () => {
  before(() => {
    const content = path.join(tempDir('channel'), 'content');
    mkdirSync(content);
    for (const v of VIDEOS) {
      writeFileSync(path.join(content, `${v.name}.${v.ext}`), v.text);
      if (v.info) writeFileSync(path.join(content, `${v.name}.info.json`), JSON.stringify(v.info));
    }
    site = build(content, path.join(path.dirname(content), 'dist'));
    assert.equal(site.code, 0, site.stderr + site.stdout);
  });

  it('builds every video, with chapters where yt-dlp or the description gives them', () => {
    for (const v of VIDEOS) {
      const sections = sectionPages(v.slug);
      if (v.sections) assert.equal(sections.length, v.sections, v.name);
      else assert.ok(sections.length >= 1, v.name);
    }
    assert.equal(page('orphan-captions-part-2').querySelector('h1')!.text, 'Orphan Captions | Part 2');
  });

  it('gives every section page a summary and at least 2 key moments, extracted from the transcript and labelled so', () => {
    for (const v of VIDEOS) {
      for (const s of sectionPages(v.slug)) {
        const doc = page(v.slug, s);
        const summary = doc.querySelectorAll('.moments-summary li.moment');
        assert.ok(summary.length >= 1, `${v.slug}/${s}: a summary`);
        assert.match(doc.querySelector('.moments-summary .moments-label')!.text, /Extracted from the transcript/);
        const moments = doc.querySelectorAll('.moments:not(.moments-summary) li.moment');
        assert.ok(moments.length >= 2, `${v.slug}/${s}: ${moments.length} key moments`);
      }
    }
  });

  it('shows captions without punctuation as sentences, every word once, and downloads keep the file’s words', () => {
    for (const slug of ['unpunctuated', 'unpunctuated-srt']) {
      const sections = sectionPages(slug).sort((a, b) => Number(page(slug, a).querySelector('.para')!.id.slice(2)) - Number(page(slug, b).querySelector('.para')!.id.slice(2)));
      const shown = sections.flatMap((s) => sectionPageDirs(site.out, slug, s)).flatMap((dir) => transcriptWords(page(dir)));
      // The words as the punctuated original has them, lower-cased: none lost, none doubled.
      assert.deepEqual(shown.map((w) => w.toLowerCase().replace(/[^\p{L}\p{N}'’]/gu, '')), truth.words, slug);
      const ends = shown.filter((w) => /[.?]$/.test(w)).length;
      assert.ok(truth.words.length / ends >= 8 && truth.words.length / ends <= 30, `${slug}: ${ends} sentences in ${truth.words.length} words`);
      for (const dir of sections.flatMap((s) => sectionPageDirs(site.out, slug, s))) {
        for (const p of page(dir).querySelectorAll('.para > p')) {
          assert.match(p.text.trim(), /^[\p{Lu}\["]/u, `${dir}: a paragraph starts a sentence`);
          assert.ok(p.text.split(/\s+/).filter(Boolean).length <= 150);
        }
      }
      const download = readFileSync(path.join(site.out, slug, 'captions.vtt'), 'utf8');
      assert.doesNotMatch(download.replace(/^WEBVTT.*$/m, '').replace(/NOTE[^\n]*/g, ''), /\p{Lu}/u, `${slug}: the captions download keeps the file's lower case`);
    }
  });

  it('never takes the channel for a speaker: it is shown beside the date, with no people page', () => {
    const channel = String(info.channel);
    const library = parse(readFileSync(path.join(site.out, 'index.html'), 'utf8'));
    assert.ok(library.querySelectorAll('.episode-card .meta').some((m) => m.text.includes(channel)), 'the channel is on its cards');
    assert.ok(!library.querySelectorAll('.card-people a').some((a) => a.text === channel));
    assert.ok(!existsSync(path.join(site.out, 'people', 'podcasting-qa')));
  });
});
