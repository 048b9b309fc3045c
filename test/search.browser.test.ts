/** Search in a real browser, on real builds (one at the root, one under a base path). */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launch } from './helpers/browser.ts';
import { browserSkipReason } from './helpers/browser-guard.ts';
import { build, bundled, SLUG, tempDir } from './helpers/build.ts';
import { serve } from './helpers/serve.ts';
import { makeQueries, paragraphsOf, relevance } from '../bench/relevance.ts';

const skip = browserSkipReason();
const slug = SLUG;
const copySlug = 'a-second-episode-for-filters';

/** Two episodes: the bundled one and a retitled copy, so filters have something to narrow. */
function library(name: string): string {
  const dir = tempDir(name);
  mkdirSync(path.join(dir, 'content'));
  copyFileSync(bundled, path.join(dir, 'content', path.basename(bundled)));
  // The copy is from another year, so the year filter has two to choose between.
  const text = readFileSync(bundled, 'utf8').replace(/^OpenAI’s Chief Scientist on .*$/m, 'A Second Episode for Filters').replace('Transcribed Apr 11, 2026', 'Transcribed Mar 3, 2024');
  writeFileSync(path.join(dir, 'content', 'copy.youtldr.txt'), text);
  return path.join(dir, 'content');
}

async function search(page: Page, query: string) {
  await page.locator('.search-row input').fill(query);
  await page.locator('.result').first().waitFor();
}

describe('search', { skip }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;
  let sub: Awaited<ReturnType<typeof serve>>;
  let dist: string;

  before(async () => {
    const content = library('search');
    // An index per episode: every search here merges two Pagefind bundles in the browser, as a
    // channel's archive does (one per group of shards).
    const site = build(content, path.join(path.dirname(content), 'dist'), '--shard-size', '1', '--index-size', '1');
    assert.equal(site.code, 0, site.stderr);
    assert.equal((JSON.parse(readFileSync(path.join(site.out, 'pagefind', 'bundles.json'), 'utf8')) as { bundles: string[] }).bundles.length, 2);
    const based = build(content, path.join(path.dirname(content), 'dist-sub'), '--base', '/podcast/');
    assert.equal(based.code, 0, based.stderr);
    dist = site.out;
    server = await serve(site.out);
    sub = await serve(based.out, { base: '/podcast/' });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await sub?.stop();
  });

  it('nothing of Pagefind is fetched on page load or when idle, only once the reader shows intent', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    for (const url of ['/', `/${slug}/`, `/${slug}/timelines-and-benchmarks/`]) {
      await page.goto(`${server.url}${url}`);
      await page.waitForLoadState('networkidle');
    }
    await page.waitForTimeout(1500);
    assert.deepEqual(requests.filter((r) => r.includes('/pagefind/')), []);
    const engine = page.waitForResponse((r) => r.url().includes('/pagefind/pagefind.js'));
    await page.hover('.search-trigger');
    await engine;
    await page.close();
  });

  it('a phrase from the middle of a section: the first hit links to its paragraph, which opens in view with the words marked', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('making forests into')}`);
    await page.locator('.result-hits a').first().waitFor();
    const first = await page.locator('.result-hits a').first().getAttribute('href');
    assert.match(first!, new RegExp(`^/(${slug}|${copySlug})/timelines-and-benchmarks/\\?highlight=making&highlight=forests&highlight=into#t-358$`));
    await page.locator('.result-hits a').first().click();
    await page.waitForURL(/#t-358$/);
    const para = page.locator('#t-358');
    await page.waitForFunction(() => document.querySelectorAll('#t-358 mark.pagefind-highlight').length >= 3);
    const box = (await para.boundingBox())!;
    const header = (await page.locator('.site-header').boundingBox())!;
    const viewport = page.viewportSize()!;
    assert.ok(box.y >= header.y + header.height - 1 && box.y < viewport.height, `paragraph at y=${box.y}, below the header and in view`);
    assert.deepEqual(await para.locator('mark.pagefind-highlight').allInnerTexts(), ['making', 'forests', 'into']);
    // Marks stay inside the transcript.
    assert.equal(await page.locator('mark.pagefind-highlight').evaluateAll((ms) => ms.every((m) => m.closest('.para'))), true);
    await page.close();
  });

  it('shows the episode, section, timestamp and an emphasised excerpt, grouped by section', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/search/?q=explosive+growth`);
    await page.locator('.result').first().waitFor();
    const result = page.locator('.result').filter({ hasText: 'Timelines and Benchmarks' }).first();
    assert.match(await result.locator('.result-where').innerText(), /OpenAI’s Chief Scientist|A Second Episode/);
    assert.match(await result.locator('.result-where').innerText(), /Watch/);
    assert.equal(await result.locator('.hit-time').first().innerText(), '2:16');
    assert.deepEqual(await result.locator('.hit-excerpt mark').first().innerText(), 'explosive');
    await page.close();
  });

  it('filters narrow the results to one episode and to watch or optional sections', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/search/`);
    await search(page, 'models');
    const urls = () => page.locator('.result-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const all = await urls();
    assert.ok(all.some((u) => u.startsWith(`/${slug}/`)) && all.some((u) => u.startsWith(`/${copySlug}/`)));
    await page.selectOption('#search-page-episode', 'A Second Episode for Filters');
    await page.waitForFunction((s) => [...document.querySelectorAll('.result-title a')].every((a) => a.getAttribute('href')!.startsWith(`/${s}/`)), copySlug);
    await page.selectOption('#search-page-tag', 'optional');
    await page.waitForFunction(() => document.querySelectorAll('.result').length > 0 && [...document.querySelectorAll('.result-where')].every((w) => /Optional/.test(w.textContent!)));
    assert.match(page.url(), /\?q=models$/);
    await page.close();
  });

  it('filters by year, newest first', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/search/`);
    await search(page, 'models');
    assert.deepEqual(await page.locator('#search-page-year option').evaluateAll((os) => os.map((o) => o.textContent)), ['Any year', '2026', '2024']);
    await page.selectOption('#search-page-year', '2024');
    await page.waitForFunction((s) => document.querySelectorAll('.result').length > 0 && [...document.querySelectorAll('.result-title a')].every((a) => a.getAttribute('href')!.startsWith(`/${s}/`)), copySlug);
    await page.selectOption('#search-page-year', '2026');
    await page.waitForFunction((s) => document.querySelectorAll('.result').length > 0 && [...document.querySelectorAll('.result-title a')].every((a) => !a.getAttribute('href')!.startsWith(`/${s}/`)), copySlug);
    await page.close();
  });

  it('Ctrl+K opens an accessible dialog: typing searches, arrows and Enter open a hit, Escape closes and focus returns', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/${slug}/`);
    await page.focus('.search-trigger');
    await page.keyboard.press('Control+k');
    const dialog = page.locator('dialog.search-dialog');
    await page.locator('dialog .search-row input:focus').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.closest('dialog') !== null), true, 'focus moves into the dialog');
    await page.keyboard.type('explosive growth');
    // The first keystroke searches at once; the results then follow the typing to the whole query.
    await page.waitForFunction(() => /match “explosive growth”/.test(document.querySelector('dialog .search-status')!.textContent!));
    await page.locator('dialog .result').first().waitFor();
    assert.equal(await page.locator('dialog .search-status').getAttribute('role'), 'status');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'search-trigger');

    await page.keyboard.press('Control+k');
    await page.locator('dialog .result').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const target = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    assert.match(target!, /#t-136$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/#t-136$/);
    await page.close();
  });

  /** Opens the first hit of a search on the /search/ page; returns the text of the paragraph it lands on. */
  async function firstHitText(page: Page, query: string): Promise<string> {
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
    const first = page.locator('.result-hits a').first();
    await first.waitFor();
    await first.click();
    await page.waitForURL(/#t-[\w-]+$/);
    const id = new URL(page.url()).hash.slice(1);
    return page.locator(`[id="${id}"] p`).innerText();
  }

  it('a word said once opens where it was said, not where a relative of it was (reflective, not “reflect back”)', async () => {
    const page = await browser.newPage();
    for (const word of ['reflective', 'complexity']) {
      assert.match(await firstHitText(page, word), new RegExp(`\\b${word}\\b`, 'i'), word);
    }
    await page.close();
  });

  it('what was said comes first: the first hit for “chain of thought” is a paragraph saying it; the AI summary saying it is marked and comes later', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/search/?q=chain+of+thought`);
    await page.locator('.result-hits a').first().waitFor();
    const hits = await page.locator('.result-hits a').evaluateAll((as) => as.map((a) => ({ time: a.querySelector('.hit-time') !== null, ai: a.querySelector('.ai-chip') !== null })));
    assert.equal(hits[0]!.time, true, 'the first hit is a timestamped paragraph');
    const ai = hits.findIndex((h) => h.ai);
    assert.ok(ai > 0, 'an AI-written summary or key point is found too, marked AI, below what was said');
    assert.match(await firstHitText(page, 'chain of thought'), /chain of thought/i);
    await page.close();
  });

  it('a query in quotes finds the phrase: every hit says the words in that order', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('"making forests into"')}`);
    await page.locator('.result-hits a').first().waitFor();
    const quoted = await page.locator('.result-hits a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    // Said once in the episode, so once in each of the two copies: the paragraph at 5:58.
    assert.equal(quoted.length, 2, quoted.join('\n'));
    assert.ok(quoted.every((href) => href.endsWith('#t-358')), quoted.join('\n'));
    assert.match(await page.locator('.search-status').innerText(), /^Pages that say “making forests into”$/);
    // Without quotes, pages holding some of the words are found as well.
    await search(page, 'making forests into');
    await page.waitForFunction(() => /match “making forests into”/.test(document.querySelector('.search-status')!.textContent!));
    assert.ok((await page.locator('.result-hits a').count()) > 2);
    await page.close();
  });

  it('the first result is the right one: success@1 over queries made from the transcript, as the reader sees the results', async () => {
    // Queries from one episode's paragraphs (in the library every word is said twice, once per
    // copy); the right answers are the paragraphs of either copy that hold the words.
    const one = paragraphsOf(dist).filter((p) => p.url.startsWith(`/${slug}/`));
    const queries = makeQueries(one, 20);
    const result = await relevance(browser, server.url, dist, queries, 'test');
    const at1 = Object.fromEntries(result.ours.map((k) => [k.kind, k]));
    // The targets: rare words (and rare words with commoner relatives) 0.95, phrases 0.90.
    const misses = result.misses.map((m) => `${m.kind} “${m.text}” → ${m.first}`).join('\n');
    assert.ok(at1.rare!.queries >= 15 && at1.rare!.successAt1 >= 0.95, `rare ${at1.rare!.successAt1}\n${misses}`);
    assert.ok(at1.relative!.queries >= 10 && at1.relative!.successAt1 >= 0.95, `relative ${at1.relative!.successAt1}\n${misses}`);
    assert.ok(at1.phrase!.queries >= 15 && at1.phrase!.successAt1 >= 0.9, `phrase ${at1.phrase!.successAt1}\n${misses}`);
  });

  it('works under a base path: index, UI and result links all carry /podcast/', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${sub.url}/podcast/${slug}/`);
    await page.click('.search-trigger');
    await page.locator('dialog .search-row input:focus').waitFor();
    await page.keyboard.type('making forests into');
    await page.locator('dialog .result-hits a').first().waitFor();
    const href = await page.locator('dialog .result-hits a').first().getAttribute('href');
    assert.match(href!, /^\/podcast\/[a-z0-9-]+\/timelines-and-benchmarks\/\?highlight=making&highlight=forests&highlight=into#t-358$/);
    assert.ok(requests.filter((r) => r.includes('pagefind')).every((r) => r.startsWith('/podcast/pagefind/')), requests.join('\n'));
    await page.locator('dialog .result-hits a').first().click();
    await page.waitForFunction(() => document.querySelectorAll('#t-358 mark.pagefind-highlight').length >= 3);
    await page.close();
  });
});
