/** A library of mixed formats, built for real, under a sub-path, with the CLI's check command. */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseRssFeed } from 'feedsmith';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { build, bundled, check, tempDir, type BuildResult } from './helpers/build.ts';
import { brokenLinks, fileFor } from './helpers/links.ts';
import { BUDGET, onLoad } from './helpers/budget.ts';
import { examples } from './formats.test.ts';

let content: string;
let site: BuildResult;
const page = (...parts: string[]) => parse(readFileSync(path.join(site.out, ...parts, 'index.html'), 'utf8'));

before(() => {
  const dir = tempDir('library');
  content = path.join(dir, 'content');
  mkdirSync(content);
  copyFileSync(bundled, path.join(content, 'chief-scientist.youtldr.txt'));
  writeFileSync(path.join(content, 'chief-scientist.yml'), 'slug: chief-scientist\nmedia: https://www.youtube.com/watch?v=abcdefghijk\n');
  copyFileSync(path.join(examples, 'long-example.vtt'), path.join(content, 'ten-things.vtt'));
  writeFileSync(path.join(content, 'ten-things.yml'), 'title: Ten Things We Wish We Knew\ndate: 2023-01-10\nmedia: https://cdn.example.com/ten-things.mp3\nchapters: ten-things.chapters.json\n');
  writeFileSync(path.join(content, 'ten-things.chapters.json'), JSON.stringify({ version: '1.2.0', chapters: [{ startTime: 0, title: 'Intro' }, { startTime: 95, title: 'Rookie mistakes' }, { startTime: 300, title: 'Gear' }] }));
  copyFileSync(path.join(examples, 'example.srt'), path.join(content, 'srt-episode.srt'));
  copyFileSync(path.join(examples, 'example.json'), path.join(content, 'vader.json'));
  // Media the site cannot play (a web page): section pages link to it, with no player.
  writeFileSync(path.join(content, 'vader.yml'), 'title: I Am Your Father\ndate: 2024-05-04\nmedia: https://example.com/episodes/vader\n');
  site = build(content, path.join(dir, 'dist'), '--base', '/sub/', '--site', 'https://example.com');
  assert.equal(site.code, 0, site.stderr + site.stdout);
});

describe('a library of mixed formats', () => {
  it('reports each episode as it is parsed', () => {
    assert.match(site.stdout, /parsed chief-scientist\.youtldr\.txt: YouTLDR text export, 7 sections, 1845 fragments, 13084 words, 0 warnings → \/chief-scientist\//);
    assert.match(site.stdout, /parsed ten-things\.vtt: WebVTT, 3 sections, 222 fragments, 2492 words/);
    assert.match(site.stdout, /parsed srt-episode\.srt: SRT, 2 sections \(found by topic\), 222 fragments/);
    assert.match(site.stdout, /parsed vader\.json: Podcasting 2\.0 JSON, 1 sections \(found by topic\), 2 fragments, 5 words/);
    assert.match(site.stdout, /check: every transcript word is on its page \(18073 words, 4 episodes\)/);
  });

  it('lists every episode, newest first, with date, duration, sections and summary', () => {
    const cards = page().querySelectorAll('.episode-card');
    assert.deepEqual(cards.map((c) => c.querySelector('h2 a')!.getAttribute('href')), [
      '/sub/chief-scientist/', '/sub/vader/', '/sub/ten-things/', '/sub/srt-episode/',
    ].map((h) => (h === '/sub/vader/' ? '/sub/i-am-your-father/' : h === '/sub/ten-things/' ? '/sub/ten-things-we-wish-we-knew/' : h)));
    assert.match(cards[0]!.text, /Apr 11, 2026[\s\S]*59 min[\s\S]*7 sections[\s\S]*OpenAI's Chief Scientist details the path/);
    assert.match(cards[2]!.text, /Jan 10, 2023[\s\S]*3 sections/);
  });

  it('shows speakers where the format names them, and chapter titles as sections', () => {
    const p = page('ten-things-we-wish-we-knew', 'rookie-mistakes');
    assert.equal(p.querySelector('h1')!.text, 'Rookie mistakes');
    const turns = p.querySelectorAll('.para.turn .speaker').map((s) => s.text);
    assert.ok(turns.includes('Travis'), turns.join());
    assert.equal(page('i-am-your-father').querySelector('.meta')!.text.includes('With Darth Vader, Luke'), true);
    const overview = page('srt-episode');
    const topics = overview.querySelectorAll('.section-list .section-head a').map((a) => a.text);
    assert.equal(topics.length, 2);
    assert.ok(topics.every((t) => !/\d:\d\d/.test(t)), 'topics found automatically are titled by their key phrase, not their range');
    assert.match(overview.querySelector('.meta + .meta, p.meta:not(:first-of-type)')?.text ?? overview.text, /extracted from the transcript/);
    assert.equal(overview.querySelectorAll('.section-list .extracted-chip').length, 2, 'each summary is marked as extracted');
    assert.match(page().querySelector('a[href="/sub/srt-episode/"]')!.closest('.episode-card')!.querySelector('.card-summary')!.text, /^Extracted /);
  });

  it('gives chapters without summaries an extracted summary, labelled so, and leaves AI summaries as they are', () => {
    const overview = page('ten-things-we-wish-we-knew');
    const items = overview.querySelectorAll('.section-list li');
    assert.equal(items.length, 3, 'the three chapters of ten-things.chapters.json');
    for (const item of items) {
      const summary = item.querySelector('.section-summary');
      assert.ok(summary, `${item.querySelector('.section-head')!.text} has a summary`);
      assert.ok(summary.querySelector('.extracted-chip'), 'labelled as extracted');
      assert.ok(summary.text.replace('Extracted', '').trim().split(/\s+/).length >= 5, summary.text);
    }
    assert.ok(overview.querySelector('.moments-summary'), 'the overview has the episode’s extracted summary');
    const section = page('ten-things-we-wish-we-knew', 'gear');
    assert.match(section.querySelector('.moments-summary .moments-label')!.text, /Extracted from the transcript/);
    // Every sentence of the summary is the section's own, linked to the paragraph that says it.
    const moments = section.querySelectorAll('.moments-summary li.moment');
    assert.ok(moments.length >= 1);
    for (const m of moments) {
      const id = m.querySelector('a.ts')!.getAttribute('href')!.replace(/^.*#/, '');
      const words = m.querySelector('p')!.text.trim().split(/\s+/).slice(0, 4).join(' ');
      assert.ok(section.querySelector(`#${id}`)!.text.replace(/\s+/g, ' ').includes(words), `${words} in #${id}`);
    }
    assert.match(page().querySelector('a[href="/sub/ten-things-we-wish-we-knew/"]')!.closest('.episode-card')!.querySelector('.card-summary')!.text, /^Extracted /);
    const ai = page('chief-scientist');
    assert.equal(ai.querySelectorAll('.section-list .extracted-chip').length, 0, 'YouTLDR’s own summaries stay');
    assert.equal(ai.querySelectorAll('.section-list .ai-chip').length, 7);
  });

  it('links every timestamp to the media when the sidecar gives it, and offers the player within the page budget', () => {
    const video = page('chief-scientist', 'timelines-and-benchmarks');
    // YouTube's share link for a moment (youtu.be/<id>?t=<seconds>). Each paragraph's ▶ is made
    // from it by the page's script (checked in a browser: test/player.browser.test.ts), not sent.
    assert.equal(video.querySelector('.listen-play')!.getAttribute('href'), 'https://youtu.be/abcdefghijk?t=113');
    assert.equal(video.querySelectorAll('a.play').length, 0);
    assert.match(video.querySelector('.listen-play')!.text, /Watch from 1:53/);
    const audio = page('ten-things-we-wish-we-knew', 'gear');
    assert.equal(audio.querySelector('.listen-play')!.getAttribute('href'), 'https://cdn.example.com/ten-things.mp3#t=300');
    // Nothing of the player is on the page: no media element, no frame, until the reader asks.
    for (const p of [video, audio]) assert.equal(p.querySelectorAll('audio, video, iframe').length, 0);
    const plain = page('srt-episode').querySelector('.section-list .section-head a')!.getAttribute('href')!.split('/').filter(Boolean).slice(1);
    assert.equal(page(...plain).querySelectorAll('.para').length > 0 && page(...plain).querySelector('.listen, a.play, a[data-t]'), null, 'no player without media');
    // Media it cannot play: a link to it at the section's start (each paragraph's ▶ is made from
    // it), and no player.
    const web = page('i-am-your-father').querySelector('.section-list .section-head a')!.getAttribute('href')!.split('/').filter(Boolean).slice(1);
    const other = page(...web);
    assert.equal(other.querySelector('.listen'), null);
    const start = other.querySelector('.media-at a[data-t]')!;
    assert.equal(start.getAttribute('href'), `https://example.com/episodes/vader#t=${start.getAttribute('data-t')}`);
    for (const section of ['chief-scientist/timelines-and-benchmarks', 'ten-things-we-wish-we-knew/gear']) {
      const { total, js } = onLoad(site.out, section, '/sub/');
      assert.ok(total <= BUDGET.total && js <= BUDGET.js, `${section}: ${total} bytes on load, ${js} of JS`);
    }
  });

  it('describes the episode for search engines: JSON-LD with a Clip per section, canonical URLs, sitemap, RSS', () => {
    const overview = page('chief-scientist');
    const ld = JSON.parse(overview.querySelector('script[type="application/ld+json"]')!.text);
    assert.equal(ld['@type'], 'VideoObject');
    assert.equal(ld.hasPart.length, 7);
    assert.deepEqual(ld.hasPart[1], { '@type': 'Clip', name: 'Timelines and Benchmarks', startOffset: 113, endOffset: 681, url: 'https://example.com/sub/chief-scientist/timelines-and-benchmarks/' });
    assert.equal(JSON.parse(page('ten-things-we-wish-we-knew').querySelector('script[type="application/ld+json"]')!.text)['@type'], 'PodcastEpisode');
    assert.equal(overview.querySelector('link[rel=canonical]')!.getAttribute('href'), 'https://example.com/sub/chief-scientist/');
    assert.equal(overview.querySelector('meta[property="og:title"]')!.getAttribute('content'), 'OpenAI’s Chief Scientist on Continual Learning Hype, RL Beyond Code, & Future Alignment Directions');
    assert.ok(existsSync(path.join(site.out, 'sitemap-index.xml')));
    const rss = readFileSync(path.join(site.out, 'rss.xml'), 'utf8');
    assert.equal((rss.match(/<item>/g) ?? []).length, 4);
    assert.match(rss, /<link>https:\/\/example\.com\/sub\/chief-scientist\/<\/link>/);
  });

  it('the feed carries each episode\'s transcript (WebVTT, the one default), chapters and audio as Podcasting 2.0 tags, read back by an independent parser (feedsmith)', () => {
    const feed = parseRssFeed(readFileSync(path.join(site.out, 'rss.xml'), 'utf8'));
    assert.equal(feed.items?.length, 4);
    // Four episodes are one document, no paged feed (feed-pages.test.ts): it names itself alone, and has no archive.
    assert.deepEqual(feed.atom?.links?.map((l) => [l.rel, l.href]), [['self', 'https://example.com/sub/rss.xml']]);
    assert.ok(!existsSync(path.join(site.out, 'rss-2.xml')));
    const file = (url: string | undefined) => fileFor(site.out, new URL(url ?? '', 'https://none/').pathname, '/sub/');
    for (const item of feed.items!) {
      const transcripts = item.podcast?.transcripts ?? [];
      // SRT and JSON are written only when the downloads setting asks (feed-pages.test.ts has them).
      assert.deepEqual(transcripts.map((t) => [t.type, t.rel ?? null]), [['text/vtt', 'captions']], item.title);
      for (const t of transcripts) {
        assert.match(t.url ?? '', /^https:\/\/example\.com\/sub\/[^/]+\/(captions\.(vtt|srt)|transcript\.json)$/);
        assert.ok(file(t.url), `${t.url} is in the site`);
        assert.equal(t.language, 'en');
      }
      assert.equal(item.podcast?.chapters?.type, 'application/json+chapters');
      assert.ok(file(item.podcast!.chapters!.url), item.podcast!.chapters!.url);
    }
    const byTitle = new Map(feed.items!.map((i) => [i.title, i]));
    // An audio file is the enclosure; a YouTube page is not a file to enclose.
    assert.deepEqual(byTitle.get('Ten Things We Wish We Knew')!.enclosures?.map((e) => [e.url, e.type]), [['https://cdn.example.com/ten-things.mp3', 'audio/mpeg']]);
    assert.equal(byTitle.get('OpenAI’s Chief Scientist on Continual Learning Hype, RL Beyond Code, & Future Alignment Directions')!.enclosures, undefined);
  });

  it('under --base /sub/, every link and asset resolves under /sub/', () => {
    assert.deepEqual(brokenLinks(site.out, '/sub/'), []);
    const html = readFileSync(path.join(site.out, 'chief-scientist', 'index.html'), 'utf8');
    const urls = [...html.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]!);
    assert.ok(urls.length > 10 && urls.every((u) => u.startsWith('/sub/')), urls.filter((u) => !u.startsWith('/sub/')).join());
    assert.match(readFileSync(path.join(site.out, 'pagefind', 'g', 'pagefind-entry.json'), 'utf8'), /"languages"/);
  });
});

describe('transcript-site check', () => {
  it('exits 0 on good files and prints a line for each', () => {
    const run = check(path.join(content, 'ten-things.vtt'), path.join(content, 'vader.json'), path.join(content, 'ten-things.yml'), path.join(content, 'ten-things.chapters.json'));
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /ten-things\.vtt: ok \(WebVTT, 3 sections, 222 fragments, 2492 words\)/);
    assert.match(run.stdout, /4 file\(s\) checked: 0 with errors/);
  });

  it('exits 1 and reports every problem of every file as file:line: message', () => {
    const dir = tempDir('check');
    writeFileSync(path.join(dir, 'a.vtt'), '00:00:01.000 --> 00:00:02.000\nhello\n');
    writeFileSync(path.join(dir, 'b.srt'), '1\n00:00:01,000 --> 00:00:0x,000\nhello\n');
    writeFileSync(path.join(dir, 'c.yml'), 'title: x\nauthor: me\n');
    const run = check(path.join(dir, 'a.vtt'), path.join(dir, 'b.srt'), path.join(dir, 'c.yml'), path.join(content, 'vader.json'));
    assert.equal(run.code, 1);
    assert.match(run.stdout, /a\.vtt:1: a WebVTT file must start with the line "WEBVTT"/);
    assert.match(run.stdout, /b\.srt:2: .*invalid/);
    assert.match(run.stdout, /c\.yml:2: unknown key "author"/);
    assert.match(run.stdout, /vader\.json: ok/);
    assert.match(run.stdout, /4 file\(s\) checked: 3 with errors/);
    assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at /);
  });
});
