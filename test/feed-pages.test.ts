/**
 * The feed over documents of 100 episodes: rss.xml the newest, rss-2.xml, rss-3.xml… the older,
 * tied together as RFC 5005's paged feeds are (first, last, previous, next, and self). A library
 * of 250 episodes, whose dates the test writes, rendered as the site-wide pages alone from its
 * catalog (helpers/site-wide.ts); every document read back by an independent parser (feedsmith).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { detectRssFeed, parseFeed, parseRssFeed } from 'feedsmith';
import { parse } from 'node-html-parser';
import { FEED_PAGE_SIZE, feedLinks, feedPages } from '../src/domain/feed-pages.ts';
import { fileFor } from './helpers/links.ts';
import { catalogEntry, renderSiteWide } from './helpers/site-wide.ts';

describe('feed pages, the rule', () => {
  it('cuts the library into documents of 100, the newest first, and links them as RFC 5005 says', () => {
    assert.equal(FEED_PAGE_SIZE, 100);
    const sizes = (n: number) => feedPages(Array.from({ length: n }, (_, i) => i)).map((p) => p.length);
    assert.deepEqual(sizes(0), [0]);
    assert.deepEqual(sizes(100), [100]);
    assert.deepEqual(sizes(101), [100, 1]);
    assert.deepEqual(sizes(250), [100, 100, 50]);
    // One document is no paged feed: it names only itself.
    assert.deepEqual(feedLinks(1, 1), [{ rel: 'self', page: 1 }]);
    assert.deepEqual(feedLinks(2, 3), [{ rel: 'self', page: 2 }, { rel: 'first', page: 1 }, { rel: 'last', page: 3 }, { rel: 'previous', page: 1 }, { rel: 'next', page: 3 }]);
  });
});

const SITE = 'https://example.com';
const BASE = '/sub/';
const DATED = 240;
const COUNT = 250;
const DAY = 86_400_000;
type Item = NonNullable<ReturnType<typeof parseRssFeed>['items']>[number];

/**
 * The library in the order the feed must give it: episode i of the dated ones is 3 days older
 * than episode i - 1, but 99 and 100 share a day (one each side of rss.xml's end; a tie goes by
 * title, and "Episode 099" comes first); the last ten have no date, and come last, by title.
 * Every tenth has an audio file.
 */
const expected = Array.from({ length: COUNT }, (_, i) => {
  const day = i <= 99 ? i : i - 1;
  const date = i < DATED ? new Date(Date.UTC(2024, 11, 31) - 3 * day * DAY).toISOString().slice(0, 10) : undefined;
  return {
    id: `episode-${i}`,
    title: i < DATED ? `Episode ${String(i).padStart(3, '0')}` : `Undated ${String.fromCharCode(65 + i - DATED)}`,
    ...(date ? { date } : {}),
    ...(i % 10 === 0 ? { media: `https://cdn.example.com/${i}.mp3` } : {}),
  };
});

describe(`a feed of ${COUNT} episodes`, () => {
  let out: string;
  const url = (file: string) => `${SITE}${BASE}${file}`;
  const read = (href: string) => {
    const file = fileFor(out, new URL(href).pathname, BASE);
    assert.ok(file, `${href} is in the site`);
    return readFileSync(file, 'utf8');
  };
  const rels = (xml: string) => Object.fromEntries((parseRssFeed(xml).atom?.links ?? []).map((l) => [l.rel, l.href]));

  before(async () => {
    // Handed over in another order than the feed's (97 and 250 have no common factor): the order is the feed's to make.
    const shuffled = expected.map((_, i) => expected[(i * 97) % COUNT]!);
    // Every download: the feed names each transcript the site writes (library.test.ts: the default, WebVTT only).
    out = await renderSiteWide(shuffled.map(catalogEntry), { site: SITE, base: BASE, downloads: ['captions.vtt', 'captions.srt', 'transcript.json', 'chapters.json'] });
  });

  it('writes rss.xml, rss-2.xml and rss-3.xml, and the pages still lead to rss.xml', () => {
    assert.deepEqual(readdirSync(out).filter((f) => /^rss/.test(f)).sort(), ['rss-2.xml', 'rss-3.xml', 'rss.xml']);
    const alternate = parse(readFileSync(path.join(out, 'index.html'), 'utf8')).querySelector('link[rel=alternate][type="application/rss+xml"]');
    assert.equal(alternate?.getAttribute('href'), `${BASE}rss.xml`);
  });

  it('holds the newest 100 episodes in rss.xml, each with its date, transcripts, chapters and audio', () => {
    const feed = parseRssFeed(read(url('rss.xml')));
    assert.equal(feed.items?.length, FEED_PAGE_SIZE);
    assert.deepEqual(feed.items!.map((i) => i.title), expected.slice(0, FEED_PAGE_SIZE).map((e) => e.title));
    for (const [k, item] of feed.items!.entries()) {
      const e = expected[k]!;
      assert.equal(item.link, url(`${e.id}/`));
      assert.equal(item.pubDate, new Date(`${e.date}T00:00:00Z`).toUTCString(), e.title);
      assert.deepEqual(item.podcast?.transcripts?.map((t) => [t.url, t.type, t.rel ?? null]), [
        [url(`${e.id}/captions.vtt`), 'text/vtt', 'captions'], [url(`${e.id}/captions.srt`), 'application/x-subrip', 'captions'], [url(`${e.id}/transcript.json`), 'application/json', null],
      ], e.title);
      assert.equal(item.podcast?.chapters?.url, url(`${e.id}/chapters.json`));
      assert.deepEqual(item.enclosures?.map((x) => x.url), e.media ? [e.media] : undefined, e.title);
    }
  });

  it('leads from rss.xml by "next" to every older episode, each once, in order, undated ones last without a date', () => {
    const titles: string[] = [];
    const seen: string[] = [];
    for (let href: string | undefined = url('rss.xml'); href; href = rels(read(href)).next) {
      assert.ok(!seen.includes(href), `${href} again`);
      seen.push(href);
      const items: Item[] = parseRssFeed(read(href)).items ?? [];
      assert.ok(items.length <= FEED_PAGE_SIZE, `${href}: ${items.length} items`);
      for (const item of items) {
        const e = expected[titles.length];
        assert.equal(item.title, e?.title, href);
        assert.equal(item.pubDate, e?.date ? new Date(`${e.date}T00:00:00Z`).toUTCString() : undefined, item.title);
        titles.push(item.title!);
      }
    }
    assert.deepEqual(seen, [url('rss.xml'), url('rss-2.xml'), url('rss-3.xml')]);
    assert.deepEqual(titles, expected.map((e) => e.title));
  });

  it('names itself, the first, the last, the previous and the next document in each, where they are', () => {
    const docs = ['rss.xml', 'rss-2.xml', 'rss-3.xml'].map(url);
    for (const [k, href] of docs.entries()) {
      const xml = read(href);
      assert.match(xml, /<rss [^>]*xmlns:atom="http:\/\/www\.w3\.org\/2005\/Atom"/, href);
      assert.deepEqual(rels(xml), {
        self: href,
        first: docs[0],
        last: docs[2],
        ...(k > 0 ? { previous: docs[k - 1] } : {}),
        ...(k < 2 ? { next: docs[k + 1] } : {}),
      }, href);
    }
  });

  it('makes every document a valid RSS 2.0 feed of the site', () => {
    for (const file of ['rss.xml', 'rss-2.xml', 'rss-3.xml']) {
      const xml = read(url(file));
      assert.ok(detectRssFeed(xml), file);
      const { format, feed } = parseFeed(xml);
      assert.equal(format, 'rss', file);
      assert.ok('title' in feed && feed.title && 'description' in feed && feed.description !== undefined, file);
      assert.equal('link' in feed && feed.link, url(''), file);
      assert.ok(parseRssFeed(xml).items!.every((i) => i.title && i.link && i.guid), file);
    }
  });
});
