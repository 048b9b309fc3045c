/** A 10-hour episode (18,450 fragments) builds on this 2-core machine under 2 GiB. */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { timedProcess } from '../bench/build.ts';
import { tokens } from '../src/domain/invariants.ts';
import { tenHourEpisode } from './fixtures/long-episode.ts';
import { bundled, root, tempDir } from './helpers/build.ts';
import { htmlFiles } from './helpers/links.ts';

describe('scale', () => {
  it('a 10-hour episode builds completely, with peak memory (whole process tree) under 2 GiB', async () => {
    const dir = tempDir('long');
    const content = path.join(dir, 'content');
    mkdirSync(content);
    writeFileSync(path.join(content, 'long.txt'), tenHourEpisode(bundled));
    const out = path.join(dir, 'dist');
    const run = await timedProcess([path.join(root, 'scripts', 'transcript-site.mjs'), 'build', '--content', content, '--out', out, '--no-cache'], root);
    const stdout = run.log;
    const peak = run.peak;
    assert.match(stdout, /parsed long\.txt: YouTLDR text export, 70 sections, 18450 fragments, 130840 words, 0 warnings/);
    assert.ok(peak.treeBytes < 2 * 1024 ** 3, `peak ${(peak.treeBytes / 1024 ** 2).toFixed(0)} MiB`);
    const words = htmlFiles(path.join(out, 'ten-hours-with-the-chief-scientist'))
      .filter((f) => !/\/at\/|chief-scientist\/index\.html$/.test(f))
      .reduce((n, f) => n + parse(readFileSync(f, 'utf8')).querySelectorAll('.para > p').flatMap((p) => tokens(p.text)).length, 0);
    assert.equal(words, 130840);
    console.log(`# 10-hour episode: peak ${(peak.treeBytes / 1024 ** 2).toFixed(0)} MiB (process tree), ${run.wallS.toFixed(1)} s wall`);
  });
});
