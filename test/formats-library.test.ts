/**
 * Every format read, in one real build of test/fixtures/formats/: the words on the pages against
 * a simple reading of each raw file (test/helpers/simple-words.ts), the speakers, the sections
 * from chapters, yt-dlp's metadata on the pages, and what the build says about each file.
 */
import assert from 'node:assert/strict';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { transcriptWords } from '../src/build/finish/finish-site.ts';
import { SITE_ROUTES } from '../src/domain/routes.ts';
import { build, check, root, tempDir, type BuildResult } from './helpers/build.ts';
import { captionWords, jsonWords, rollingWords, textExportWords, youtldrWords } from './helpers/simple-words.ts';

const fixtures = path.join(root, 'test', 'fixtures', 'formats');
const raw = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

/** Each fixture, the format the build must name, and its words as the simple reading finds them. */
const FILES: Array<[string, string, () => string[]]> = [
  ['ten-things.en.vtt', 'YouTube auto-captions', () => rollingWords(raw('ten-things.en.vtt'))],
  ['whisper.json', 'Whisper JSON', () => jsonWords(raw('whisper.json'), 'segments')],
  ['whisperx.json', 'WhisperX JSON', () => jsonWords(raw('whisperx.json'), 'segments')],
  ['talk.wav.json', 'whisper.cpp JSON', () => jsonWords(raw('talk.wav.json'), 'transcription')],
  ['otter.txt', 'Otter.ai text export', () => textExportWords(raw('otter.txt'))],
  ['rev.txt', 'speaker-labelled text', () => textExportWords(raw('rev.txt'))],
  ['descript.txt', 'speaker-labelled text', () => textExportWords(raw('descript.txt'))],
  ['transcript-only.youtldr.txt', 'YouTLDR text export', () => youtldrWords(raw('transcript-only.youtldr.txt'))],
  ['subtitles.srt', 'SRT', () => captionWords(raw('subtitles.srt'), ['Ada', 'Bob'])],
  ['meeting.vtt', 'WebVTT', () => captionWords(raw('meeting.vtt'), [])],
];

let site: BuildResult;
/** Episode slug of each transcript file, as the build reported it. */
const slugOf = new Map<string, string>();
const page = (...parts: string[]) => parse(readFileSync(path.join(site.out, ...parts, 'index.html'), 'utf8'));
const sectionPages = (slug: string) =>
  readdirSync(path.join(site.out, slug), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'at')
    .map((d) => d.name);

before(() => {
  const content = path.join(tempDir('formats'), 'content');
  cpSync(fixtures, content, { recursive: true, filter: (f) => !f.endsWith('.ts') && !f.endsWith('.md') });
  // Titles and sections that would take the site's own addresses.
  writeFileSync(path.join(content, 'subtitles.yml'), 'title: Search\nsections:\n  - { start: 0, title: At }\n  - { start: 6, title: Pagefind }\n');
  site = build(content, path.join(path.dirname(content), 'dist'));
  assert.equal(site.code, 0, site.stderr + site.stdout);
  for (const m of site.stdout.matchAll(/^parsed (\S+): .* → \/([^/]+)\/$/gm)) slugOf.set(m[1]!, m[2]!);
});

describe('every format builds into a faithful site', () => {
  for (const [file, format, expected] of FILES) {
    it(`${file}: recognised as ${format}, every word on its section pages once and in order`, () => {
      assert.match(site.stdout, new RegExp(`parsed ${file.replace(/\./g, '\\.')}: ${format.replace(/\./g, '\\.')}, `));
      const slug = slugOf.get(file)!;
      const order = page(slug).querySelectorAll('.section-list > li .section-head a').map((a) => a.getAttribute('href')!.split('/').at(-2)!);
      assert.deepEqual([...order].sort(), sectionPages(slug).sort(), 'the overview lists every section page');
      const shown = order.flatMap((s) => transcriptWords(page(slug, s)));
      const want = expected();
      assert.ok(want.length > 10, `${file}: the fixture has words`);
      assert.deepEqual(shown, want);
    });
  }

  it('a sound tag ([Music]) is shown as a tag where it was, and not counted as a word said', () => {
    const slug = slugOf.get('ten-things.en.vtt')!;
    const sounds = sectionPages(slug).flatMap((s) => page(slug, s).querySelectorAll('.para .sound'));
    // The fixture has one `[Music]` line (read from the file: a bracketed line of its own).
    const inFile = raw('ten-things.en.vtt').split('\n').filter((l) => /^\[[A-Za-z ]+\]$/.test(l.trim()));
    assert.deepEqual(sounds.map((x) => x.text), inFile);
    const said = rollingWords(raw('ten-things.en.vtt')).filter((w) => !/^\[\p{L}+\]$/u.test(w)).length;
    assert.match(page(slug).querySelector('.meta')!.text, new RegExp(`${said.toLocaleString('en')} words`));
  });

  it('YouTube auto-captions with yt-dlp metadata: title, date, channel, description as written, chapters, video links', () => {
    const slug = slugOf.get('ten-things.en.vtt')!;
    const overview = page(slug);
    assert.equal(overview.querySelector('h1')!.text, 'Ten Things We Wish We Knew Before Starting a Podcast');
    assert.match(overview.querySelector('.meta')!.text, /Podcasting Q&A[\s\S]*January 10, 2023/);
    const description = overview.querySelector('.description')!;
    assert.equal(description.querySelectorAll('p').length, 2, 'the first paragraph, then the second');
    assert.equal(description.querySelector('a')!.getAttribute('href'), 'https://example.com/podcasting');
    assert.equal(overview.querySelector('.description .ai-chip'), null, 'the author’s words are not labelled AI');
    assert.deepEqual(overview.querySelectorAll('.section-list > li .section-head a').map((a) => a.text.trim()), ['Why we made this', 'Audio quality', 'Templates and batching']);
    assert.equal(overview.querySelector('.media-link a')!.getAttribute('href'), 'https://www.youtube.com/watch?v=Xq3BCGa4Uog');
    const section = page(slug, sectionPages(slug).sort()[0]!);
    assert.match(section.querySelector('.listen-play')!.getAttribute('href')!, /^https:\/\/youtu\.be\/Xq3BCGa4Uog\?t=\d+$/);
    assert.match(page().text, /Podcasting Q&A/, 'the library card names the channel');
  });

  it('reads the caption language the site asks for and says which it skipped', () => {
    assert.match(site.stdout, /warning: .*ten-things\.de\.vtt: not read: the episode "ten-things" is read from .*ten-things\.en\.vtt; this is its de version/);
    assert.doesNotMatch(site.stdout, /parsed ten-things\.de\.vtt/);
  });

  it('each word at its own time: YouTube paragraphs start at the second their first word is said', () => {
    const slug = slugOf.get('ten-things.en.vtt')!;
    const words = [...raw('ten-things.en.vtt').matchAll(/<(\d\d):(\d\d):(\d\d)\.\d{3}><c> ([^<]+)<\/c>/g)].map((m) => [Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]), m[4]!] as const);
    // A paragraph that starts mid-line starts at its first word's own time, not at its cue's start.
    const paragraphs = sectionPages(slug).flatMap((s) => page(slug, s).querySelectorAll('.para').map((p) => [Number(p.id.split('-')[1]), p.querySelector('p')!.text.split(/\s+/)[0]!] as const));
    const midLine = paragraphs.filter(([t, first]) => words.some(([wt, w]) => wt === t && w === first));
    assert.ok(midLine.length >= 3, `paragraphs anchored at a word inside a line: ${midLine.length}`);
  });

  it('speakers: WhisperX labels named by the sidecar, the others numbered; turns from text exports and captions', () => {
    const speakersOf = (file: string) => {
      const slug = slugOf.get(file)!;
      return [...new Set(sectionPages(slug).flatMap((s) => page(slug, s).querySelectorAll('.para .speaker').map((e) => e.text.trim())))].sort();
    };
    assert.deepEqual(speakersOf('whisperx.json'), ['Speaker 2', 'Travis Albritton']);
    for (const file of ['otter.txt', 'rev.txt', 'descript.txt']) assert.deepEqual(speakersOf(file), ['Sarah', 'Travis'], file);
    assert.deepEqual(speakersOf('meeting.vtt'), ['Ada Lovelace', 'Charles Babbage']);
  });

  it('skips an empty cue with a warning that names its line', () => {
    assert.match(site.stdout, /warning: .*subtitles\.srt:11: the cue at 5\.5 s has no text; skipped/);
    assert.match(site.stdout, /warning: .*meeting\.vtt:18: the cue at 4\.5 s has no text; skipped/);
  });

  it('keeps the site’s own addresses: a title or section that would take one gets its next form', () => {
    assert.equal(slugOf.get('subtitles.srt'), 'search-1', 'the episode titled "Search"');
    assert.deepEqual(sectionPages('search-1').sort(), ['at-1', 'pagefind'], 'its section "At" is not the moment resolver');
    assert.ok(page('search').querySelector('#search-page'), 'the search page is still the search page');
    // Everything at the top that is neither an episode nor a file is one of the site's own routes.
    const episodes = new Set(slugOf.values());
    const own = readdirSync(site.out).filter((n) => !episodes.has(n) && !n.includes('.'));
    assert.deepEqual(own.filter((n) => !SITE_ROUTES.includes(n)), []);
  });
});

describe('transcript-site check names what it recognised', () => {
  it('every fixture: its format, sections, words; metadata and sidecars too', () => {
    const files = ['ten-things.en.vtt', 'ten-things.info.json', 'whisperx.json', 'whisperx.yml', 'talk.wav.json', 'otter.txt', 'descript.txt'];
    const run = check(...files.map((f) => path.join(fixtures, f)));
    assert.equal(run.code, 0, run.stdout);
    assert.match(run.stdout, /ten-things\.en\.vtt: ok \(YouTube auto-captions, 3 sections, \d+ fragments, \d+ words\)/);
    assert.match(run.stdout, /ten-things\.info\.json: ok \(yt-dlp metadata: "Ten Things We Wish We Knew Before Starting a Podcast", 3 chapters\)/);
    assert.match(run.stdout, /whisperx\.json: ok \(WhisperX JSON, /);
    assert.match(run.stdout, /talk\.wav\.json: ok \(whisper\.cpp JSON, /);
    assert.match(run.stdout, /otter\.txt: ok \(Otter\.ai text export, /);
    assert.match(run.stdout, /descript\.txt: ok \(speaker-labelled text, /);
  });
});
