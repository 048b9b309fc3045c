/** Search in a real browser, on the real build: the reader's way into the transcripts. */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launch } from './helpers/browser.ts';
import { browserSkipReason } from './helpers/browser-guard.ts';
import { build, bundled, tempDir } from './helpers/build.ts';
import { serve } from './helpers/serve.ts';

const skip = browserSkipReason();
const slug = 'openais-chief-scientist-on-continual-learning-hype';

describe('search', { skip }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;

  before(async () => {
    const dir = tempDir('search');
    mkdirSync(path.join(dir, 'content'));
    copyFileSync(bundled, path.join(dir, 'content', path.basename(bundled)));
    const site = build(path.join(dir, 'content'), path.join(dir, 'dist'));
    assert.equal(site.code, 0, site.stderr);
    server = await serve(site.out, 4411);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the header search box leads to results for "continual learning", best section first', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/${slug}/timelines-and-benchmarks/`);
    await page.fill('#site-search', 'continual learning');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/\/search\/\?q=continual\+learning/);
    const first = page.locator('pagefind-results a').first();
    await first.waitFor();
    const hrefs = await page.locator('pagefind-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.match(hrefs[0]!, new RegExp(`^/${slug}/continual-learning-and-science/`));
    // Paragraph sub-results link straight to the moment, with the terms to highlight.
    assert.ok(hrefs.some((h) => /\/continual-learning-and-science\/\?highlight=continual&highlight=learning#t-\d+$/.test(h!)), hrefs.join('\n'));
    assert.match(await page.locator('pagefind-summary').innerText(), /results? for continual learning/i);
    await page.close();
  });

  it('no page but the search page loads anything of Pagefind', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    for (const url of ['/', `/${slug}/`, `/${slug}/timelines-and-benchmarks/`]) {
      await page.goto(`${server.url}${url}`);
      await page.waitForLoadState('networkidle');
    }
    assert.deepEqual(requests.filter((r) => r.includes('/pagefind/')), []);
    await page.close();
  });
});
