/**
 * `npm run dev`: the site served as you edit it. An edit shows within seconds, a mistake is named
 * with its file and line while the last good version stays served, and a build beside it is right.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build, root, tempDir } from './helpers/build.ts';
import { launch } from './helpers/browser.ts';
import { browserSkipReason } from './helpers/browser-guard.ts';

const examples = path.join(root, 'test', 'fixtures', 'podcast-namespace');
const dir = tempDir('dev');
const content = path.join(dir, 'content');
let child: ChildProcess;
let log = '';
let origin = '';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, seconds = 20): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`${what}: not within ${seconds} s. Log:\n${log.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

const page = async (p: string) => {
  const response = await fetch(`${origin}${p}`);
  return response.ok ? await response.text() : undefined;
};

before(async () => {
  mkdirSync(content);
  copyFileSync(path.join(examples, 'long-example.vtt'), path.join(content, 'ten.vtt'));
  writeFileSync(path.join(content, 'ten.yml'), 'title: Ten Things\nslug: ten\n');
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, [path.join(root, 'scripts', 'transcript-site.mjs'), 'dev', '--content', content, '--port', String(port), '--host', '127.0.0.1', '--cache-dir', path.join(dir, 'cache')], { cwd: root });
  child.stdout!.on('data', (d: Buffer) => (log += d));
  child.stderr!.on('data', (d: Buffer) => (log += d));
  await until('the dev server serves the episode', () => page('/ten/'), 90);
});

after(async () => {
  child?.kill('SIGINT');
  await new Promise((r) => child?.once('exit', r));
});

describe('npm run dev', () => {
  it('serves the library and its pages', async () => {
    assert.match((await page('/'))!, /Ten Things/);
    assert.match(log, /dev: serving http:\/\//);
  });

  it('shows an edit to a sidecar within seconds, preparing only that episode', async () => {
    copyFileSync(path.join(examples, 'example.srt'), path.join(content, 'other.srt'));
    await until('the new episode appears', async () => ((await page('/'))?.includes('/other/') ? true : undefined));
    const started = Date.now();
    writeFileSync(path.join(content, 'ten.yml'), 'title: Ten Things We Wish We Knew\nslug: ten\n');
    await until('the new title is served', async () => ((await page('/ten/'))?.includes('Ten Things We Wish We Knew') ? true : undefined));
    const seconds = (Date.now() - started) / 1000;
    console.log(`# dev: a sidecar edit was served after ${seconds.toFixed(1)} s`);
    assert.ok(seconds < 10, `shown after ${seconds.toFixed(1)} s`);
    assert.match(log, /dev: 1 episode\(s\) updated in [\d.]+ s: ten\.vtt\n/);
  });

  it('names a mistake by file and line, and keeps serving the last good version', async () => {
    writeFileSync(path.join(content, 'ten.yml'), 'title: Ten Things We Wish We Knew\nslug: ten\ndate: not a date\n');
    await until('the error is reported', async () => (/error: .*ten\.yml:3/.test(log) ? true : undefined));
    assert.match((await page('/ten/'))!, /Ten Things We Wish We Knew/);
  });

  it('lets npm run build give a correct dist/ while it runs', () => {
    const out = path.join(dir, 'dist');
    const run = build(content, out);
    // The broken sidecar fails the build as it should; fixed, the build succeeds beside the dev server.
    assert.equal(run.code, 1);
    writeFileSync(path.join(content, 'ten.yml'), 'title: Ten Things\nslug: ten\n');
    const fixed = build(content, out);
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.match(readFileSync(path.join(out, 'ten', 'index.html'), 'utf8'), /Ten Things/);
    assert.match(readFileSync(path.join(out, 'pagefind', 'g', 'pagefind-entry.json'), 'utf8'), /"page_count"/);
  });

  it('says on the search page that search needs a build', { skip: browserSkipReason() }, async () => {
    const browser = await launch();
    try {
      const tab = await browser.newPage();
      await tab.goto(`${origin}/search/`);
      await tab.getByText(/Search is not available in the dev server \(npm run dev\)/).waitFor({ timeout: 30_000 });
    } finally {
      await browser.close();
    }
  });
});
