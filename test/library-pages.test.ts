/**
 * The library over pages: newest first, a fixed number of episodes a page, counts, previous and
 * next, the years; each card with who speaks. Built from 55 small episodes over three years, whose
 * dates and names the test writes itself.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { LIBRARY_PAGE_SIZE, libraryPages, libraryYears } from '../src/domain/library-pages.ts';
import { build, tempDir, type BuildResult } from './helpers/build.ts';
import { onLoad } from './helpers/budget.ts';

const COUNT = 55;
/** Episode k: its date (newest is k = 0 … spread over 2024, 2023 and 2022) and title. */
const dateOf = (k: number) => `${2024 - Math.floor(k / 20)}-${String(12 - (k % 12)).padStart(2, '0')}-${String(28 - (k % 20)).padStart(2, '0')}`;
const titleOf = (k: number) => `Garden Talk ${String(k + 1).padStart(2, '0')}`;

describe('library pages, the rule', () => {
  it('cuts the library into pages of a fixed size and says where each year starts', () => {
    const list = Array.from({ length: 120 }, (_, i) => i);
    assert.deepEqual(libraryPages(list).map((p) => p.length), [50, 50, 20]);
    assert.deepEqual(libraryPages([]), [[]]);
    const years = libraryYears(['2024-05-01', '2024-01-01', ...Array(60).fill('2023-06-01'), undefined]);
    assert.deepEqual(years, [
      { year: '2024', count: 2, page: 1, index: 0 },
      { year: '2023', count: 60, page: 1, index: 2 },
      { year: 'Undated', count: 1, page: 2, index: 62 },
    ]);
  });
});

describe('a library of 55 episodes', () => {
  let site: BuildResult;
  const page = (...parts: string[]) => parse(readFileSync(path.join(site.out, ...parts, 'index.html'), 'utf8'));
  const expected = Array.from({ length: COUNT }, (_, k) => ({ title: titleOf(k), date: dateOf(k) })).sort((a, b) => b.date.localeCompare(a.date));

  before(() => {
    const content = path.join(tempDir('library-pages'), 'content');
    mkdirSync(content);
    for (let k = 0; k < COUNT; k++) {
      // Named speakers in most; the diarizer's generic label in one, which is nobody to list.
      const [a, b] = k === 7 ? ['Speaker 1', 'Speaker 2'] : ['Rosa Diaz', `Guest ${String.fromCharCode(65 + (k % 26))}`];
      const srt = [
        `1\n00:00:01,000 --> 00:00:05,000\n${a}: We planted tomatoes in row ${k + 1} this spring.\n`,
        `2\n00:00:06,000 --> 00:00:10,000\n${b}: The beans climbed the fence by June, number ${k + 1}.\n`,
      ].join('\n');
      writeFileSync(path.join(content, `talk-${k + 1}.srt`), srt);
      writeFileSync(path.join(content, `talk-${k + 1}.yml`), `title: ${titleOf(k)}\ndate: ${dateOf(k)}\n`);
    }
    site = build(content, path.join(path.dirname(content), 'dist'), '--site', 'https://example.com');
    assert.equal(site.code, 0, site.stderr + site.stdout);
  });

  const pages = () => [page(), page('library', '2')];

  it('lists every episode once, newest first, 50 on the first page and the rest on the second', () => {
    const titles = pages().map((p) => p.querySelectorAll('.episode-card h2 a').map((a) => a.text));
    assert.deepEqual(titles.map((t) => t.length), [LIBRARY_PAGE_SIZE, COUNT - LIBRARY_PAGE_SIZE]);
    assert.deepEqual(titles.flat(), expected.map((e) => e.title));
  });

  it('says how many there are, and leads to the pages before and after', () => {
    const [first, second] = pages();
    assert.match(first!.querySelector('.library-count')!.text, /Episodes 1–50 of 55, newest first/);
    assert.match(second!.querySelector('.library-count')!.text, /Episodes 51–55 of 55/);
    assert.equal(first!.querySelector('a[rel=next]')!.getAttribute('href'), '/library/2/');
    assert.equal(first!.querySelector('a[rel=prev]'), null);
    assert.equal(second!.querySelector('a[rel=prev]')!.getAttribute('href'), '/');
    assert.equal(second!.querySelector('a[rel=next]'), null);
  });

  it('leads from each year to the card of its newest episode', () => {
    for (const p of pages()) {
      const links = p.querySelectorAll('.library-years a');
      assert.deepEqual(links.map((a) => a.text), ['2024', '2023', '2022']);
      for (const a of links) {
        const [where, id] = a.getAttribute('href')!.split('#');
        const target = page(...where!.split('/').filter(Boolean)).getElementById(id!);
        const newest = expected.find((e) => e.date.startsWith(a.text))!;
        assert.equal(target?.querySelector('h2 a')!.text, newest.title, `${a.text} → ${a.getAttribute('href')}`);
      }
    }
  });

  it('names who speaks on each card, never a generic label', () => {
    const cards = pages().flatMap((p) => p.querySelectorAll('.episode-card'));
    const people = (title: string) => cards.find((c) => c.querySelector('h2 a')!.text === title)!.querySelector('.card-people')?.text ?? '';
    assert.match(people(titleOf(0)), /Rosa Diaz, Guest A/);
    assert.equal(people(titleOf(7)), '', 'Speaker 1 and Speaker 2 are nobody to list');
  });

  it('keeps every library page within 30 KB gzipped, and lists them in the sitemap', () => {
    for (const dir of ['', 'library/2']) {
      const { total } = onLoad(site.out, dir);
      assert.ok(total <= 30 * 1024, `${dir || '/'}: ${total} bytes`);
      assert.ok(gzipSync(readFileSync(path.join(site.out, dir, 'index.html'))).length > 1000);
    }
    const sitemap = readFileSync(path.join(site.out, 'sitemap-0.xml'), 'utf8');
    assert.ok(sitemap.includes('https://example.com/library/2/'));
  });

  it('lists a person in many episodes over pages of a fixed size, newest first, each page in the sitemap', () => {
    // Rosa speaks in every episode but the one of generic labels.
    const hers = expected.filter((e) => e.title !== titleOf(7)).map((e) => e.title);
    const first = page('people', 'rosa-diaz');
    const second = page('people', 'rosa-diaz', '2');
    const listed = [first, second].flatMap((p) => p.querySelectorAll('.episode-card h2 a').map((a) => a.text));
    assert.deepEqual(listed, hers);
    assert.equal(first.querySelectorAll('.episode-card').length, 30);
    assert.match(first.querySelector('.library-count')!.text, /Speaks in 54 episodes.*page 1 of 2/);
    assert.equal(first.querySelector('.pager a[rel=next]')!.getAttribute('href'), '/people/rosa-diaz/2/');
    assert.equal(second.querySelector('.pager a[rel=prev]')!.getAttribute('href'), '/people/rosa-diaz/');
    assert.ok(!existsSync(path.join(site.out, 'people', 'rosa-diaz', '3')));
    const sitemap = readFileSync(path.join(site.out, 'sitemap-0.xml'), 'utf8');
    assert.ok(sitemap.includes('https://example.com/people/rosa-diaz/2/'));
    assert.ok(!sitemap.includes('https://example.com/people/rosa-diaz/3/'));
  });
});
