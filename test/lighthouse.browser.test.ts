/**
 * Lighthouse on the library, an overview and a section page: accessibility, best practices and
 * SEO at 100. Performance is measured by the benchmark (npm run bench), not gated here.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { browserSkipReason } from './helpers/browser-guard.ts';
import { audit } from './helpers/lighthouse.ts';
import { SLUG, servedSite } from './helpers/site.ts';

const skip = browserSkipReason();

describe('Lighthouse', { skip }, () => {
  let site: Awaited<ReturnType<typeof servedSite>>;
  before(async () => {
    site = await servedSite('lighthouse');
  });
  after(async () => site?.stop());

  for (const [name, path] of [['library', '/'], ['overview', `/${SLUG}/`], ['section', `/${SLUG}/timelines-and-benchmarks/`]] as const) {
    it(`${name}: accessibility, best practices and SEO score 100`, async () => {
      const { scores, failing } = await audit(`${site.url}${path}`, ['accessibility', 'best-practices', 'seo']);
      assert.deepEqual(failing, []);
      assert.deepEqual(scores, { accessibility: 100, 'best-practices': 100, seo: 100 });
    });
  }
});
