/** The command's first words to a user who typed something wrong, or runs it on an old Node. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { root } from './helpers/build.ts';

const command = path.join(root, 'scripts', 'transcript-site.mjs');
const run = (node: string, ...args: string[]) => spawnSync(node, [command, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

/** A Node older than 22.12 on this machine (Debian's is 20), to run the command with. */
function oldNode(): string | undefined {
  for (const node of ['/usr/bin/node', '/usr/local/bin/node']) {
    if (!existsSync(node)) continue;
    const version = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
    const [major, minor] = version.split('.').map(Number) as [number, number];
    if (major < 22 || (major === 22 && minor < 12)) return node;
  }
  return undefined;
}

describe('the transcript-site command', () => {
  it('answers an unknown option with one line and the help, not a stack trace', () => {
    const r = run(process.execPath, 'build', '--bogus');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^error: Unknown option '--bogus'/);
    assert.match(r.stderr, /Usage:/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  });

  it('shows the help for build --help', () => {
    const r = run(process.execPath, 'build', '--help');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /Build options:/);
  });

  const old = oldNode();
  it('on a Node older than 22.12, says which Node is needed and how to get it, in one line', { skip: old ? false : 'no Node older than 22.12 on this machine' }, () => {
    const r = run(old!, 'build');
    assert.equal(r.status, 1);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /needs Node 22\.12 or newer.*this is Node \d+\.\d+\.\d+.*nodejs\.org/);
  });
});
