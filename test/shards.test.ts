/**
 * A build split over machines, run here the way the GitHub Actions workflow runs it: N processes
 * of `build --shard K/N`, then `join`. The joined site must be the one-machine build's byte for
 * byte, and `join` must refuse parts that do not make one site: missing, doubled, damaged, or
 * built from other settings, content or code.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { build, root, tempDir } from './helpers/build.ts';

const dir = tempDir('shards');
const content = path.join(dir, 'content');
/** Small shards and indexes, so a small library has several of each. */
const SIZES = ['--shard-size', '2', '--index-size', '4', '--site', 'https://example.com', '--base', '/pod/'];
const N = 3;
const partDir = (k: number, set = 'parts') => path.join(dir, set, String(k));

function join(out: string, ...parts: string[]) {
  const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'transcript-site.mjs'), 'join', '--out', out, ...parts], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every file of a folder, relative path → bytes. */
function files(site: string): Map<string, Buffer> {
  return new Map(readdirSync(site, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => {
    const full = path.join(f.parentPath, f.name);
    return [path.relative(site, full), readFileSync(full)] as const;
  }));
}

/** A copy of part k whose manifest `edit` changes. */
function tampered(k: number, name: string, edit: (manifest: Record<string, unknown>) => void): string {
  const copy = path.join(dir, name);
  cpSync(partDir(k), copy, { recursive: true });
  const file = path.join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(manifest);
  writeFileSync(file, JSON.stringify(manifest));
  return copy;
}

const fixtures = path.join(root, 'test', 'fixtures');
let whole: string;

before(() => {
  mkdirSync(content);
  for (const f of ['long-example.vtt', 'short-example.vtt', 'example.srt']) copyFileSync(path.join(fixtures, 'podcast-namespace', f), path.join(content, f));
  copyFileSync(path.join(fixtures, 'podcast-namespace', 'example.json'), path.join(content, 'vader.json'));
  for (const f of ['otter.txt', 'descript.txt', 'rev.txt', 'meeting.vtt', 'subtitles.srt', 'transcript-only.youtldr.txt']) copyFileSync(path.join(fixtures, 'formats', f), path.join(content, f));
  writeFileSync(path.join(content, 'corrections.yml'), '- from: podcast intro\n  to: podcast opening\n');
  const one = build(content, path.join(dir, 'one'), ...SIZES);
  assert.equal(one.code, 0, one.stderr + one.stdout);
  whole = one.out;
  for (let k = 1; k <= N; k++) {
    const part = build(content, partDir(k), ...SIZES, '--shard', `${k}/${N}`);
    assert.equal(part.code, 0, part.stderr + part.stdout);
  }
});

describe('a build in shards', () => {
  it('joined from its parts is the one-machine build byte for byte: pages, assets, downloads, feeds, search', () => {
    const joined = join(path.join(dir, 'joined'), ...Array.from({ length: N }, (_, i) => partDir(i + 1)));
    assert.equal(joined.code, 0, joined.stderr + joined.stdout);
    const [a, b] = [files(whole), files(path.join(dir, 'joined'))];
    assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
    for (const [file, bytes] of a) assert.ok(bytes.equals(b.get(file)!), `${file} differs`);
    // What a reader would miss if the join dropped any of it.
    for (const file of ['index.html', 'rss.xml', 'sitemap-index.xml', 'sitemap-0.xml', 'llms.txt', '404.html', 'search/index.html', 'pagefind/bundles.json', 'pagefind/pagefind.js']) {
      assert.ok(a.has(file), `${file} is in the site`);
    }
    // The library lists all ten episodes, and the sitemap every overview.
    assert.equal((readFileSync(path.join(whole, 'index.html'), 'utf8').match(/class="episode-card"/g) ?? []).length, 10);
    const sitemap = readFileSync(path.join(whole, 'sitemap-0.xml'), 'utf8');
    for (const episode of readdirSync(whole).filter((d) => existsSync(path.join(whole, d, 'at')))) assert.ok(sitemap.includes(`https://example.com/pod/${episode}/</loc>`), episode);
  });

  it('has several shards and search indexes, each index listed once', () => {
    const { bundles } = JSON.parse(readFileSync(path.join(whole, 'pagefind', 'bundles.json'), 'utf8')) as { bundles: string[] };
    assert.ok(bundles.length >= 2, `bundles: ${bundles}`);
    assert.equal(new Set(bundles).size, bundles.length);
    for (const b of bundles) assert.ok(existsSync(path.join(whole, 'pagefind', b, 'pagefind-entry.json')), b);
    const shards = readdirSync(path.join(partDir(1), 'shards')).length + readdirSync(path.join(partDir(2), 'shards')).length + (existsSync(path.join(partDir(3), 'shards')) ? readdirSync(path.join(partDir(3), 'shards')).length : 0);
    assert.ok(shards >= 4, `shards: ${shards}`);
  });

  it('join refuses a missing part, naming it, and leaves the previous site as it was', () => {
    const out = path.join(dir, 'kept');
    mkdirSync(out);
    writeFileSync(path.join(out, 'index.html'), 'the previous site');
    const run = join(out, partDir(1), partDir(2));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /shard 3\/3 missing/);
    assert.equal(readFileSync(path.join(out, 'index.html'), 'utf8'), 'the previous site');
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  });

  it('join refuses a part given twice', () => {
    const run = join(path.join(dir, 'twice'), partDir(1), partDir(2), partDir(2), partDir(3));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /is shard 2\/3 again/);
  });

  it('join refuses a part built with other settings, naming the setting', () => {
    const other = build(content, partDir(3, 'other-site'), '--shard-size', '2', '--index-size', '4', '--site', 'https://example.org', '--base', '/pod/', '--shard', `3/${N}`);
    assert.equal(other.code, 0, other.stderr);
    const run = join(path.join(dir, 'settings'), partDir(1), partDir(2), partDir(3, 'other-site'));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /built with other settings: site "https:\/\/example.org"/);
  });

  it('join refuses a part of another content folder, naming the episode that differs', () => {
    const changed = path.join(dir, 'content-changed');
    cpSync(content, changed, { recursive: true });
    writeFileSync(path.join(changed, 'otter.txt'), `${readFileSync(path.join(content, 'otter.txt'), 'utf8')}\n`);
    const other = build(changed, partDir(2, 'other-content'), ...SIZES, '--shard', `2/${N}`);
    assert.equal(other.code, 0, other.stderr);
    const run = join(path.join(dir, 'content'), partDir(1), partDir(2, 'other-content'), partDir(3));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /another content folder than shard 1\/3 .*: the files of the episode "otter" differ/);
  });

  it('join refuses a part built from other code', () => {
    const copy = tampered(1, 'other-code', (m) => (m.code = '0'.repeat(64)));
    const run = join(path.join(dir, 'code'), copy, partDir(2), partDir(3));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /was built from other code than this checkout's/);
  });

  it('join refuses a part with a file missing or changed', () => {
    const incomplete = path.join(dir, 'incomplete');
    cpSync(partDir(1), incomplete, { recursive: true });
    const manifest = JSON.parse(readFileSync(path.join(incomplete, 'manifest.json'), 'utf8')) as { files: Record<string, string> };
    const page = Object.keys(manifest.files).find((f) => f.endsWith('index.html'))!;
    rmSync(path.join(incomplete, page));
    let run = join(path.join(dir, 'broken'), incomplete, partDir(2), partDir(3));
    assert.equal(run.code, 1);
    assert.match(run.stderr, new RegExp(`is incomplete: ${page.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is missing`));
    writeFileSync(path.join(incomplete, page), 'not the page that was built');
    run = join(path.join(dir, 'broken'), incomplete, partDir(2), partDir(3));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /is damaged: .* is not the file that was built/);
  });
});
