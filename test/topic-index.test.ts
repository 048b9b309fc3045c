/**
 * The index of names and topics, over a library of the bundled episode and the CC0 Podcasting 2.0
 * examples: `/topics/` A to Z, a page per entry listing every section that says it, grouped by
 * episode, each with the first paragraph that says it, linked, and a short excerpt with the words
 * marked. Grounded: every linked paragraph, as the built page shows it,
 * holds the entry's words or stem relatives of them (read here with the Porter2 stemmer itself,
 * not with the build's code). Section pages and overviews link to their entries; overviews list
 * related episodes with the entries they share. The rules themselves (variants are one entry,
 * vague words never are, the number is bounded) are tested on the domain.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { HtmlValidate, StaticConfigLoader, formatterFactory } from 'html-validate';
import { parse } from 'node-html-parser';
import { ENTRIES_PER_EPISODE, indexedOnly, MIN_ENTRIES, RELATED_EPISODES, topicIndex, type IndexedEpisode } from '../src/domain/topic-index/entries.ts';
import { episodeTerms, EXCERPT_CONTEXT, MENTIONS_PER_SECTION } from '../src/domain/topic-index/episode-terms.ts';
import type { Section } from '../src/domain/types.ts';
import { readEpisode } from '../src/domain/read-episode.ts';
import { build, bundled, root, SLUG, tempDir, type BuildResult } from './helpers/build.ts';
import { brokenLinks, fileFor, htmlFiles, load } from './helpers/links.ts';

const stem = createRequire(import.meta.url)('wink-porter2-stemmer') as (word: string) => string;
const namespace = path.join(root, 'test', 'fixtures', 'podcast-namespace');

/** The stems of a text's words, lower-cased, apostrophes and hyphens splitting nothing. */
const stems = (text: string) => new Set((text.toLowerCase().match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? []).flatMap((w) => [stem(w), ...w.split(/[-'’]/).map(stem)]));
/** The words of an entry that must be in a paragraph: all but "of" (its phrases are nouns and adjectives; "chain of thought"). */
const entryWords = (label: string) => label.toLowerCase().split(/\s+/).filter((w) => w !== 'of');
/** A paragraph's words, run together as an entry's key runs them ("open AI" is "OpenAI"). */
const runTogether = (text: string) => [...(text.toLowerCase().match(/\p{L}[\p{L}\p{N}]*/gu) ?? [])];

function grounded(label: string, paragraph: string): boolean {
  const words = entryWords(label);
  const have = stems(paragraph);
  if (words.every((w) => have.has(stem(w)))) return true;
  // "OpenAI" said as "open AI": the words of the paragraph, two by two, run together.
  const tokens = runTogether(paragraph);
  const joined = new Set(tokens.slice(1).map((t, i) => stem(tokens[i]! + t)));
  return words.length === 1 && joined.has(stem(words[0]!));
}

/** An excerpt's context: its characters besides the marked words and the ellipses that say it is cut. */
const context = (excerpt: string, marked: string) => excerpt.replace(/^…/, '').replace(/…$/, '').length - marked.length;

let site: BuildResult;
before(() => {
  const dir = tempDir('topic-index');
  const content = path.join(dir, 'content');
  mkdirSync(content);
  copyFileSync(bundled, path.join(content, 'chief-scientist.youtldr.txt'));
  for (const f of ['example.json', 'long-example.vtt', 'short-example.vtt', 'example.srt']) copyFileSync(path.join(namespace, f), path.join(content, f.replace('.', f === 'example.srt' ? '-captions.' : '.')));
  site = build(content, path.join(dir, 'dist'), '--site', 'https://example.com');
  assert.equal(site.code, 0, site.stderr);
});

const entryPages = () => htmlFiles(path.join(site.out, 'topics')).filter((f) => !f.endsWith(path.join('topics', 'index.html')) && !f.includes(`${path.sep}by-letter${path.sep}`));

describe('the index of names and topics, built', () => {
  it('lists its entries A to Z, each linking to its page', () => {
    const doc = load(path.join(site.out, 'topics', 'index.html'));
    const labels = doc.querySelectorAll('.entry-list a').map((a) => a.text);
    assert.ok(labels.length >= 20, `${labels.length} entries`);
    assert.deepEqual(labels, [...labels].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    for (const a of doc.querySelectorAll('.entry-list a')) assert.ok(fileFor(site.out, a.getAttribute('href')!), a.getAttribute('href'));
    // Words that say nothing are never entries.
    for (const vague of ['thing', 'things', 'lot', 'way', 'stuff', 'people']) assert.ok(!labels.some((l) => l.toLowerCase() === vague), vague);
    // Variants of one phrase are one entry: no two labels differ only by case or a plural "s".
    const seen = new Map<string, string>();
    for (const l of labels) {
      const key = l.toLowerCase().replace(/s$/, '');
      assert.ok(!seen.has(key), `"${l}" and "${seen.get(key)}" are one entry`);
      seen.set(key, l);
    }
  });

  it('grounded: every paragraph an entry links to holds its words or their stem relatives (zero exceptions)', () => {
    const pages = entryPages();
    assert.ok(pages.length >= 20);
    let links = 0;
    const wrong: string[] = [];
    for (const file of pages) {
      const doc = load(file);
      const label = doc.querySelector('h1')!.text.trim();
      for (const a of doc.querySelectorAll('.entry-mentions a.ts')) {
        const url = new URL(a.getAttribute('href')!, 'http://site/');
        const target = fileFor(site.out, url.pathname);
        const paragraph = target && load(target).getElementById(decodeURIComponent(url.hash.slice(1)));
        links++;
        if (!paragraph) wrong.push(`${label}: ${a.getAttribute('href')} → no such paragraph`);
        else if (!grounded(label, paragraph.querySelector('p')?.text ?? paragraph.text)) wrong.push(`${label}: ${a.getAttribute('href')} does not say it: ${paragraph.text.slice(0, 120)}`);
      }
    }
    assert.ok(links >= 60, `${links} links`);
    assert.deepEqual(wrong, []);
  });

  it('an entry lists every section that discusses it, grouped by episode, with time, excerpt and the words marked', () => {
    const doc = load(fileFor(site.out, '/topics/podcast/')!);
    const episodes = doc.querySelectorAll('.entry-episode');
    assert.ok(episodes.length >= 3, 'the CC0 examples are about podcasting');
    const mention = doc.querySelector('.entry-mentions li')!;
    assert.match(mention.querySelector('.ts')!.text, /^\d+:\d\d/);
    assert.match(mention.querySelector('mark')!.text, /^podcast/i);
    // Independent of the build: in every episode listed (one whose subjects include it), every
    // section whose page says "podcast" is listed, and only sections of that episode.
    for (const e of episodes) {
      const href = e.querySelector('h2 a')!.getAttribute('href')!;
      const listed = new Set(e.querySelectorAll('h3 a').map((a) => a.getAttribute('href')!));
      for (const s of listed) assert.ok(s.startsWith(href), `${s}: a section of ${href}`);
      const folder = path.join(site.out, href);
      const saying = htmlFiles(folder)
        .filter((f) => path.relative(folder, f).split(path.sep).length === 2)
        .filter((f) => load(f).querySelectorAll('.para').some((p) => /\bpodcasts?\b/i.test(p.text)))
        .map((f) => `${href}${path.relative(folder, path.dirname(f))}/`);
      assert.ok(saying.length >= 1);
      for (const s of saying) assert.ok(listed.has(s), `${s} says "podcast" but is not listed`);
    }
  });

  it('each section listed shows one paragraph, with an excerpt of about EXCERPT_CONTEXT characters around the words; the count of sections is every section listed', () => {
    // Entries over several pages count their sections over all of them: group the pages by entry.
    const byEntry = new Map<string, string[]>();
    for (const file of entryPages()) {
      const entry = path.relative(path.join(site.out, 'topics'), file).split(path.sep)[0]!;
      byEntry.set(entry, [...(byEntry.get(entry) ?? []), file]);
    }
    assert.ok(byEntry.size >= 20);
    let excerpts = 0;
    for (const [entry, files] of byEntry) {
      let sections = 0;
      let said: number | undefined;
      for (const file of files) {
        const doc = load(file);
        said ??= Number(/Discussed in (\d+) sections?/.exec(doc.querySelector('.library-count')!.text)![1]);
        for (const li of doc.querySelectorAll('.entry-sections > li')) {
          sections++;
          const mentions = li.querySelectorAll('.entry-mentions > li');
          assert.equal(mentions.length, MENTIONS_PER_SECTION, `${entry}: ${li.querySelector('h3')!.text}`);
          for (const m of mentions) {
            const excerpt = m.querySelector('.excerpt')!.text;
            const marked = m.querySelector('mark')!.text;
            assert.ok(marked.length > 0);
            assert.ok(context(excerpt, marked) <= EXCERPT_CONTEXT, `${entry}: "${excerpt}"`);
            excerpts++;
          }
        }
      }
      assert.equal(sections, said, `${entry}: "Discussed in ${said} sections", ${sections} listed`);
    }
    assert.ok(excerpts >= 60, `${excerpts} excerpts`);
  });

  it('section pages and overviews link to their entries; overviews list related episodes and what they share', () => {
    const overview = load(path.join(site.out, SLUG, 'index.html'));
    const entries = overview.querySelectorAll('.entry-links a');
    assert.ok(entries.length >= 3 && entries.length <= 8, `${entries.length} entries`);
    for (const a of entries) assert.ok(fileFor(site.out, a.getAttribute('href')!));
    const section = load(path.join(site.out, SLUG, 'ai-safety-and-alignment', 'index.html'));
    const here = section.querySelectorAll('.entry-links a');
    assert.ok(here.length >= 1);
    // A section's entries are said in that section.
    const text = section.querySelectorAll('.para').map((p) => p.text).join(' ');
    for (const a of here) assert.ok(grounded(a.text, text), `${a.text} on the section page`);

    const related = load(path.join(site.out, 'long-example', 'index.html')).querySelectorAll('.related li');
    assert.ok(related.length >= 1 && related.length <= RELATED_EPISODES);
    // The same talk in another format shares the most.
    assert.equal(related[0]!.querySelector('a')!.getAttribute('href'), '/example-captions/');
    for (const li of related) {
      const other = li.querySelector('a')!.getAttribute('href')!;
      for (const label of li.querySelector('.shared')!.text.replace(/^Also about /, '').split(', ')) {
        const entry = entryPagesOf(label);
        assert.ok(entry.includes('/long-example/') && entry.includes(other), `"${label}" is in both`);
      }
    }
    // No page keeps the join's mark.
    for (const f of htmlFiles(site.out)) assert.ok(!readFileSync(f, 'utf8').includes('transcript-site:index'), f);
  });

  it('the sitemap and llms.txt list the index', () => {
    const sitemap = readFileSync(path.join(site.out, 'sitemap-0.xml'), 'utf8');
    assert.match(sitemap, /https:\/\/example\.com\/topics\/<\/loc>/);
    assert.match(sitemap, /https:\/\/example\.com\/topics\/podcast\/<\/loc>/);
    const llms = readFileSync(path.join(site.out, 'llms.txt'), 'utf8');
    assert.match(llms, /## Index of names and topics/);
    assert.match(llms, /\[podcast\]\(https:\/\/example\.com\/topics\/podcast\/\)/);
    assert.match(llms, /## People/);
  });

  it('html-validate finds no error and no link is broken on the new pages', async () => {
    const config = JSON.parse(readFileSync(path.join(root, '.htmlvalidate.json'), 'utf8'));
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    const problems: string[] = [];
    for (const file of [...htmlFiles(path.join(site.out, 'topics')), path.join(site.out, 'long-example', 'index.html'), path.join(site.out, SLUG, 'ai-safety-and-alignment', 'index.html')]) {
      const report = await validator.validateFile(file);
      if (!report.valid) problems.push(formatterFactory('text')(report.results));
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(brokenLinks(site.out), []);
  });
});

/** The episodes an entry's page lists, by the label shown. */
function entryPagesOf(label: string): string[] {
  const index = load(path.join(site.out, 'topics', 'index.html'));
  const a = index.querySelectorAll('.entry-list a').find((x) => x.text === label)!;
  return load(fileFor(site.out, a.getAttribute('href')!)!).querySelectorAll('.entry-episode h2 a').map((x) => x.getAttribute('href')!);
}

/** A text's words: runs of letters and digits, whatever is between them. */
const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];
/** Whether `text` says `form` word for word (its words in a row, as written). */
function says(text: string, form: string): boolean {
  const have = words(text);
  const want = words(form);
  return have.some((_, i) => want.every((w, k) => have[i + k] === w));
}

describe('an episode’s candidates keep the first paragraph of each section that says them', () => {
  const read = async (file: string) => readEpisode({ name: path.basename(file).replace(/\..*$/, ''), transcript: { name: path.basename(file), text: readFileSync(file, 'utf8') } });

  for (const [name, file] of [['the bundled episode', bundled], ['the CC0 long example', path.join(namespace, 'long-example.vtt')]] as const) {
    it(`${name}: one paragraph per section, the first that says the term, with about EXCERPT_CONTEXT characters around the words`, async () => {
      const episode = await read(file);
      assert.ok(episode.terms.length >= 5, `${episode.terms.length} terms`);
      const contexts: number[] = [];
      for (const term of episode.terms) {
        const forms = Object.keys(term.forms);
        for (const listed of term.sections) {
          assert.equal(listed.mentions.length, MENTIONS_PER_SECTION, `${term.key} in ${listed.section}`);
          // Read independently of the build: the section's paragraphs in order, the first that says one of its forms.
          const section = episode.sections.find((s) => s.slug === listed.section)!;
          const first = section.paragraphs.find((p) => forms.some((f) => says(p.text, f)))!;
          const [m] = listed.mentions;
          assert.deepEqual([m!.id, m!.time], [first.id, first.time], `${term.key} in ${listed.section}`);
          const marked = m!.excerpt.slice(...m!.mark);
          assert.ok(forms.some((f) => says(marked, f) && words(marked).length === words(f).length), `${term.key}: "${marked}" is one of its forms`);
          // The excerpt is the paragraph's own text, with "…" where it is cut and only there.
          const body = m!.excerpt.replace(/^…/, '').replace(/…$/, '');
          const at = first.text.indexOf(body);
          assert.ok(at >= 0, `${term.key}: "${m!.excerpt}" is not in its paragraph`);
          assert.equal(m!.excerpt.startsWith('…'), at > 0, m!.excerpt);
          assert.equal(m!.excerpt.endsWith('…'), at + body.length < first.text.trimEnd().length, m!.excerpt);
          assert.ok(context(m!.excerpt, marked) <= EXCERPT_CONTEXT, `"${m!.excerpt}"`);
          // Where the paragraph has room on both sides, the excerpt uses about all of it (cut at spaces).
          const words0 = first.text.indexOf(marked);
          if (words0 >= EXCERPT_CONTEXT && first.text.length - words0 - marked.length >= EXCERPT_CONTEXT) contexts.push(context(m!.excerpt, marked));
        }
      }
      assert.ok(contexts.length >= 5, `${contexts.length} excerpts with room`);
      const mean = contexts.reduce((a, b) => a + b, 0) / contexts.length;
      assert.ok(mean >= 0.75 * EXCERPT_CONTEXT, `mean context ${mean}`);
    });
  }

  it('a name is a name however few paragraphs are kept: said inside a sentence only in a later paragraph', () => {
    const paragraphs = [
      'Kestrel Labs builds drones for farms. They fly low and slow over the fields.',
      'Kestrel Labs also sells the software that plans the routes of the drones.',
      'We met the founders of Kestrel Labs in Lisbon last year, at a small conference.',
    ].map((text, i) => ({ id: `t-${i * 10}`, time: i * 10, text, turn: i === 0 }));
    const section = { slug: 'drones', paragraphs, pageStarts: [] } as unknown as Section;
    const [term] = episodeTerms([section], [[paragraphs.map((p) => p.text).join(' ')]], { names: true });
    assert.equal(term?.key, 'kestrellab');
    assert.equal(term.name, true, 'the third paragraph says it inside a sentence');
    // Every paragraph says it: the first MENTIONS_PER_SECTION are kept.
    assert.deepEqual(term.sections.map((s) => s.mentions.map((m) => m.id)), [paragraphs.slice(0, MENTIONS_PER_SECTION).map((p) => p.id)]);
  });
});

describe('the index of names and topics, its rules', () => {
  const term = (key: string, forms: Record<string, number>, sections: string[], name = false) => ({
    key,
    forms,
    name,
    count: Object.values(forms).reduce((a, b) => a + b, 0),
    sections: sections.map((section) => ({ section, count: 1, mentions: [{ id: 't-1', time: 1, page: 1, excerpt: Object.keys(forms)[0]!, mark: [0, Object.keys(forms)[0]!.length] as [number, number] }] })),
  });
  const episode = (id: string, topics: IndexedEpisode['topics']): IndexedEpisode => ({ id, title: id, sections: [{ section: 'a', title: 'A' }, { section: 'b', title: 'B' }], topics });

  it('variants of one phrase are one entry, shown as it is said most', () => {
    const index = topicIndex([episode('one', [term('model', { models: 3, Models: 1 }, ['a'])]), episode('two', [term('model', { model: 1 }, ['b'])])]);
    assert.deepEqual(index.entries.map((e) => [e.label, e.sectionCount, e.episodes.length]), [['models', 2, 2]]);
  });

  it('an entry must recur: one section of one episode is not enough', () => {
    const index = topicIndex([episode('one', [term('sourdough', { sourdough: 2 }, ['a']), term('starter', { starter: 2 }, ['a', 'b'])])]);
    assert.deepEqual(index.entries.map((e) => e.label), ['starter']);
  });

  it('the number of entries is bounded by the size of the library, the most widely said kept', () => {
    const library = Array.from({ length: 10 }, (_, i) => episode(`ep${i}`, [
      ...Array.from({ length: 30 }, (_, k) => term(`rare${i}x${k}`, { [`rare${i}x${k}`]: 2 }, ['a', 'b'])),
      term('shared', { shared: 1 }, ['a']),
    ]));
    const index = topicIndex(library);
    assert.equal(index.entries.length, MIN_ENTRIES + ENTRIES_PER_EPISODE * 10);
    assert.ok(index.entries.some((e) => e.label === 'shared'), 'said in every episode: kept first');
  });

  it('the site-wide pages, given only the terms the index keeps, make the same index', () => {
    const library = Array.from({ length: 12 }, (_, i) => episode(`ep${i}`, [
      ...Array.from({ length: 8 }, (_, k) => term(`t${(i * 3 + k) % 30}`, { [`t${(i * 3 + k) % 30}`]: 1 + (k % 3) }, k % 2 ? ['a'] : ['a', 'b'])),
      // Said in one section of one episode: proposed, never an entry.
      term(`solo${i}`, { [`solo${i}`]: 2 }, ['b']),
    ]));
    const index = topicIndex(library);
    const trimmed = indexedOnly(library, index);
    assert.ok(trimmed.reduce((n, e) => n + e.topics.length, 0) < library.reduce((n, e) => n + e.topics.length, 0), 'some terms are left out');
    assert.deepEqual(topicIndex(trimmed), index);
  });

  it('related episodes share entries, rarer ones counting more, at most five', () => {
    const library = Array.from({ length: 8 }, (_, i) => episode(`ep${i}`, [term('common', { common: 1 }, ['a']), ...(i < 2 ? [term('niche', { niche: 1 }, ['b'])] : [])]));
    const index = topicIndex(library);
    const related = index.episodes.get('ep0')!.related;
    assert.equal(related.length, RELATED_EPISODES);
    assert.equal(related[0]!.id, 'ep1');
    assert.deepEqual(related[0]!.shared.map((e) => e.label), ['niche', 'common']);
  });
});

void existsSync;
void parse;
