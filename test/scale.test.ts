/** A 10-hour episode (18,450 fragments) builds on this 2-core machine under 2 GiB. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { sampleMemory } from '../scripts/bench/memory.ts';
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
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'cli.ts'), 'build', '--content', content, '--out', out], {
      cwd: root,
      env: { ...process.env, TRANSCRIPT_SITE_GENERATED: `${out}.mdx` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stop = sampleMemory(child.pid!);
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const peak = stop();
    assert.equal(code, 0, stdout);
    assert.match(stdout, /parsed long\.txt: youtldr, 70 sections, 18450 fragments, 130840 words, 0 warnings/);
    assert.ok(peak.treeBytes < 2 * 1024 ** 3, `peak ${(peak.treeBytes / 1024 ** 2).toFixed(0)} MiB`);
    const words = htmlFiles(path.join(out, 'ten-hours-with-the-chief-scientist'))
      .filter((f) => !/\/at\/|chief-scientist\/index\.html$/.test(f))
      .reduce((n, f) => n + parse(readFileSync(f, 'utf8')).querySelectorAll('.para > p').flatMap((p) => tokens(p.text)).length, 0);
    assert.equal(words, 130840);
    console.log(`# 10-hour episode: peak ${(peak.treeBytes / 1024 ** 2).toFixed(0)} MiB (process tree), ${stdout.match(/in ([\d.]+) s\n$/)?.[1]} s`);
  });
});
