/**
 * The GitHub Actions workflows the repository ships: valid against the workflow schema (checked
 * offline by action-validator), and the site's workflow does what the README says: parts on a
 * matrix, each with its caches, joined, then published. That the parts and the join make the
 * one-machine site is test/shards.test.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';
import { root } from './helpers/build.ts';

const dir = path.join(root, '.github', 'workflows');
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');

interface Step { uses?: string; run?: string; with?: Record<string, unknown> }
interface Job { needs?: string | string[]; steps: Step[]; strategy?: { matrix: Record<string, unknown[]> }; permissions?: Record<string, string> }

describe('the GitHub Actions workflows', () => {
  it('validate against the workflow schema, every one', () => {
    const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
    assert.deepEqual(files.sort(), ['site.yml', 'test.yml']);
    for (const file of files) {
      const state = validateWorkflow(read(file));
      assert.deepEqual(state.errors, [], `${file}: ${JSON.stringify(state.errors, null, 2)}`);
    }
  });

  it('the validator catches a broken workflow (the check can fail)', () => {
    assert.notDeepEqual(validateWorkflow('on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps: [{ uzes: actions/checkout@v4 }]\n').errors, []);
  });

  it('site.yml builds the parts on a matrix with their caches, joins them, and publishes the joined site', () => {
    const { jobs } = parse(read('site.yml')) as { jobs: Record<string, Job> };
    const part = jobs.part!;
    const parts = part.strategy!.matrix.part!;
    assert.ok(parts.length >= 2, 'a matrix of parts');
    const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');
    const uses = (job: Job) => job.steps.map((s) => s.uses ?? '');
    // Each part: the build of its share, with the caches restored after `npm ci` (which empties node_modules).
    assert.match(runs(part), /transcript-site build --shard \$\{\{ matrix\.part \}\}\/\$\{\{ strategy\.job-total \}\} --out part/);
    const order = part.steps.map((s) => s.uses?.split('@')[0] ?? s.run ?? '');
    assert.ok(order.indexOf('actions/cache') > order.indexOf('npm ci'), 'the cache is restored after npm ci');
    assert.ok(order.indexOf('actions/cache') < order.findIndex((s) => s.includes('--shard')), 'and before the build');
    assert.ok(uses(part).some((u) => u.startsWith('actions/upload-artifact@')));
    // The join needs every part, downloads them all, joins, and hands the site to Pages.
    assert.equal(jobs.join!.needs, 'part');
    assert.ok(uses(jobs.join!).some((u) => u.startsWith('actions/download-artifact@')));
    assert.match(runs(jobs.join!), /transcript-site join --out dist parts\/\*/);
    assert.ok(jobs.join!.steps.some((s) => s.uses?.startsWith('actions/upload-pages-artifact@') && s.with?.path === 'dist'));
    assert.equal(jobs.deploy!.needs, 'join');
    assert.deepEqual(jobs.deploy!.permissions, { pages: 'write', 'id-token': 'write' });
  });

  it('test.yml runs the same script as CI machines', () => {
    const { jobs } = parse(read('test.yml')) as { jobs: Record<string, Job> };
    assert.ok(jobs.test!.steps.some((s) => s.run === 'bash .ci/run'));
  });
});
