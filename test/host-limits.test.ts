/**
 * The build warns when the site passes a host's published limit, naming the host, the limit and
 * its documentation; the limits are the documented numbers (GitHub Pages 1 GB per site,
 * Cloudflare Pages 20,000 files on the Free plan and 100,000 on paid plans, 25 MiB per file).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HOST_LIMITS, passedLimits } from '../src/domain/host-limits.ts';
import { describe as line } from '../src/build/progress.ts';

const small = { bytes: 50e6, files: 900, largest: { file: 'pagefind/wasm.unknown.pagefind', bytes: 60_000 } };

describe('host limits', () => {
  it('a small site passes none', () => {
    assert.deepEqual(passedLimits(small), []);
  });

  it('the documented numbers', () => {
    const of = (host: string) => HOST_LIMITS.find((l) => l.host === host)!;
    assert.equal(of('GitHub Pages').limit, 1e9);
    assert.equal(of('Cloudflare Pages (Free plan)').limit, 20_000);
    assert.equal(of('Cloudflare Pages (paid plans)').limit, 100_000);
    assert.equal(of('Cloudflare Pages').limit, 25 * 2 ** 20);
    for (const l of HOST_LIMITS) assert.match(l.source, /^https:\/\/(docs\.github\.com|developers\.cloudflare\.com)\//);
  });

  it('the 1,000-episode site of issue 25 (865 MB in 24,466 files) passes Cloudflare\'s Free plan only', () => {
    const passed = passedLimits({ bytes: 865e6, files: 24_466, largest: { file: 'x', bytes: 1e6 } });
    assert.deepEqual(passed.map((l) => l.host), ['Cloudflare Pages (Free plan)']);
  });

  it('one byte past 1 GB, one file past 20,000, one byte past 25 MiB: each warns, and the warning names the host, its limit and its page', () => {
    const passed = passedLimits({ bytes: 1e9 + 1, files: 20_001, largest: { file: 'big/captions.vtt', bytes: 25 * 2 ** 20 + 1 } });
    assert.deepEqual(passed.map((l) => l.host), ['GitHub Pages', 'Cloudflare Pages (Free plan)', 'Cloudflare Pages']);
    const lines = passed.flatMap((l) => line({ type: 'host-limit', host: l.host, stated: l.stated, source: l.source, what: l.what, measured: l.measured, ...(l.what === 'file bytes' ? { file: 'big/captions.vtt' } : {}) }));
    assert.match(lines[0]!, /^warning: the site is 1\.00 GB, past what GitHub Pages publishes \(published sites may be no larger than 1 GB: https:\/\/docs\.github\.com\//);
    assert.match(lines[1]!, /the site has 20,001 files, past what Cloudflare Pages \(Free plan\) publishes \(20,000 files per site/);
    assert.match(lines[2]!, /big\/captions\.vtt is 25\.0 MiB, past what Cloudflare Pages publishes \(each file at most 25 MiB/);
  });
});
