/**
 * The build's finishing pass (src/build/finish/finish-site.ts) is the last word on "nothing lost": a
 * section page that shows fewer words, other words, or is missing altogether fails the build with a
 * message naming the transcript and the page, even while Pagefind is still indexing other pages.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { finishPages, type Expected } from '../src/build/finish/finish-site.ts';
import { openIndex } from '../src/build/finish/pagefind-index.ts';
import { shownWords } from '../src/build/prepare/prepare-episode.ts';
import { tempDir } from './helpers/build.ts';

const page = (paragraphs: string[]) =>
  '<!DOCTYPE html><html lang="en"><head><title>t</title>' +
  `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self'">` +
  `</head><body><main data-pagefind-body>${paragraphs.map((p) => `<div class="para"><p>${p}</p></div>`).join('')}</main></body></html>`;

/** The words of the one section's transcript, as the rule says a page must show them. */
const SAID = ['We', 'said', 'this.', 'And', 'that.'];

/** A site of `others` filler pages (so Pagefind has work in flight) and one episode with one section. */
function site(name: string, shown: string[] | undefined, others = 40) {
  const dir = tempDir(name);
  const out = path.join(dir, 'site');
  for (let i = 0; i < others; i++) {
    mkdirSync(path.join(out, `a-${i}`), { recursive: true });
    writeFileSync(path.join(out, `a-${i}`, 'index.html'), page([`filler page ${i}`]));
  }
  if (shown) {
    mkdirSync(path.join(out, 'ep', 'talk'), { recursive: true });
    writeFileSync(path.join(out, 'ep', 'talk', 'index.html'), page(shown));
  }
  const episodes: Expected[] = [{ slug: 'ep', file: 'content/ep.vtt', shown: { talk: shownWords(SAID) } }];
  return { out, episodes };
}

const explain = async () => SAID;

describe('the finishing pass', () => {
  it('passes a site whose section page shows every word, and indexes it', async () => {
    const { out, episodes } = site('finish-ok', ['We said this.', 'And that.']);
    const index = await openIndex();
    try {
      assert.equal(await finishPages(out, episodes, index, explain), SAID.length);
      assert.equal(await index.write(path.join(out, 'pagefind')), 41);
    } finally {
      await index.close();
    }
  });

  it('fails on a word the page lost, naming the transcript, the page and the first difference', async () => {
    const { out, episodes } = site('finish-lost', ['We said this.', 'that.']);
    const index = await openIndex();
    try {
      await assert.rejects(finishPages(out, episodes, index, explain), {
        message: 'content/ep.vtt: the page ep/talk/ shows 4 words of 5; first difference at word 4: expected "And", page has "that."',
      });
    } finally {
      await index.close();
    }
  });

  it('fails on other words of the same count', async () => {
    const { out, episodes } = site('finish-other', ['We said this.', 'And those.']);
    await assert.rejects(finishPages(out, episodes, undefined, explain), {
      message: 'content/ep.vtt: the page ep/talk/ shows 5 words of 5; first difference at word 5: expected "that.", page has "those."',
    });
  });

  it('fails on a section page that was never rendered', async () => {
    const { out, episodes } = site('finish-missing', undefined);
    await assert.rejects(finishPages(out, episodes, undefined), { message: 'the page ep/talk/ was not rendered' });
  });
});
