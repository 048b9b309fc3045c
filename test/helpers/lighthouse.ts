/** Lighthouse (npm) driving Debian's Chromium through chrome-launcher; used by the tests and the benchmark. */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROME_FLAGS, chromiumPath } from './browser.ts';

type Report = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

/**
 * One Lighthouse run with its default (mobile) configuration: simulated slow 4G and a 4× slower
 * CPU, in a new Chromium, so no run profits from an earlier one's cache or compiled code.
 */
export async function lighthouseReport(url: string, onlyCategories?: string[]): Promise<Report> {
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath()!, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', ...(onlyCategories ? { onlyCategories } : {}) });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { runtimeError } = result.lhr;
    if (runtimeError) throw new Error(`Lighthouse failed on ${url}: ${runtimeError.code} ${runtimeError.message}`);
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

/** Scores 0–100 of the given categories, and their failing audits. */
export async function audit(url: string, categories: string[]): Promise<{ scores: Record<string, number>; failing: string[] }> {
  const lhr = await lighthouseReport(url, categories);
  const scores = Object.fromEntries(categories.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
  const failing = categories.flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${c}: ${ref.id} (${lhr.audits[ref.id]!.title})`),
  );
  return { scores, failing };
}
