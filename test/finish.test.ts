/**
 * The build's finishing pass (src/build/finish/finish-site.ts) is the last word on "nothing lost": a section
 * page that shows fewer words, other words, or is missing altogether fails the build with a message
 * naming the transcript and the page, even while Pagefind is still indexing other pages.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { finishSite } from '../src/build/finish/finish-site.ts';
import { tempDir } from './helpers/build.ts';

const page = (paragraphs: string[]) =>
  '<!DOCTYPE html><html lang="en"><head><title>t</title>' +
  `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self'">` +
  `</head><body><main data-pagefind-body>${paragraphs.map((p) => `<div class="para"><p>${p}</p></div>`).join('')}</main></body></html>`;

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
  const words = path.join(dir, 'words.json');
  writeFileSync(words, JSON.stringify({ file: 'content/ep.vtt', sections: { talk: ['We', 'said', 'this.', 'And', 'that.'] } }));
  return { out, episodes: [{ slug: 'ep', sections: ['talk'], words }] };
}

describe('the finishing pass', () => {
  it('passes a site whose section page shows every word, and indexes it', async () => {
    const { out, episodes } = site('finish-ok', ['We said this.', 'And that.']);
    await finishSite(out, episodes);
  });

  it('fails on a word the page lost, naming the transcript, the page and the first difference', async () => {
    const { out, episodes } = site('finish-lost', ['We said this.', 'that.']);
    await assert.rejects(finishSite(out, episodes), {
      message: 'content/ep.vtt: the page ep/talk/ shows 4 words of 5; first difference at word 4: expected "And", page has "that."',
    });
  });

  it('fails on a section page that was never rendered', async () => {
    const { out, episodes } = site('finish-missing', undefined);
    await assert.rejects(finishSite(out, episodes), { message: 'the page ep/talk/ was not rendered' });
  });
});
