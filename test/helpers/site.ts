/** A built copy of the bundled episode, served locally, for the browser tests. */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { build, bundled, tempDir } from './build.ts';
import { serve } from './serve.ts';

export { SLUG } from './build.ts';

/**
 * Build the bundled episode (with a sidecar naming the media, so every page feature is on) and
 * serve it; `others` are more transcript files to build beside it.
 */
export async function servedSite(name: string, sidecar?: string, others: readonly string[] = []) {
  const dir = tempDir(name);
  const content = path.join(dir, 'content');
  mkdirSync(content);
  copyFileSync(bundled, path.join(content, path.basename(bundled)));
  for (const file of others) copyFileSync(file, path.join(content, path.basename(file)));
  if (sidecar) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(content, 'openai-chief-scientist.yml'), sidecar);
  }
  const site = build(content, path.join(dir, 'dist'));
  assert.equal(site.code, 0, site.stderr + site.stdout);
  const server = await serve(site.out);
  return { out: site.out, url: server.url, stop: server.stop };
}
