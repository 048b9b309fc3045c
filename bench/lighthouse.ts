/** The benchmark's Lighthouse figures for one page (test/helpers/lighthouse.ts runs Lighthouse). */
import { lighthouseReport } from '../test/helpers/lighthouse.ts';

export interface LighthouseRun {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  cls: number;
  /** Bytes Lighthouse saw transferred for the page load. */
  totalBytes: number;
}

export async function lighthouseRun(url: string): Promise<LighthouseRun> {
  const { categories, audits } = await lighthouseReport(url);
  const score = (id: string) => categories[id]?.score ?? Number.NaN;
  const value = (id: string) => audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpMs: value('largest-contentful-paint'),
    fcpMs: value('first-contentful-paint'),
    tbtMs: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    totalBytes: value('total-byte-weight'),
  };
}
