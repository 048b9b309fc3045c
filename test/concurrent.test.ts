/** Two builds of one checkout at once (two terminals, CI beside a local build): each gets its own site. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { build, root, tempDir } from './helpers/build.ts';

const examples = path.join(root, 'test', 'fixtures', 'podcast-namespace');

function library(dir: string, file: string): string {
  const content = path.join(dir, `content-${path.parse(file).name}`);
  mkdirSync(content);
  copyFileSync(path.join(examples, file), path.join(content, file));
  return content;
}

/** Every file of a site, relative path → bytes. */
function files(site: string): Map<string, Buffer> {
  return new Map(readdirSync(site, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => [path.relative(site, path.join(f.parentPath, f.name)), readFileSync(path.join(f.parentPath, f.name))] as const));
}

function buildAsync(content: string, out: string): Promise<{ code: number | null; log: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'transcript-site.mjs'), 'build', '--content', content, '--out', out, '--no-cache'], { cwd: root });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d));
    child.stderr.on('data', (d: Buffer) => (log += d));
    child.on('close', (code) => resolve({ code, log }));
  });
}

describe('two builds at once', () => {
  it('each renders its own episodes, byte for byte as when built alone', async () => {
    const dir = tempDir('concurrent');
    const [a, b] = [library(dir, 'long-example.vtt'), library(dir, 'example.srt')];
    for (const [content, out] of [[a, 'alone-a'], [b, 'alone-b']] as const) assert.equal(build(content, path.join(dir, out)).code, 0);
    const [ra, rb] = await Promise.all([buildAsync(a, path.join(dir, 'together-a')), buildAsync(b, path.join(dir, 'together-b'))]);
    assert.equal(ra.code, 0, ra.log);
    assert.equal(rb.code, 0, rb.log);
    for (const name of ['a', 'b']) {
      const [alone, together] = [files(path.join(dir, `alone-${name}`)), files(path.join(dir, `together-${name}`))];
      assert.deepEqual([...together.keys()].sort(), [...alone.keys()].sort(), `site ${name} has the same files`);
      for (const [file, bytes] of alone) assert.ok(bytes.equals(together.get(file)!), `${name}: ${file} differs`);
    }
    assert.ok(files(path.join(dir, 'together-a')).has(path.join('long-example', 'index.html')));
    assert.ok(!files(path.join(dir, 'together-a')).has(path.join('example', 'index.html')), 'no page of the other build');
  });
});
