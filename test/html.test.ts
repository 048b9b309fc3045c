/** Every built page is valid HTML (html-validate, recommended rules; see .htmlvalidate.json). */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { HtmlValidate, StaticConfigLoader, formatterFactory } from 'html-validate';
import { build, bundled, root, tempDir, type BuildResult } from './helpers/build.ts';
import { htmlFiles } from './helpers/links.ts';
import { HOSTILE } from './fixtures/hostile.ts';

let site: BuildResult;
before(() => {
  const dir = tempDir('html');
  const content = path.join(dir, 'content');
  mkdirSync(content);
  copyFileSync(bundled, path.join(content, 'ep.youtldr.txt'));
  // Media, speakers and quotes with markup in them: every optional part of the pages renders.
  writeFileSync(path.join(content, 'ep.yml'), `media: https://cdn.example.com/a.mp3\nspeakers:\n  alternate: [Host, Guest]\ndescription: ${JSON.stringify(HOSTILE.slice(0, 6).join(' '))}\n`);
  site = build(content, path.join(dir, 'dist'), '--site', 'https://example.com');
  assert.equal(site.code, 0, site.stderr);
});

describe('HTML validity', () => {
  it('html-validate finds no error in any page of dist/', async () => {
    // The project's config, explicitly: the built files live outside the project folder.
    const config = JSON.parse(readFileSync(path.join(root, '.htmlvalidate.json'), 'utf8'));
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    const files = htmlFiles(site.out);
    assert.ok(files.length >= 12);
    const problems: string[] = [];
    for (const file of files) {
      const report = await validator.validateFile(file);
      if (!report.valid) problems.push(formatterFactory('text')(report.results));
    }
    assert.deepEqual(problems, []);
  });

  it('the validator catches what it should (the check can fail)', async () => {
    const config = JSON.parse(readFileSync(path.join(root, '.htmlvalidate.json'), 'utf8'));
    const report = await new HtmlValidate(new StaticConfigLoader(config)).validateString('<!doctype html><html lang="en"><head><title>x</title></head><body><p><div>nested</div></p><a>x</a></body></html>');
    assert.equal(report.valid, false);
  });
});
