/**
 * What a search costs the reader, in Chromium, through the real UI: Ctrl+K on a section page
 * opens the dialog (which loads the search code and Pagefind), then the query is typed.
 *
 * - cold: a fresh browser context (empty cache); the query is typed the moment the field shows,
 *   before Pagefind has finished setting up, so the time includes waiting for it. The bytes include
 *   the search code, Pagefind's runtime and WASM, index chunks and fragments.
 * - ready: a fresh context too, but the query is typed once the dialog is ready (its episode filter
 *   lists the episodes, which needs Pagefind set up): a reader who opens search, then types. Index
 *   chunks and fragments still load after the keystroke.
 * - warm: a fresh context too, but a different warm-up query was searched first in the same
 *   dialog, so only what this query needs on top (index chunks, fragments) is fetched.
 *
 * The query is entered with one `fill()` (a single input event, like pasting): the first input
 * after a pause searches at once. Time runs from that input event to the first `.result` element
 * in the dialog, both taken inside the page with performance.now().
 */
import type { Browser, Page } from 'playwright-core';
import { record, total } from './network.ts';
import type { SearchSummary } from './report.ts';
import { summarize } from './stats.ts';

export const WARM_UP_QUERY = 'reinforcement';
export const SEARCH_MODES = ['cold', 'ready', 'warm'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

export interface SearchRun {
  query: string;
  mode: SearchMode;
  /** Input event → first result on screen. */
  ms: number;
  /** Ctrl+K → first result on screen (cold and ready; includes loading the search code). */
  fromIntentMs: number | null;
  requests: number;
  /** Bytes on the wire (the preview server gzips) and bytes of the files as stored in dist/. */
  transferred: number;
  raw: number;
  /** What the dialog's status line says, e.g. "93 pages match “models”". */
  status: string;
}

interface Probe {
  input: number;
  first: number;
}

export async function searchRun(browser: Browser, origin: string, dist: string, pagePath: string, query: string, mode: SearchMode): Promise<SearchRun> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const recorder = record(page, dist);
  await page.goto(origin + pagePath, { waitUntil: 'load' });
  await recorder.settled(300);
  recorder.reset();
  const intent = await page.evaluate(() => performance.now());
  await page.keyboard.press('Control+k');
  const input = page.locator('dialog .search-row input');
  await input.waitFor({ state: 'visible' });
  if (mode === 'ready') await page.locator('dialog select[id$="-episode"] option').nth(1).waitFor({ state: 'attached' });
  if (mode === 'warm') {
    await timedSearch(page, WARM_UP_QUERY);
    await input.fill('');
    await page.locator('dialog .result').first().waitFor({ state: 'detached' });
    await recorder.settled(300);
    recorder.reset();
  }
  const probe = await timedSearch(page, query);
  // Let the fetches the first results caused finish (fragments for the first page of results).
  await recorder.settled(300);
  const status = (await page.locator('dialog .search-status').textContent()) ?? '';
  const bytes = total(recorder.fetched);
  await context.close();
  return {
    query,
    mode,
    ms: probe.first - probe.input,
    fromIntentMs: mode === 'warm' ? null : probe.first - intent,
    requests: bytes.requests,
    transferred: bytes.transferred,
    raw: bytes.raw,
    status: status.trim(),
  };
}

/** Types `query` into the dialog and waits for the first result; returns in-page timestamps. */
async function timedSearch(page: Page, query: string): Promise<Probe> {
  await page.evaluate(() => {
    const w = window as unknown as { benchProbe: Probe };
    const probe: Probe = { input: 0, first: 0 };
    w.benchProbe = probe;
    const dialog = document.querySelector('dialog.search-dialog')!;
    dialog.querySelector('.search-row input')!.addEventListener('input', () => (probe.input ||= performance.now()), { once: true });
    // Checked on every DOM change, so the time is that of the change that added the first result.
    const observer = new MutationObserver(() => {
      if (!probe.first && dialog.querySelector('.result')) {
        probe.first = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(dialog, { childList: true, subtree: true });
  });
  await page.locator('dialog .search-row input').fill(query);
  await page.waitForFunction(() => (window as unknown as { benchProbe: Probe }).benchProbe.first > 0, undefined, { timeout: 60_000 });
  return page.evaluate(() => (window as unknown as { benchProbe: Probe }).benchProbe);
}

/** Median [min–max] of each query in each mode, from every run of them. */
export function searchSummaries(all: readonly SearchRun[], queries: readonly string[], modes: readonly SearchMode[]): SearchSummary[] {
  return queries.flatMap((query) =>
    modes.map((mode): SearchSummary => {
      const these = all.filter((r) => r.query === query && r.mode === mode);
      const fromIntent = these.map((r) => r.fromIntentMs).filter((x): x is number => x !== null);
      return {
        query,
        mode,
        ms: summarize(these.map((r) => r.ms)),
        fromIntentMs: fromIntent.length ? summarize(fromIntent) : null,
        requests: summarize(these.map((r) => r.requests)),
        transferred: summarize(these.map((r) => r.transferred)),
        raw: summarize(these.map((r) => r.raw)),
        status: these[0]!.status,
      };
    }),
  );
}
