/**
 * Rebuilds that only redo what changed: episodes come from the cache when nothing that reaches
 * them changed, and the site is byte for byte the one a clean build makes. Damaged entries are
 * never served.
 */
import type { DownloadFile } from '../src/domain/exports/index.ts';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { before, describe, it } from 'node:test';
import { build, bundled, root, tempDir } from './helpers/build.ts';
import { EpisodeCache } from '../src/build/prepare/episode-cache.ts';
import { planShards } from '../src/build/shards/plan.ts';

const dir = tempDir('cache');
const content = path.join(dir, 'content');
const cache = path.join(dir, 'cache');
let n = 0;

/** A build with the cache; its "cache:" line. */
function cached(): { out: string; line: string; stdout: string } {
  const out = path.join(dir, `out-${++n}`);
  const run = build(content, out, '--cache-dir', cache);
  assert.equal(run.code, 0, run.stderr + run.stdout);
  return { out, line: /^cache: .*$/m.exec(run.stdout)![0], stdout: run.stdout };
}

/** A clean build of the same content, to compare with. */
function clean(...args: string[]): string {
  const out = path.join(dir, `clean-${++n}`);
  const run = build(content, out, ...args);
  assert.equal(run.code, 0, run.stderr + run.stdout);
  return out;
}

/** One episode per shard and per index, so each has its own. */
const ONE_PER_SHARD = ['--shard-size', '1', '--index-size', '1'];

/** A build with the cache, one episode per shard. */
function cachedInShards(): { out: string; stdout: string } {
  const out = path.join(dir, `shards-${++n}`);
  const run = build(content, out, '--cache-dir', cache, ...ONE_PER_SHARD);
  assert.equal(run.code, 0, run.stderr + run.stdout);
  return { out, stdout: run.stdout };
}

/** Runs `test` with the short CC0 talk in the library as `<name>.vtt`, and takes it out again. */
function withShortEpisode(name: string, test: () => void): void {
  const file = path.join(content, `${name}.vtt`);
  copyFileSync(path.join(root, 'test', 'fixtures', 'podcast-namespace', 'short-example.vtt'), file);
  try {
    test();
  } finally {
    rmSync(file);
  }
}

/** Every file of a site, relative path → bytes. */
function files(site: string): Map<string, Buffer> {
  return new Map(readdirSync(site, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => {
    const full = path.join(f.parentPath, f.name);
    return [path.relative(site, full), readFileSync(full)] as const;
  }));
}

function assertSameSite(a: string, b: string) {
  const [x, y] = [files(a), files(b)];
  assert.deepEqual([...x.keys()].sort(), [...y.keys()].sort());
  for (const [file, bytes] of x) assert.ok(bytes.equals(y.get(file)!), `${file} differs`);
}

/** The episode cache's entries: one folder per episode source, one per variant under it. */
const episodes = path.join(cache, 'episodes');
const entries = () => readdirSync(episodes).filter((d) => !d.startsWith('.')).flatMap((s) => readdirSync(path.join(episodes, s)).filter((v) => v !== 'source.json').map((v) => path.join(episodes, s, v)));

before(() => {
  mkdirSync(content);
  copyFileSync(bundled, path.join(content, 'chief.youtldr.txt'));
  copyFileSync(path.join(root, 'test', 'fixtures', 'podcast-namespace', 'long-example.vtt'), path.join(content, 'ten.vtt'));
  writeFileSync(path.join(content, 'ten.yml'), 'title: Ten Things\n');
  writeFileSync(path.join(content, 'corrections.yml'), '- from: Akopi\n  to: Jakub Pachocki\n');
});

describe('the episode cache', () => {
  it('prepares everything the first time, nothing the second, and the site is the clean build’s byte for byte', () => {
    assert.equal(cached().line.startsWith('cache: 0 of 2 episode(s) from the cache, 2 prepared'), true);
    const again = cached();
    assert.match(again.line, /^cache: 2 of 2 episode\(s\) from the cache, 0 prepared/);
    assertSameSite(again.out, clean());
  });

  it('prepares only the episode whose sidecar changed', () => {
    writeFileSync(path.join(content, 'ten.yml'), 'title: Ten Things We Wish We Knew\n');
    const site = cached();
    assert.match(site.line, /^cache: 1 of 2 episode\(s\) from the cache, 1 prepared/);
    assert.match(readFileSync(path.join(site.out, 'index.html'), 'utf8'), /Ten Things We Wish We Knew/);
    assertSameSite(site.out, clean());
  });

  it('a correction reaches only the episodes that say its words; one that matches nothing changes nothing', () => {
    // "podcast intro" is said in the talk, not in the interview.
    writeFileSync(path.join(content, 'corrections.yml'), '- from: Akopi\n  to: Jakub Pachocki\n- from: podcast intro\n  to: podcast opening\n- from: zzyzx quuux\n  to: nothing\n');
    const site = cached();
    assert.match(site.line, /^cache: 1 of 2 episode\(s\) from the cache, 1 prepared/);
    assertSameSite(site.out, clean());
    writeFileSync(path.join(content, 'corrections.yml'), '- from: Akopi\n  to: Jakub Pachocki\n- from: podcast intro\n  to: podcast opening\n- from: zzyzx quuux\n  to: something else\n');
    assert.match(cached().line, /^cache: 2 of 2 episode\(s\) from the cache/);
  });

  it('never serves a truncated, garbled or half-written entry: it prepares the episode again', () => {
    rmSync(cache, { recursive: true, force: true });
    cached();
    const [a, b, more] = entries();
    assert.ok(a && b && !more, 'one entry per episode');
    // Truncate one file of one entry; garble the manifest of another.
    const manifest = JSON.parse(readFileSync(path.join(a, 'manifest.json'), 'utf8')) as { files: Record<string, string> };
    const victim = path.join(a, 'files', Object.keys(manifest.files).find((f) => f.endsWith('.mdx'))!);
    writeFileSync(victim, readFileSync(victim).subarray(0, 100));
    writeFileSync(path.join(b, 'manifest.json'), '{"files": {"index.mdx": "0000"');
    // A build killed while writing an entry leaves only its temporary folder (pid 2^22 is never alive).
    mkdirSync(path.join(episodes, '.tmp-4194304-dead', 'files'), { recursive: true });
    // Without the rendered shards kept, the episodes' files are needed again.
    rmSync(path.join(cache, 'shards'), { recursive: true });
    rmSync(path.join(cache, 'groups'), { recursive: true });
    const site = cached();
    // The garbled manifest is a miss at once; the truncated file is found when the entry is copied out.
    assert.match(site.line, /^cache: 1 of 2 episode\(s\) from the cache, 1 prepared/);
    assert.match(site.stdout, /note: .*: its entry in the cache was damaged; prepared again/);
    assertSameSite(site.out, clean());
    assert.equal(existsSync(path.join(episodes, '.tmp-4194304-dead')), false, 'the dead build’s folder is cleared');
    assert.match(cached().line, /^cache: 2 of 2 episode\(s\) from the cache/, 'the damaged entries were replaced');
  });

  it('a build run from another folder finds the same entries: nothing kept depends on where it ran', () => {
    cached();
    const out = path.join(dir, `elsewhere-${++n}`);
    const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'transcript-site.mjs'), 'build', '--content', content, '--out', out, '--cache-dir', cache], { cwd: tempDir('cwd'), encoding: 'utf8', timeout: 300_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^cache: 2 of 2 episode\(s\) from the cache, 0 prepared/m);
    assert.match(run.stdout, /^shard s: 2 episode\(s\), unchanged: from the cache/m);
  });

  it('a new episode renders only its own shard and indexes only its group; the rest comes from the cache, the site as a clean build makes it', () => {
    rmSync(cache, { recursive: true, force: true });
    cachedInShards();
    withShortEpisode('short', () => {
      const again = cachedInShards();
      assert.match(again.stdout, /^cache: 2 of 3 episode\(s\) from the cache, 1 prepared/m);
      assert.equal((again.stdout.match(/^shard s\d*: 1 episode\(s\) rendered/gm) ?? []).length, 1, again.stdout);
      assert.equal((again.stdout.match(/^shard s\d*: 1 episode\(s\), unchanged: from the cache/gm) ?? []).length, 2, again.stdout);
      assert.equal((again.stdout.match(/^search index g\d*: unchanged, from the cache/gm) ?? []).length, 2, again.stdout);
      assertSameSite(again.out, clean(...ONE_PER_SHARD));
    });
  });

  it('fills an empty cache whichever shard the first episode to prepare falls in', () => {
    rmSync(cache, { recursive: true, force: true });
    // "aside" comes first in the folder, and so is prepared first, but its shard renders after
    // chief's (plan.ts): the Astro process loaded for it while preparing is let go, then loaded again.
    assert.deepEqual(planShards(['aside', 'chief', 'ten'], { shardSize: 1, groupSize: 1 })[0]!.shards[0]!.episodes, ['chief']);
    withShortEpisode('aside', () => {
      const run = cachedInShards();
      assert.match(run.stdout, /^cache: 0 of 3 episode\(s\) from the cache, 3 prepared/m);
      assertSameSite(run.out, clean(...ONE_PER_SHARD));
    });
  });

  it('--no-cache prepares everything and neither reads nor writes the cache', () => {
    rmSync(cache, { recursive: true, force: true });
    const run = build(content, path.join(dir, 'nocache'), '--no-cache');
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stdout, /^cache:/m);
    assert.equal(existsSync(cache), false);
  });
});

describe('what an episode is kept by', () => {
  it('is what reaches its files: its inputs, the base path and URL, the downloads, the code; not the site’s title or description', () => {
    const hash = 'f'.repeat(64);
    const key = (settings: { base: string; site?: string; title?: string; description?: string; downloads?: DownloadFile[] }, code = 'code') =>
      new EpisodeCache(tempDir('keys'), code, { downloads: ['captions.vtt'], ...settings }).sourceKey(hash);
    const plain = key({ base: '/', title: 'A', description: 'One thing.' });
    assert.equal(key({ base: '/', title: 'B', description: 'Another.' }), plain);
    assert.notEqual(key({ base: '/sub/', title: 'A' }), plain);
    assert.notEqual(key({ base: '/', site: 'https://example.com' }), plain);
    assert.notEqual(key({ base: '/' }, 'other code'), plain);
    assert.notEqual(key({ base: '/', downloads: ['captions.vtt', 'captions.srt'] }), plain, 'another set of downloads is other files');
  });
});
