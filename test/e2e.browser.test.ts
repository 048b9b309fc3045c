/** The reader's journeys in a real browser, on a real build, plus screenshots to look at. */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch } from './helpers/browser.ts';
import { browserSkipReason } from './helpers/browser-guard.ts';
import { root } from './helpers/build.ts';
import { SLUG, servedSite } from './helpers/site.ts';

const skip = browserSkipReason();
const shots = path.join(root, 'test-results', 'screenshots');

/** The paragraph's top is below the sticky header and inside the viewport. */
async function inViewBelowHeader(page: Page, selector: string) {
  const box = (await page.locator(selector).boundingBox())!;
  const header = (await page.locator('.site-header').boundingBox())!;
  assert.ok(box.y >= header.y + header.height - 1, `${selector} top ${box.y} is under the header (ends ${header.y + header.height})`);
  assert.ok(box.y < page.viewportSize()!.height, `${selector} is in view`);
}

describe('reader journeys', { skip }, () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof servedSite>>;
  let context: BrowserContext;

  before(async () => {
    site = await servedSite('e2e');
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('library → overview → section → next section → back', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    await page.getByRole('link', { name: /OpenAI’s Chief Scientist/ }).click();
    await page.waitForURL(`${site.url}/${SLUG}/`);
    await page.locator('.section-list').getByRole('link', { name: 'Timelines and Benchmarks' }).click();
    await page.waitForURL(/timelines-and-benchmarks\/$/);
    assert.equal(await page.locator('h1').innerText(), 'Timelines and Benchmarks');
    await page.getByRole('link', { name: /Next Business and Developer Strategy/ }).click();
    await page.waitForURL(/business-and-developer-strategy\/$/);
    await page.goBack();
    await page.waitForURL(/timelines-and-benchmarks\/$/);
    await page.getByRole('link', { name: 'Episode overview' }).click();
    await page.waitForURL(`${site.url}/${SLUG}/`);
    await page.close();
  });

  it('a timeline block opens its section', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}/${SLUG}/`);
    await page.getByRole('link', { name: /^4\. Continual Learning and Science, 24:23 to 37:40, optional$/ }).click();
    await page.waitForURL(/continual-learning-and-science\/$/);
    await page.close();
  });

  it('opening …/#t-<s> shows that paragraph below the header, marked', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}/${SLUG}/business-and-developer-strategy/#t-1036`);
    await inViewBelowHeader(page, '#t-1036');
    assert.equal(await page.locator('#t-1036').evaluate((el) => el.matches(':target')), true);
    await page.close();
  });

  it('the …/at/#12:34 resolver lands on the paragraph holding that moment', async () => {
    const page = await context.newPage();
    for (const [ref, section] of [['#12:34', 'business-and-developer-strategy'], ['?t=1h', 'quickfire-and-societal-impact'], ['#t=113', 'timelines-and-benchmarks']] as const) {
      await page.goto(`${site.url}/${SLUG}/at/${ref}`);
      await page.waitForURL(new RegExp(`/${section}/#t-\\d+`));
      const id = new URL(page.url()).hash.slice(1);
      const t = Number(/^t-(\d+)/.exec(id)![1]);
      const target = ref.includes('1h') ? 3600 : ref.includes('113') ? 113 : 754;
      assert.ok(t <= target, `${id} starts at or before ${target}`);
      const next = await page.locator(`#${id} ~ .para`).first().getAttribute('id').catch(() => null);
      if (next) assert.ok(Number(/^t-(\d+)/.exec(next)![1]) > target || target >= 3600, `${next} starts after ${target}`);
      await inViewBelowHeader(page, `#${id}`);
    }
    await page.close();
  });

  it('the resolver without JavaScript lists the sections', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${site.url}/${SLUG}/at/#12:34`);
    assert.equal(await page.locator('.section-list > li').count(), 7);
    await noJs.close();
  });

  it('copy link and cite put the right text on the clipboard, by keyboard, and say so', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    const page = await ctx.newPage();
    await page.goto(`${site.url}/${SLUG}/timelines-and-benchmarks/`);
    await page.locator('#t-136 a.ts').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Copy link');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent === 'Link copied');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${site.url}/${SLUG}/timelines-and-benchmarks/#t-136`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent === 'Citation copied');
    const citation = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(citation, `“Yeah, I think you know over I think over over the last months I think like the change that really happened is we've seen this explosive growth of coding tools.” — OpenAI’s Chief Scientist on Continual Learning Hype, RL Beyond Code, & Future Alignment Directions, at 2:16. ${site.url}/${SLUG}/timelines-and-benchmarks/#t-136`);
    await ctx.close();
  });

  it('the theme toggle persists across pages, and the chosen theme is there before the first paint', async () => {
    const ctx = await browser.newContext({ colorScheme: 'light' });
    const page = await ctx.newPage();
    await page.goto(`${site.url}/`);
    const toggle = page.locator('.theme-toggle');
    await toggle.click(); // auto → light
    await toggle.click(); // light → dark
    assert.match(await toggle.innerText(), /dark/);
    // On the next page, the stored theme must apply before anything is drawn: check at the first
    // moment a script in the body could run.
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') (window as unknown as { early: string }).early = getComputedStyle(document.body).backgroundColor;
      });
    });
    await page.goto(`${site.url}/${SLUG}/`);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await page.evaluate(() => (window as unknown as { early: string }).early), 'rgb(20, 23, 28)');
    await ctx.close();
  });

  it('at 375×812 the navigation and search are usable', async () => {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
    const page = await ctx.newPage();
    await page.goto(`${site.url}/${SLUG}/timelines-and-benchmarks/`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no sideways scrolling');
    await page.locator('.search-trigger').tap();
    await page.locator('dialog .search-row input:focus').waitFor();
    await page.keyboard.type('explosive growth');
    await page.locator('dialog .result-hits a').first().tap();
    await page.waitForURL(/#t-136$/);
    const next = page.getByRole('link', { name: /Next Business and Developer Strategy/ });
    await next.scrollIntoViewIfNeeded();
    await next.tap();
    await page.waitForURL(/business-and-developer-strategy\/$/);
    assert.equal(await page.locator('.para-tools').first().evaluate((el) => getComputedStyle(el).opacity), '1', 'paragraph tools always show on touch');
    await ctx.close();
  });

  it('print hides the navigation and keeps the timestamps', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}/${SLUG}/timelines-and-benchmarks/`);
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.site-header', '.crumbs', '.toc', '.pager', '.site-footer']) {
      assert.equal(await page.locator(chrome).first().isVisible(), false, `${chrome} is hidden in print`);
    }
    assert.equal(await page.locator('#t-113 .ts').isVisible(), true);
    assert.equal(await page.locator('#t-113 .ts').innerText(), '1:53');
    await page.close();
  });

  it('every page runs under a Content-Security-Policy that blocks injected inline script, and ours run without violations', async () => {
    const ctx = await browser.newContext();
    await ctx.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await ctx.newPage();
    const violations = () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    for (const url of ['/', `/${SLUG}/`, `/${SLUG}/at/`, '/search/?q=compute']) {
      await page.goto(`${site.url}${url}`);
      if (url.includes('search')) await page.locator('.result').first().waitFor();
      assert.deepEqual(await violations(), [], url);
    }
    await page.goto(`${site.url}/${SLUG}/timelines-and-benchmarks/?highlight=explosive#t-136`);
    await page.waitForFunction(() => document.querySelectorAll('mark.pagefind-highlight').length > 0);
    await page.keyboard.press('Control+k');
    await page.locator('dialog .search-row input:focus').waitFor();
    await page.keyboard.type('models');
    await page.locator('dialog .result').first().waitFor();
    assert.deepEqual(await violations(), [], 'theme, tools, search (WASM, worker) and highlight run under the policy');
    // What a transcript could never smuggle in anyway is blocked by the browser as well.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.injected = true';
      document.body.append(s);
    });
    assert.equal(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected), undefined);
    assert.match((await violations()).join(), /script-src/);
    await ctx.close();
  });

  it('saves screenshots of every page type in light and dark, desktop and phone', async () => {
    mkdirSync(shots, { recursive: true });
    const pages = { library: '/', overview: `/${SLUG}/`, section: `/${SLUG}/timelines-and-benchmarks/`, search: '/search/?q=continual+learning' };
    for (const scheme of ['light', 'dark'] as const) {
      for (const [device, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 375, height: 812 }]] as const) {
        const ctx = await browser.newContext({ viewport, colorScheme: scheme });
        const page = await ctx.newPage();
        for (const [name, url] of Object.entries(pages)) {
          await page.goto(`${site.url}${url}`);
          if (name === 'search') await page.locator('.result').first().waitFor();
          await page.screenshot({ path: path.join(shots, `${name}-${scheme}-${device}.png`), fullPage: name !== 'section' });
        }
        await ctx.close();
      }
    }
  });
});
