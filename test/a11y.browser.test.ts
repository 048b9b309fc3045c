/** axe-core on every page type, light and dark (the browsing pages on a phone too): WCAG 2.2 A and AA plus best practices, zero violations. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { launch } from './helpers/browser.ts';
import { browserSkipReason } from './helpers/browser-guard.ts';
import path from 'node:path';
import { root } from './helpers/build.ts';
import { SLUG, servedSite } from './helpers/site.ts';

const skip = browserSkipReason();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
const PAGES: Record<string, string> = {
  library: '/',
  overview: `/${SLUG}/`,
  section: `/${SLUG}/business-and-developer-strategy/#t-681-2`,
  // A long section's second page: its transcript continued, the list of the section's pages.
  'section, page 2': `/${SLUG}/business-and-developer-strategy/2/`,
  resolver: `/${SLUG}/at/`,
  people: '/people/',
  person: '/people/jakub-pachocki/',
  'index of names and topics': '/topics/',
  'index entry': '/topics/podcast/',
  search: '/search/?q=compute',
  'not found': '/no-such-page/',
  // A transcript without sections: topics found, titles and summaries extracted.
  'overview with extracted sections': '/long-example/',
  'section with an extracted summary': 'first section of /long-example/',
};

describe('accessibility (axe)', { skip }, () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof servedSite>>;

  before(async () => {
    // With media, so the audio player and ▶ links are checked too.
    site = await servedSite('a11y', 'media: https://cdn.example.com/episode.mp3\nspeakers:\n  alternate: [Jakub Pachocki, Jacob Efron]\n', [
      path.join(root, 'test', 'fixtures', 'podcast-namespace', 'long-example.vtt'),
    ]);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  // Every page type on a desktop; the browsing pages (library, people, index; the overview with its
  // entries and related episodes) on a phone too.
  const PHONE = new Set(['library', 'overview', 'people', 'person', 'index of names and topics', 'index entry']);
  const runs = [
    ...Object.entries(PAGES).map(([name, url]) => ({ name, url, phone: false })),
    ...Object.entries(PAGES).filter(([name]) => PHONE.has(name)).map(([name, url]) => ({ name, url, phone: true })),
  ];
  for (const scheme of ['light', 'dark'] as const) {
    for (const { name, url, phone } of runs) {
      it(`${name} page, ${scheme}${phone ? ', phone' : ''}: no violations`, async () => {
        const ctx = await browser.newContext({ colorScheme: scheme, ...(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}) });
        const page = await ctx.newPage();
        if (url.startsWith('first section of ')) {
          await page.goto(`${site.url}${url.slice('first section of '.length)}`);
          await page.locator('.section-list .section-head a').first().click();
          await page.locator('.moments-summary').waitFor();
        } else {
          await page.goto(`${site.url}${url}`);
        }
        if (name === 'search') await page.locator('.result').first().waitFor();
        const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length}× e.g. ${v.nodes[0]!.target.join(' ')} — ${v.nodes[0]!.failureSummary}`);
        assert.deepEqual(found, []);
        assert.ok(result.passes.length > 20, 'axe ran its rules');
        await ctx.close();
      });
    }
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`the library filter with matches shown, ${scheme}: no violations`, async () => {
      const ctx = await browser.newContext({ colorScheme: scheme });
      const page = await ctx.newPage();
      await page.goto(`${site.url}/`);
      await page.locator('#library-filter').fill('jakub');
      await page.locator('#library-filter-status', { hasText: 'match' }).waitFor();
      const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes[0]!.target.join(' ')} — ${v.nodes[0]!.failureSummary}`), []);
      await ctx.close();
    });
  }

  it('the search dialog, open with results: no violations', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${site.url}/${SLUG}/`);
    await page.keyboard.press('Control+k');
    await page.locator('dialog .search-row input:focus').waitFor();
    await page.keyboard.type('compute');
    await page.locator('dialog .result').first().waitFor();
    const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes[0]!.target.join(' ')} — ${v.nodes[0]!.failureSummary}`), []);
    await ctx.close();
  });
});
