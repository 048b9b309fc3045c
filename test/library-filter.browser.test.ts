/**
 * Filtering the library as you type, in a real browser: a progressive enhancement. Without
 * JavaScript the box is not there and the page's cards are; with it, the box filters the whole
 * library (every page's episodes, by title or by who speaks), says how many match, and gives the
 * page back when cleared. Its code and data are fetched on first use only, and the script every
 * page loads stays within its 2 KB. Built from 55 small episodes (two library pages), whose titles,
 * dates and speakers the test writes itself; a second, small build is served under a base path.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launch } from './helpers/browser.ts';
import { browserSkipReason } from './helpers/browser-guard.ts';
import { BUDGET, onLoad } from './helpers/budget.ts';
import { build, tempDir } from './helpers/build.ts';
import { serve, type Served } from './helpers/serve.ts';
import { decodeLibrary, encodeLibrary, type FilterEpisode, type LibraryIndex } from '../src/browser/library/format.ts';

const skip = browserSkipReason();
const COUNT = 55;
/** Episode k: its date (newest is k = 0, over 2024, 2023 and 2022) and title. */
const dateOf = (k: number) => `${2024 - Math.floor(k / 20)}-${String(12 - (k % 12)).padStart(2, '0')}-${String(28 - (k % 20)).padStart(2, '0')}`;
const titleOf = (k: number) => `Garden Talk ${String(k + 1).padStart(2, '0')}`;
/** A guest with accents in every tenth episode: the filter must find her typed without them. */
const ZOE = 'Zoë Ångström';
const guestOf = (k: number) => (k % 10 === 3 ? ZOE : `Guest ${String.fromCharCode(65 + (k % 26))}`);
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

function library(name: string, count: number): string {
  const content = path.join(tempDir(name), 'content');
  mkdirSync(content);
  for (let k = 0; k < count; k++) {
    const srt = [
      `1\n00:00:01,000 --> 00:00:05,000\nRosa Diaz: We planted tomatoes in row ${k + 1} this spring.\n`,
      `2\n00:00:06,000 --> 00:00:10,000\n${guestOf(k)}: The beans climbed the fence by June, number ${k + 1}.\n`,
    ].join('\n');
    writeFileSync(path.join(content, `talk-${k + 1}.srt`), srt);
    writeFileSync(path.join(content, `talk-${k + 1}.yml`), `title: ${titleOf(k)}\ndate: ${dateOf(k)}\n`);
  }
  return content;
}

const box = (page: Page) => page.locator('#library-filter');
const status = (page: Page) => page.locator('#library-filter-status');
const shownTitles = (page: Page) => page.locator('.episode-card:visible h2 a').allTextContents();

describe('library.json, the format', () => {
  it('writes each name once and leaves out the links it can guess, giving every link back as it was', () => {
    const episodes: FilterEpisode[] = [
      { link: 'openais-chief-scientist-on-continual-learning-hype/', title: 'OpenAI’s Chief Scientist on Continual Learning Hype', date: '2026-04-11', people: [{ name: 'Jakub Pachocki', link: 'people/jakub-pachocki/' }] },
      // A long title's slug is cut at a word: the first n characters of the guess.
      { link: 'a-very-long-title-that-goes-on-and-on-about-the-gar/', title: 'A Very Long Title That Goes On and On About the Garden, Again', date: '', people: [] },
      // A slug the title does not give (a sidecar's, a second episode of one title): written out.
      { link: 'talk-1/', title: 'Garden Talk', people: [{ name: 'Zoë Ångström', link: `people/${encodeURIComponent('zoë-ångström')}/` }, { name: 'Jakub Pachocki', link: 'people/jakub-pachocki/' }] },
      { link: `${encodeURIComponent('ça-va')}/`, title: 'Ça va?', date: '2020-01-01', people: [{ name: 'Dr. No', link: 'people/someone-else/' }] },
    ];
    const index = encodeLibrary(episodes);
    assert.deepEqual(index.episodes.map((e) => e[0]), [0, 'a-very-long-title-that-goes-on-and-on-about-the-gar'.length, 'talk-1/', 0]);
    assert.deepEqual(index.people, [['Jakub Pachocki'], ['Zoë Ångström'], ['Dr. No', 'people/someone-else/']]);
    assert.deepEqual(decodeLibrary(JSON.parse(JSON.stringify(index)) as LibraryIndex), episodes.map((e) => ({ ...e, date: e.date ?? '' })));
  });
});

describe('library filter', { skip }, () => {
  let browser: Browser;
  let server: Served;
  let sub: Served;
  let out: string;

  before(async () => {
    const content = library('library-filter', COUNT);
    const site = build(content, path.join(path.dirname(content), 'dist'));
    assert.equal(site.code, 0, site.stderr + site.stdout);
    out = site.out;
    const small = library('library-filter-base', 3);
    const based = build(small, path.join(path.dirname(small), 'dist'), '--base', '/podcast/');
    assert.equal(based.code, 0, based.stderr + based.stdout);
    [server, sub, browser] = await Promise.all([serve(site.out), serve(based.out, { base: '/podcast/' }), launch()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await sub?.stop();
  });

  it('without JavaScript: no box, and the page’s cards and pager are there', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/`);
    assert.equal(await page.locator('search').isVisible(), false);
    assert.equal(await page.locator('.episode-card:visible').count(), 50);
    assert.ok(await page.locator('.library-pager a[rel=next]').isVisible());
    await ctx.close();
  });

  it('costs the pages next to nothing: 2 KB of JavaScript on load, 30 KB in all; the data stays small', () => {
    for (const dir of ['', 'library/2']) {
      const { js, total } = onLoad(out, dir);
      assert.ok(js <= BUDGET.js, `${dir || '/'}: ${js} B of JavaScript on load`);
      assert.ok(total <= 30 * 1024, `${dir || '/'}: ${total} B on load`);
    }
    const json = readFileSync(path.join(out, 'library.json'));
    const index = JSON.parse(json.toString('utf8')) as { people: unknown[]; episodes: unknown[] };
    assert.equal(index.episodes.length, COUNT);
    // Each name once, however many episodes it is in.
    assert.equal(index.people.length, new Set(Array.from({ length: COUNT }, (_, k) => guestOf(k))).size + 1);
    assert.ok(gzipSync(json).length < 2 * 1024, `library.json: ${gzipSync(json).length} B gzipped`);
  });

  it('loads nothing for the filter until the box is used; then finds an episode from another page by part of its title', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/library/2/`);
    const older = await shownTitles(page);
    await page.goto(`${server.url}/`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const module = await page.locator('search').getAttribute('data-module');
    const ofFilter = (r: string) => r === module || r === '/library.json';
    assert.deepEqual(requests.filter(ofFilter), [], 'nothing of the filter before first use');
    assert.ok(await box(page).isVisible(), 'the box is shown with JavaScript');
    assert.ok(!(await shownTitles(page)).includes(older[0]!), 'the episode is not on this page');

    // The reader types part of a title from page 2, as a reader would: key by key.
    const wanted = older[0]!; // e.g. "Garden Talk 53"
    await box(page).click();
    await page.keyboard.type(`talk ${wanted.split(' ').at(-1)}`);
    await status(page).filter({ hasText: '1 episode matches' }).waitFor();
    assert.deepEqual(await shownTitles(page), [wanted]);
    assert.equal(await page.locator('.episode-card:visible h2 a').getAttribute('href'), `/${wanted.toLowerCase().replaceAll(' ', '-')}/`);
    assert.equal(await page.locator('.library-pager').isVisible(), false, 'no pager under the matches');
    assert.deepEqual(requests.filter(ofFilter).sort(), [module, '/library.json'].sort());
    await page.close();
  });

  it('finds a person’s episodes whatever the case and accents, says how many, and gives the page back on Escape', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/library/2/`);
    const before = await shownTitles(page);
    await box(page).fill('zoe ANGSTROM');
    const hers = Array.from({ length: COUNT }, (_, k) => k).filter((k) => guestOf(k) === ZOE);
    await status(page).filter({ hasText: `${hers.length} episodes match “zoe ANGSTROM”` }).waitFor();
    assert.deepEqual((await shownTitles(page)).sort(), hers.map(titleOf).sort());
    // Her name is marked and leads to her page.
    const name = page.locator('.episode-card:visible .card-people a', { hasText: ZOE }).first();
    assert.equal(await name.getAttribute('href'), `/people/${encodeURIComponent('zoë-ångström')}/`);
    assert.equal(await name.locator('mark').count(), 2);
    assert.equal(await status(page).getAttribute('role'), 'status');

    await box(page).press('Escape');
    assert.equal(await box(page).inputValue(), '');
    assert.deepEqual(await shownTitles(page), before, 'the page as it was');
    assert.ok(await page.locator('.library-pager').isVisible());
    assert.equal(await status(page).textContent(), '');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'library-filter', 'focus stays in the box');

    await box(page).fill('no such words');
    await status(page).filter({ hasText: 'No episodes match' }).waitFor();
    assert.deepEqual(await shownTitles(page), []);
    await box(page).fill('');
    assert.deepEqual(await shownTitles(page), before);
    await page.close();
  });

  it('shows 50 matches at once and the rest on request, moving focus to the first added', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await box(page).fill('rosa');
    await status(page).filter({ hasText: `${COUNT} episodes match` }).waitFor();
    assert.equal((await shownTitles(page)).length, 50);
    const more = page.locator('.library-more');
    assert.equal(await more.textContent(), `Show the last ${COUNT - 50}`);
    await more.click();
    assert.equal((await shownTitles(page)).length, COUNT);
    assert.equal(await more.isVisible(), false);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), (await shownTitles(page))[50]);
    await page.close();
  });

  it('a year’s link followed while filtering brings the page’s cards back, at that year', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await box(page).fill('zoe');
    await status(page).filter({ hasText: 'episodes match' }).waitFor();
    await page.locator('.library-years a', { hasText: '2023' }).click();
    await page.locator('#year-2023').waitFor();
    assert.ok(await page.locator('#year-2023').isVisible());
    assert.ok(await page.locator('#year-2023').evaluate((card) => card.getBoundingClientRect().top < innerHeight));
    assert.equal(await box(page).inputValue(), '');
    assert.equal(await page.locator('.episode-card:visible').count(), 50);
    await page.close();
  });

  it('links under a base path', async () => {
    const page = await browser.newPage();
    await page.goto(`${sub.url}/podcast/`);
    await box(page).fill('guest b');
    await status(page).filter({ hasText: '1 episode matches' }).waitFor();
    assert.equal(await page.locator('.episode-card:visible h2 a').getAttribute('href'), '/podcast/garden-talk-02/');
    assert.equal(await page.locator('.episode-card:visible .card-people a').last().getAttribute('href'), '/podcast/people/guest-b/');
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`with matches shown, ${scheme}: no axe violations`, async () => {
      const ctx = await browser.newContext({ colorScheme: scheme });
      const page = await ctx.newPage();
      await page.goto(`${server.url}/`);
      await box(page).fill('zoe');
      await status(page).filter({ hasText: 'episodes match' }).waitFor();
      const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes[0]!.target.join(' ')} — ${v.nodes[0]!.failureSummary}`), []);
      await ctx.close();
    });
  }
});
