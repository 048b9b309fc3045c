/** Transcript text is data: a hostile transcript builds, renders literally and runs nothing. */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { parse, type HTMLElement } from 'node-html-parser';
import { overviewTree, sectionTree } from '../src/contract/mdx-pages.ts';
import { serializeMdx } from '../src/contract/mdx-serialize.ts';
import { buildEpisode } from '../src/domain/episode.ts';
import { parseYoutldr } from '../src/domain/formats/youtldr.ts';
import { HOSTILE, hostileTranscript } from './fixtures/hostile.ts';
import { build, tempDir, type BuildResult } from './helpers/build.ts';
import { indexedPages } from './helpers/pagefind.ts';
import { openIndex } from '../src/build/finish/pagefind-index.ts';
import { pagefindAttributes, type Captures } from '../src/lib/pagefind-captures.ts';

const source = hostileTranscript();
const episode = buildEpisode(parseYoutldr(source, 'hostile.youtldr.txt'));
let site: BuildResult;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => path.join(dir, f));
}
const squash = (s: string) => s.replace(/\s+/g, ' ');
const textOf = (el: HTMLElement) => squash(el.text);

before(() => {
  const dir = tempDir('hostile');
  writeFileSync(path.join(dir, 'hostile.youtldr.txt'), source);
  site = build(dir, path.join(dir, 'dist'));
});

describe('hostile text', () => {
  it('parses into every field', () => {
    assert.match(episode.source.title, /^export const title/);
    assert.match(episode.source.summary[0]!, /^export const summary/);
    assert.equal(episode.sections[0]!.title, 'export const a = 1');
    assert.match(episode.source.keyPoints[0]!.title, /^export const kp/);
    assert.match(episode.source.quotes[0]!.text, /^export const q/);
    assert.ok(episode.sections.flatMap((s) => s.paragraphs).some((p) => p.text.startsWith('export const z')));
  });

  it('is written as MDX with no code in it', () => {
    for (const tree of [overviewTree(episode), ...episode.sections.map((s) => sectionTree(episode, s))]) {
      const mdx = serializeMdx(tree, 'hostile');
      // ESM is only read at the top level: no generated line may start with import/export.
      assert.doesNotMatch(mdx, /^(import|export)\b/m);
    }
  });

  it('is refused when a page would read back with code or a foreign element in it', () => {
    // The guard itself: trees the writer must never produce, read back by Astro's own parser.
    const root = (...children: unknown[]) => ({ type: 'root', children }) as Parameters<typeof serializeMdx>[0];
    const esm = { type: 'mdxjsEsm', value: 'export const x = globalThis.process.exit(7)' };
    assert.throws(() => serializeMdx(root(esm), 'esm'), /contains code \(mdxjsEsm\)/);
    const expression = { type: 'paragraph', children: [{ type: 'mdxTextExpression', value: 'process.exit(1)' }] };
    assert.throws(() => serializeMdx(root(expression), 'expression'), /contains code \(mdxTextExpression\)/);
    const element = { type: 'mdxJsxFlowElement', name: 'script', attributes: [], children: [] };
    assert.throws(() => serializeMdx(root(element), 'element'), /unexpected element <script>/);
  });

  it('builds: nothing ran at build time', () => {
    assert.equal(site.code, 0, site.stderr + site.stdout);
  });

  it('appears literally on the pages, every string, in every field', () => {
    const overview = parse(readFileSync(path.join(site.out, episode.slug, 'index.html'), 'utf8'));
    const overviewText = textOf(overview);
    for (const field of [episode.source.title, ...episode.source.summary, ...episode.sections.map((s) => s.summary)]) {
      assert.ok(overviewText.includes(squash(field)), `overview misses ${field}`);
    }
    for (const k of episode.source.keyPoints) assert.ok(overviewText.includes(`${k.title} — ${k.explanation}`), k.title);
    for (const q of episode.source.quotes) assert.ok(overviewText.includes(q.text), q.text);
    assert.equal(overview.querySelector('title')!.text.startsWith(episode.source.title), true);

    const transcript = episode.sections
      .map((s) => parse(readFileSync(path.join(site.out, episode.slug, s.slug, 'index.html'), 'utf8')))
      .map((p) => p.querySelectorAll('.para > p').map(textOf).join(' '))
      .join(' ');
    for (const h of HOSTILE) {
      assert.ok(transcript.includes(squash(h)), `transcript misses ${h}`);
      assert.ok(transcript.includes(`and then the speaker said ${squash(h)} in the middle`), `mid-sentence ${h}`);
    }
  });

  it('reaches search whole: the title is each section page’s episode filter and metadata', () => {
    const indexed = indexedPages(site.out);
    for (const s of episode.sections) {
      const { filters, meta } = indexed.get(`/${episode.slug}/${s.slug}/`)!;
      assert.deepEqual(filters.episode, [squash(episode.source.title)], s.slug);
      assert.equal(meta.episode, squash(episode.source.title), s.slug);
    }
  });

  it('adds no script, event handler, javascript: link, iframe or style to any page', () => {
    for (const file of htmlFiles(site.out)) {
      const doc = parse(readFileSync(file, 'utf8'));
      const name = path.relative(site.out, file);
      // Every script is one of ours: theme, paragraph tools, search UI, or JSON data; none holds transcript text.
      for (const script of doc.querySelectorAll('script')) {
        const type = script.getAttribute('type') ?? '';
        const ours = /^\/_astro\/[\w.-]+\.js$/.test(script.getAttribute('src') ?? '') || /localStorage\.theme/.test(script.text) || /para-tools/.test(script.text)
          || /moments-data|transcriptSiteSearch/.test(script.text) || /^application\/(ld\+)?json$/.test(type);
        assert.ok(ours, `${name}: unexpected <script> ${script.text.slice(0, 80)}`);
        if (!type.includes('json')) assert.doesNotMatch(script.text, /alert\(|process\.exit/, `${name}: transcript text inside a script`);
        else assert.doesNotMatch(script.text, /<\/script/i, `${name}: JSON data could close its script element`);
      }
      for (const el of doc.querySelectorAll('*')) {
        for (const attr of Object.keys(el.attributes)) assert.doesNotMatch(attr, /^on/i, `${name}: ${el.tagName} has ${attr}`);
        for (const attr of ['href', 'src']) assert.doesNotMatch(el.getAttribute(attr) ?? '', /^\s*(javascript|data):/i, `${name}: ${attr}`);
      }
      assert.equal(doc.querySelectorAll('iframe, img, b, main style, article style').length, 0, `${name}: injected element`);
    }
  });
});

describe('search filters and metadata holding Pagefind’s own separators', () => {
  // Pagefind reads `key:value, key[attribute]` lists; these values are full of its syntax.
  const SEPARATORS = ['a, b', 'c: d', 'e[f]', 'g]', '[h', ':i', 'j,', 'k,l:m[n]o', 'speaker[data-pf0]', 'x:y, z[data-episode-title]', '"q" \'r\''];
  const values = [...SEPARATORS, ...HOSTILE];
  const title = 'Title, with: a colon [and] "quotes" &amp; </article>';
  // Each value once (those not shared are written inline when last), the last of each list among them.
  const filter: Captures = [['episode', title], ['year', 2026], ['tag', 'watch'], ...values.map((v) => ['speaker', v] as const)];
  const meta: Captures = [['episode', title], ['tag', 'watch'], ...values.map((v, i) => [`m${i}`, `${i}: ${v}`] as const), ['title', 'Last, with: [all] of "it"']];
  const text = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const attribute = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const page = (article: string) => `<!doctype html><html lang="en"><head><title>x</title></head><body>${article}</body></html>`;

  it('are refused as keys', () => {
    for (const key of ['a:b', 'a,b', 'a[b]', ' a', '']) assert.throws(() => pagefindAttributes({ filter: [[key, 'x']] }), /not a Pagefind filter key/, key);
  });

  it('reach the index whole, as they did from a hidden element each', async () => {
    // The way pages said it before (an element each, the value its text) and the way they say it now.
    const spans = [...filter.map(([k, v]) => `<span hidden data-pagefind-ignore data-pagefind-filter="${k}">${text(String(v))}</span>`), ...meta.map(([k, v]) => `<span hidden data-pagefind-ignore data-pagefind-meta="${k}">${text(String(v))}</span>`)];
    const attributes = Object.entries(pagefindAttributes({ filter, meta }, { 'data-episode-title': title })).map(([k, v]) => ` ${k}="${attribute(v)}"`);
    const out = tempDir('pagefind-captures');
    const index = await openIndex();
    try {
      await index.add('before/index.html', page(`<article data-pagefind-body>${spans.join('')}<h1>Heading</h1><p>Some words.</p></article>`));
      await index.add('after/index.html', page(`<article data-pagefind-body data-episode-title="${attribute(title)}"${attributes.join('')}><h1>Heading</h1><p>Some words.</p></article>`));
      assert.equal(await index.write(path.join(out, 'pagefind', 'g')), 2);
    } finally {
      await index.close();
    }
    const pages = indexedPages(out);
    const after = pages.get('/after/')!;
    assert.deepEqual(after, pages.get('/before/'));
    // Each value whole, in order, under its own key (Pagefind decodes entities: the title's &amp;).
    const plain = (v: string) => !/&\w+;|&#/.test(v);
    assert.equal(after.filters.speaker!.length, values.length);
    values.forEach((v, i) => plain(v) && assert.equal(after.filters.speaker![i], v, v));
    assert.deepEqual(after.filters.year, ['2026']);
    values.forEach((v, i) => plain(v) && assert.equal(after.meta[`m${i}`], `${i}: ${v}`, v));
    assert.equal(after.meta.title, 'Last, with: [all] of "it"');
  });
});
