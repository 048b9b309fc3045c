/**
 * A section too long for one page goes over several, each inside the section page budget (14 KB
 * gzipped on load, 2 KB of it JavaScript) however long the section: the rule on its own, then a
 * built episode whose second section is nearly the whole hour, with YouTube media (the heaviest
 * page kind). Expected words come from a simple reading of the file, not from the build.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { transcriptWords } from '../src/build/finish/finish-site.ts';
import { sectionTree } from '../src/contract/mdx-pages.ts';
import { buildEpisode } from '../src/domain/episode.ts';
import { readTranscript } from '../src/domain/formats/index.ts';
import { momentParagraphs, resolveMoment } from '../src/domain/moment-ref.ts';
import { PAGE_CHARS, pageOf, pageStarts } from '../src/domain/section-pages.ts';
import { BUDGET, onLoad } from './helpers/budget.ts';
import { build, bundled, tempDir, type BuildResult } from './helpers/build.ts';
import { indexedPages } from './helpers/pagefind.ts';
import { youtldrWords } from './helpers/simple-words.ts';

describe('dividing a section into pages', () => {
  const paragraphs = (...lengths: number[]) => lengths.map((n) => ({ text: 'x'.repeat(n) }));

  it('counts the markup of many short turns: a rapid exchange takes more pages than its characters alone', () => {
    const rapid = Array.from({ length: 400 }, () => ({ text: 'x'.repeat(40), turn: true }));
    assert.ok(pageStarts(rapid).length + 1 > Math.ceil(400 * 40 / PAGE_CHARS));
  });

  it('never makes a page heavier than the limit, where equal shares would', () => {
    const list = paragraphs(1300, 1300, 1200, 1000, 1200, 1100, 1300, 1000, 700, 1300, 1100, 800, 1300, 1000, 1200, 1100, 1000, 1300, 1200, 1200, 1100, 1100, 1200);
    const starts = pageStarts(list);
    const weights = [0, ...starts].map((from, k) => list.slice(from, starts[k]).reduce((n, p) => n + p.text.length + 66, 0));
    assert.ok(Math.max(...weights) <= PAGE_CHARS, weights.join(', '));
  });

  it('keeps a section that fits on one page whole', () => {
    assert.deepEqual(pageStarts(paragraphs(4000, 4000, 4000)), []);
  });

  it('cuts a longer one between paragraphs into parts of about equal length, none over the limit', () => {
    const list = paragraphs(...Array.from({ length: 70 }, (_, i) => 300 + ((i * 37) % 900)));
    const starts = pageStarts(list);
    const chars = (from: number, to?: number) => list.slice(from, to).reduce((n, p) => n + p.text.length, 0);
    const total = chars(0);
    const sizes = [0, ...starts].map((from, k) => chars(from, starts[k]));
    assert.ok(starts.length + 1 >= Math.ceil(total / PAGE_CHARS), `${sizes.length} pages for ${total} characters`);
    for (const size of sizes) assert.ok(size <= PAGE_CHARS && size >= total / sizes.length - 1200, `a page of ${size} characters`);
    assert.ok(sizes.every((n) => Math.abs(n - total / sizes.length) <= 1200), `parts of about equal length: ${sizes.join(', ')}`);
    assert.equal(pageOf(starts, 0), 1);
    assert.equal(pageOf(starts, starts[0]!), 2);
    assert.equal(pageOf(starts, list.length - 1), starts.length + 1);
  });
});

describe('a page that opens inside a speaker’s turn', () => {
  it('names the speaker on its first paragraph', async () => {
    // One guest talking for 40 minutes, in cues of 20 words: one turn, many paragraphs, several pages.
    const said = Array.from({ length: 300 }, (_, i) => `00:${String(Math.floor((i * 8) / 60)).padStart(2, '0')}:${String((i * 8) % 60).padStart(2, '0')}.000 --> 00:${String(Math.floor((i * 8 + 7) / 60)).padStart(2, '0')}:${String((i * 8 + 7) % 60).padStart(2, '0')}.000\n<v Guest>On day ${i + 1} we planted the beans along the fence, and then we watered row ${i + 1} twice before it got dark.`);
    const parsed = await readTranscript(`WEBVTT\n\n${said.join('\n\n')}\n`, 'talk.vtt');
    parsed.sections = [{ start: 0, end: 2400, title: 'All of it', summary: '', origin: 'author', line: undefined }];
    const episode = buildEpisode(parsed);
    const section = episode.sections[0]!;
    const starts = section.pageStarts;
    assert.deepEqual(starts, pageStarts(section.paragraphs));
    assert.ok(starts.length >= 1 && !section.paragraphs[starts[0]!]!.turn, 'page 2 opens inside the turn');
    const first = sectionTree(episode, section, ['Guest'], 2).children.find((n) => n.type === 'mdxJsxFlowElement' && n.name === 'Para');
    const attributes = (first as { attributes: Array<{ name: string; value: unknown }> }).attributes;
    assert.ok(attributes.some((a) => a.name === 'named'), 'its first paragraph is named');
    assert.equal(String(attributes.find((a) => a.name === 'speaker')?.value), '0', 'the guest, by index');
  });
});

describe('a section of nearly an hour', () => {
  const dir = tempDir('pages');
  const slug = 'long';
  const TITLE = 'Continual learning: hype, RL [beyond] "code"';
  const SPEAKERS = ['Efron, Jacob: the host', 'Jakub "JP" [Pachocki], guest'];
  let site: BuildResult;
  let words: string[];
  const html = (...parts: string[]) => readFileSync(path.join(site.out, slug, ...parts, 'index.html'), 'utf8');
  /** The long section's pages in reading order: the section's own folder, then 2, 3… */
  const pages = () => {
    const folder = path.join(site.out, slug, 'everything-else');
    const more = readdirSync(folder).filter((d) => /^\d+$/.test(d)).map(Number).sort((a, b) => a - b);
    return [['everything-else'], ...more.map((n) => ['everything-else', String(n)])];
  };

  before(() => {
    const content = path.join(dir, 'content');
    mkdirSync(content);
    // The bundled export with two sections: 1:53 of introduction, then the rest of the hour.
    const text = readFileSync(bundled, 'utf8').replace(/\r\n/g, '\n');
    const sections = /Section summaries\n\n([\s\S]*?)\nKey points/.exec(text)![1]!;
    const two = '0:00-1:53\n\nIntro\n\noptional\n\nWho is who.\n\n1:53-58:43\n\nEverything Else\n\nwatch\n\nThe whole conversation.\n';
    const long = text.replace(sections, two);
    writeFileSync(path.join(content, 'long.youtldr.txt'), long);
    // Names and a title with Pagefind's separators in them (a comma, a colon, brackets): search must
    // still file each whole under its filter (src/lib/pagefind-captures.ts).
    writeFileSync(path.join(content, 'long.yml'), `slug: ${slug}\ntitle: '${TITLE}'\nmedia: https://www.youtube.com/watch?v=abcdefghijk\nspeakers:\n  alternate: ['${SPEAKERS.join("', '")}']\n`);
    words = youtldrWords(long);
    site = build(content, path.join(dir, 'dist'), '--site', 'https://example.com', '--downloads', 'transcript.md');
    assert.equal(site.code, 0, site.stderr + site.stdout);
  });

  it('goes over several pages, each within 14 KB on load and 2 KB of JavaScript', () => {
    const list = pages();
    assert.ok(list.length >= 5, `${list.length} pages`);
    for (const page of list) {
      const { total, js } = onLoad(site.out, path.join(slug, ...page));
      assert.ok(total <= BUDGET.total && js <= BUDGET.js, `${page.join('/')}: ${total} bytes on load, ${js} of JavaScript`);
    }
  });

  it('shows every word of the file once, in order, across the episode’s pages', () => {
    const shown = [['intro'], ...pages()].flatMap((p) => transcriptWords(parse(html(...p))));
    assert.deepEqual(shown, words);
  });

  it('links the pages in reading order, names each, and keeps the summary and key points on the first', () => {
    const list = pages();
    const indexed = indexedPages(site.out);
    list.forEach((page, k) => {
      const doc = parse(html(...page));
      assert.match(doc.querySelector('.eyebrow')!.text, new RegExp(`page ${k + 1} of ${list.length}`));
      assert.match(doc.querySelector('title')!.text, new RegExp(`Everything Else \\(page ${k + 1} of ${list.length}\\)`));
      const next = doc.querySelector('a[rel=next]')?.getAttribute('href');
      if (k + 1 < list.length) assert.equal(next, `/${slug}/${list[k + 1]!.join('/')}/`);
      const prev = doc.querySelector('a[rel=prev]')!.getAttribute('href');
      assert.equal(prev, k === 0 ? `/${slug}/intro/` : `/${slug}/${list[k - 1]!.join('/')}/`);
      // Each page named for screen readers as "Page 2 of 6", the current one marked.
      const names = doc.querySelectorAll('.page-list a, .page-list [aria-current]').map((a) => a.text);
      assert.deepEqual(names, list.map((_, i) => `Page ${i + 1} of ${list.length}`));
      assert.equal(doc.querySelector('.page-list [aria-current=page]')!.text, `Page ${k + 1} of ${list.length}`);
      assert.equal(doc.querySelectorAll('#summary, .moments').length > 0, k === 0, 'the summary and key points are on the first page only');
      if (k > 0) assert.match(doc.querySelector('meta[name=description]')!.getAttribute('content')!, new RegExp(`page ${k + 1} of ${list.length}: the transcript from`));
      // Search's speaker filter on each page, as Pagefind indexed it: who speaks on that page.
      const { filters, meta } = indexed.get(`/${slug}/${page.join('/')}/`)!;
      const filtered = [...filters.speaker!].sort();
      assert.deepEqual(filters.episode, [TITLE]);
      assert.equal(meta.episode, TITLE);
      assert.equal(meta.title, `Everything Else (page ${k + 1} of ${list.length})`);
      // A paragraph's title is "m:ss · Name" (the name search ranks by and the citation quotes).
      const spoken = (e: { getAttribute(n: string): string | undefined }) => e.getAttribute('data-pagefind-title')!.split(' · ')[1];
      const speaking = [...new Set(doc.querySelectorAll('.para').map(spoken))].sort();
      assert.deepEqual(filtered, speaking, `${page.join('/')}: speaker filter`);
      // A page that opens inside someone's turn still says whose words they are.
      assert.ok(doc.querySelector('.para .speaker'), `${page.join('/')}: its first paragraph names its speaker`);
      assert.equal(doc.querySelector('.para')!.querySelector('.speaker')?.text, spoken(doc.querySelector('.para')!));
    });
  });

  it('sends every link to a paragraph to the page that holds it: key moments, the resolver, the Markdown download, the sitemap', () => {
    const list = pages();
    const idsOn = new Map(list.map((p) => [`/${slug}/${p.join('/')}/`, new Set(parse(html(...p)).querySelectorAll('.para').map((e) => e.id))]));
    const holds = (href: string) => {
      const [page, id] = href.split('#');
      return idsOn.get(page!)?.has(id!) ?? false;
    };
    const first = parse(html(...list[0]!));
    for (const a of first.querySelectorAll('.moment a.ts')) {
      const href = a.getAttribute('href')!;
      assert.ok(href.startsWith('#') ? idsOn.get(`/${slug}/everything-else/`)!.has(href.slice(1)) : holds(href), href);
    }
    const data = JSON.parse(parse(html('at')).querySelector('#moments-data')!.text) as { targets: string[]; seconds: number[][][] };
    for (const t of [200, 1500, 2900, 3500]) {
      const target = resolveMoment(t, momentParagraphs(data.seconds))!;
      assert.ok(holds(`${data.targets[target.section]}#${target.id}`), `${t} s`);
    }
    const links = [...readFileSync(path.join(site.out, slug, 'transcript.md'), 'utf8').matchAll(/\]\(https:\/\/example\.com(\/long\/everything-else\/[^)#]*#t-\d+)\)/g)].map((m) => m[1]!);
    assert.ok(links.length > 20 && links.every(holds), 'the download links each paragraph to its page');
    const sitemap = readFileSync(path.join(site.out, 'sitemap-0.xml'), 'utf8');
    for (const p of list) assert.ok(sitemap.includes(`https://example.com/${slug}/${p.join('/')}/`), p.join('/'));
  });
});
