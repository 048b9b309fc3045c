/**
 * Page weight: what a first visit downloads. Measured in Chromium from the network log, in a
 * fresh browser context (empty cache) with the cache also disabled over the DevTools protocol.
 * "On load" is everything requested before the load event; "after load" is what follows within
 * a few idle seconds (Starlight, for one, fetches its search UI on idle; we should fetch nothing).
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { fileFor, record, total, type Fetched } from './network.ts';

export interface Totals {
  requests: number;
  raw: number;
  gzip: number;
  transferred: number;
}

export interface PageWeight {
  path: string;
  html: Totals;
  css: Totals;
  js: Totals;
  other: Totals;
  /** HTML + CSS + JS + other, requested before the load event. */
  onLoad: Totals;
  /** Requested after the load event, while the page sat idle. */
  afterLoad: Totals;
  afterLoadUrls: string[];
  /** Bytes of inline <script> and <style> inside the HTML (already counted in `html`). */
  inlineJs: number;
  inlineCss: number;
  /** Every URL fetched, for checking by hand. */
  urls: string[];
}

const IDLE_MS = 3000;

export async function pageWeight(browser: Browser, origin: string, dist: string, pagePath: string): Promise<PageWeight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const recorder = record(page, dist);
  await page.goto(origin + pagePath, { waitUntil: 'load' });
  const loadedAt = performance.now();
  // Long enough for requestIdleCallback and prefetch-on-idle to fire.
  await page.waitForTimeout(IDLE_MS);
  await recorder.settled();
  await context.close();
  // Split by when each request started: before or after `goto` saw the load event.
  const onLoad = recorder.fetched.filter((f) => f.startedAt < loadedAt);
  const afterLoad = recorder.fetched.filter((f) => f.startedAt >= loadedAt);
  const of = (types: string[]) => total(onLoad.filter((f) => types.includes(f.type)));
  return {
    path: pagePath,
    html: of(['document']),
    css: of(['stylesheet']),
    js: of(['script']),
    other: total(onLoad.filter((f) => !['document', 'stylesheet', 'script'].includes(f.type))),
    onLoad: total(onLoad),
    afterLoad: total(afterLoad),
    afterLoadUrls: afterLoad.map((f) => new URL(f.url).pathname),
    ...inline(fileFor(dist, origin + pagePath)),
    urls: [...onLoad, ...afterLoad].map((f: Fetched) => new URL(f.url).pathname),
  };
}

/** Inline code in the page: our page scripts are inline, so the HTML carries the page's JS. */
function inline(file: string | undefined): { inlineJs: number; inlineCss: number } {
  if (!file) return { inlineJs: 0, inlineCss: 0 };
  const html = readFileSync(file, 'utf8');
  const bytes = (pattern: RegExp) => [...html.matchAll(pattern)].reduce((n, m) => n + Buffer.byteLength(m[1]!), 0);
  return {
    inlineJs: bytes(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g),
    inlineCss: bytes(/<style[^>]*>([\s\S]*?)<\/style>/g),
  };
}
