/** The real build, end to end, on the bundled episode. */
import { FRAGMENT_FILES_PER_EPISODE } from '../src/build/finish/pagefind-index.ts';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { tokens } from '../src/domain/invariants.ts';
import { parseYoutldr } from '../src/domain/formats/youtldr.ts';
import { build, bundled, SECTIONS as sections, sectionPageDirs, SLUG as slug, tempDir, type BuildResult } from './helpers/build.ts';
import { brokenLinks, fileFor, htmlFiles } from './helpers/links.ts';
import { BUDGET, onLoad } from './helpers/budget.ts';
import { indexedPages } from './helpers/pagefind.ts';
import { momentParagraphs } from '../src/domain/moment-ref.ts';


let site: BuildResult;
const page = (...parts: string[]) => parse(readFileSync(path.join(site.out, ...parts, 'index.html'), 'utf8'));
/** Every section page of the episode in reading order (a long section has several). */
const sectionPages = () => sections.flatMap((s) => sectionPageDirs(site.out, slug, s));

before(() => {
  const dir = tempDir('build');
  mkdirSync(path.join(dir, 'content'));
  copyFileSync(bundled, path.join(dir, 'content', path.basename(bundled)));
  site = build(path.join(dir, 'content'), path.join(dir, 'dist'));
  assert.equal(site.code, 0, site.stderr + site.stdout);
});

describe('the build of the bundled episode', () => {
  it('reports progress: the episode parsed, then the site built', () => {
    assert.match(site.stdout, /parsed openai-chief-scientist\.youtldr\.txt: YouTLDR text export, 7 sections, 1845 fragments, 13084 words, 0 warnings/);
    // The overview and every section page are indexed; with the library, search and 404 they are the pages built.
    const indexed = 1 + sectionPages().length;
    // Site-wide: the library, search and 404, and the index of names and topics (its A–Z page and an entry page each).
    const topics = htmlFiles(path.join(site.out, 'topics')).length;
    assert.ok(topics > 10);
    assert.match(site.stdout, new RegExp(String.raw`shard s: 1 episode\(s\) rendered in [\d.]+ s, finished in [\d.]+ s \(every transcript word on its page: 13084\)[\s\S]*search index g: ${indexed} pages[\s\S]*check: every transcript word is on its page \(13084 words, 1 episodes\)[\s\S]*site-wide pages: ${3 + topics} rendered`));
    assert.match(site.stdout, new RegExp(String.raw`built 1 episode\(s\), ${indexed + 4 + topics} pages, \d+ files, [\d.]+ MB into .* in [\d.]+ s`));
  });

  it('writes the library, the overview and 7 section pages', () => {
    const library = page();
    assert.equal(library.querySelector('.library a')!.getAttribute('href'), `/${slug}/`);
    assert.match(library.querySelector('.episode-card')!.text, /59 min[\s\S]*7 sections/);
    const overview = page(slug);
    assert.equal(overview.querySelector('h1')!.text, 'OpenAI’s Chief Scientist on Continual Learning Hype, RL Beyond Code, & Future Alignment Directions');
    assert.deepEqual(overview.querySelectorAll('.section-list > li .section-head a').map((a) => a.getAttribute('href')), sections.map((s) => `/${slug}/${s}/`));
    for (const s of sections) assert.ok(existsSync(path.join(site.out, slug, s, 'index.html')), s);
  });

  it('labels the AI-written text on the overview and links each key point to its section', () => {
    const overview = page(slug);
    assert.equal(overview.querySelectorAll('.ai').length, 2, 'summary and key points are in labelled AI blocks');
    assert.match(overview.querySelector('.disclaimer')!.text, /AI-generated from the transcript\. May contain errors\./);
    assert.deepEqual(overview.querySelectorAll('.key-point-where a').map((a) => a.getAttribute('href')), [
      `/${slug}/timelines-and-benchmarks/`, `/${slug}/ai-safety-and-alignment/`, `/${slug}/ai-safety-and-alignment/`,
    ]);
    assert.deepEqual(overview.querySelectorAll('.quote .quote-by').map((f) => f.text.trim()), ['Jakub Pachocki', 'Jakub Pachocki']);
  });

  it('puts every fragment’s words, in order, on exactly one section page', () => {
    const parsed = parseYoutldr(readFileSync(bundled, 'utf8'), 'x');
    const shown = sectionPages().map((s) => page(s).querySelectorAll('.para > p').flatMap((p) => tokens(p.text)));
    assert.deepEqual(shown.flat(), parsed.fragments.flatMap((f) => tokens(f.text)));
    // No page repeats another's words: the pages' word counts add up to the episode's.
    assert.equal(shown.reduce((n, words) => n + words.length, 0), 13084);
  });

  it('shows section 2 with its range, tag, summary, key point and paragraphs anchored at their time', () => {
    const p = page(slug, 'timelines-and-benchmarks');
    assert.equal(p.querySelector('h1')!.text, 'Timelines and Benchmarks');
    assert.match(p.querySelector('.section-page .meta')!.text, /1:53–11:21[\s\S]*9 min[\s\S]*Watch/);
    assert.match(p.querySelector('.ai')!.text, /Sept 2024 and March 2028 goals/);
    assert.match(p.querySelector('.key-point')!.text, /The Path to Research Autonomy/);
    const first = p.querySelector('.para')!;
    assert.equal(first.id, 't-113');
    assert.equal(first.querySelector('a.ts')!.getAttribute('href'), '#t-113');
    assert.equal(first.querySelector('a.ts')!.text, '1:53');
    assert.equal(first.getAttribute('data-pagefind-title'), '1:53');
  });

  it('links previous, next and back to the overview', () => {
    const p = page(slug, 'timelines-and-benchmarks');
    assert.equal(p.querySelector('a[rel=prev]')!.getAttribute('href'), `/${slug}/intro-and-background/`);
    assert.equal(p.querySelector('a[rel=next]')!.getAttribute('href'), `/${slug}/business-and-developer-strategy/`);
    assert.equal(p.querySelector('.pager .up')!.getAttribute('href'), `/${slug}/`);
    assert.equal(page(slug, sections[0]!).querySelector('a[rel=prev]'), null);
    assert.equal(page(slug, sections[6]!).querySelector('a[rel=next]'), null);
  });

  it('gives every #t-… link a target on its page', () => {
    for (const s of sections) {
      const p = page(slug, s);
      const ids = new Set(p.querySelectorAll('[id]').map((e) => e.id));
      const links = p.querySelectorAll('a[href^="#"]').map((a) => a.getAttribute('href')!.slice(1));
      assert.ok(links.filter((l) => l.startsWith('t-')).length > 5);
      for (const l of links) assert.ok(ids.has(l), `${s}: #${l} has no target`);
    }
  });

  it('keeps every section page within budget: HTML+CSS+JS ≤ 14 KB gzipped, JS ≤ 2 KB', () => {
    for (const s of sections) {
      const { total, js } = onLoad(site.out, path.join(slug, s));
      assert.ok(total <= BUDGET.total, `${s}: ${total} bytes gzipped on load`);
      assert.ok(js <= BUDGET.js, `${s}: ${js} bytes of JS gzipped`);
    }
  });

  it('writes the Pagefind bundle, indexing the overview and section pages only', () => {
    const search = path.join(site.out, 'pagefind');
    // One library, one index (its group), listed for the browser; Pagefind's code once, beside it.
    assert.deepEqual(JSON.parse(readFileSync(path.join(search, 'bundles.json'), 'utf8')).bundles, ['g']);
    for (const f of ['pagefind.js', 'pagefind-highlight.js']) assert.ok(existsSync(path.join(search, f)), f);
    const bundle = path.join(search, 'g');
    for (const f of ['pagefind-entry.json', 'wasm.en.pagefind']) assert.ok(existsSync(path.join(bundle, f)), f);
    for (const f of ['pagefind-ui.js', 'pagefind-component-ui.js', 'pagefind-modular-ui.css', 'pagefind-worker.js', 'pagefind.js']) {
      assert.ok(!existsSync(path.join(bundle, f)) && !existsSync(path.join(search, f === 'pagefind.js' ? 'none' : f)), `${f} is not shipped`);
    }
    const entry = JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8'));
    const counts = Object.values(entry.languages as Record<string, { page_count: number }>).map((l) => l.page_count);
    assert.deepEqual(counts, [1 + sectionPages().length]);
    // The pages' text, bundled: three fragment files for the one episode, not one per page.
    assert.equal(readdirSync(path.join(bundle, 'fragment')).length, Math.min(FRAGMENT_FILES_PER_EPISODE, 1 + sectionPages().length));
  });

  it('gives search each section page’s filters and metadata, from attributes of its searched body alone', () => {
    const indexed = indexedPages(site.out);
    const title = 'OpenAI’s Chief Scientist on Continual Learning Hype, RL Beyond Code, & Future Alignment Directions';
    const tags = ['optional', 'watch', 'watch', 'optional', 'watch', 'optional', 'watch'];
    for (const [i, s] of sections.entries()) {
      const dirs = sectionPageDirs(site.out, slug, s);
      for (const [k, dir] of dirs.entries()) {
        const doc = page(dir);
        const body = doc.querySelector('[data-pagefind-body]')!;
        // No hidden element each: the one element carries them all.
        const tagged = doc.querySelectorAll('[data-pagefind-filter], [data-pagefind-meta]');
        assert.ok(tagged.length === 1 && tagged[0] === body, dir);
        const heading = body.querySelector('h1')!.text;
        assert.deepEqual(indexed.get(`/${dir.split(path.sep).join('/')}/`), {
          filters: { episode: [title], tag: [tags[i]!], year: ['2026'] },
          meta: { episode: title, tag: tags[i]!, summary: 'ai', title: dirs.length > 1 ? `${heading} (page ${k + 1} of ${dirs.length})` : heading },
        }, dir);
      }
    }
  });

  it('keeps site chrome out of the index: navigation and footer sit outside data-pagefind-body', () => {
    const p = page(slug, 'timelines-and-benchmarks');
    const body = p.querySelector('[data-pagefind-body]')!;
    assert.equal(body.querySelector('header, nav, footer, .crumbs, .pager'), null);
  });

  it('has no broken internal link: every href, src and #fragment resolves (quotes, timelines, key points, pager)', () => {
    assert.deepEqual(brokenLinks(site.out), []);
    const overview = page(slug);
    assert.deepEqual(overview.querySelectorAll('.quote-where a').map((a) => a.getAttribute('href')), [
      `/${slug}/intro-and-background/#t-0`,
      `/${slug}/business-and-developer-strategy/#t-681-2`,
    ]);
    const blocks = overview.querySelectorAll('.timeline a');
    assert.equal(blocks.length, 7);
    assert.deepEqual(blocks.map((a) => a.getAttribute('href')), sections.map((s) => `/${slug}/${s}/`));
    assert.match(blocks[1]!.querySelector('title')!.text, /^2\. Timelines and Benchmarks, 1:53 to 11:21, watch$/);
  });

  it('offers the default downloads on the overview (WebVTT captions, chapters), writes them and no other, and writes llms.txt', () => {
    const links = page(slug).querySelectorAll('.downloads a').map((a) => a.getAttribute('href'));
    assert.deepEqual(links, ['captions.vtt', 'chapters.json'].map((f) => `/${slug}/${f}`));
    for (const l of links) assert.ok(existsSync(path.join(site.out, l!)), l!);
    for (const f of ['transcript.txt', 'transcript.md', 'captions.srt', 'transcript.json', 'youtube-chapters.txt']) assert.ok(!existsSync(path.join(site.out, slug, f)), `${f} is one setting away, not written by default`);
    assert.match(readFileSync(path.join(site.out, 'llms.txt'), 'utf8'), /^# Transcript Site\n/);
  });

  it('marks the quoted words where they were said', () => {
    const marks = page(slug, 'business-and-developer-strategy').querySelectorAll('#t-681-2 mark.quoted');
    assert.equal(marks.length, 1);
    assert.match(marks[0]!.text, /^we are buying a lot of compute right because .* to some degree$/);
  });

  it('gives each section page its key moments, linked to paragraphs on the page and labelled as extracted', () => {
    for (const s of sections) {
      const p = page(slug, s);
      const moments = p.querySelectorAll('.moment');
      assert.ok(moments.length >= 1 && moments.length <= 3, s);
      assert.match(p.querySelector('.moments-label')!.text, /extracted from the transcript/);
      for (const m of moments) {
        // On this page, or on a later page of the section.
        const [where, id] = m.querySelector('a.ts')!.getAttribute('href')!.split('#');
        const holder = where ? page(where.replace(/^\/|\/$/g, '')) : p;
        assert.ok(holder.getElementById(id!)!.querySelector('p')!.text.includes(m.querySelector('p')!.text), `${s}: moment in ${where}#${id}`);
      }
    }
  });

  it('resolves every moment from the /at/ page data to an existing paragraph', () => {
    const at = page(slug, 'at');
    const data = JSON.parse(at.getElementById('moments-data')!.text) as { targets: string[]; seconds: number[][][] };
    assert.equal(data.targets.length, sectionPages().length, 'one target per section page');
    // Only the seconds are written; the ids named from them are each page's paragraphs, in order.
    const paragraphs = momentParagraphs(data.seconds);
    data.targets.forEach((target, i) => {
      const file = fileFor(site.out, target)!;
      const doc = parse(readFileSync(file, 'utf8'));
      assert.deepEqual(paragraphs[i]!.map(([, id]) => id), doc.querySelectorAll('.para').map((p) => p.id), target);
    });
    assert.ok(paragraphs.flat().some(([, id]) => id === 't-681-2'), 'a second paragraph in one second');
    // Without JavaScript the page still lists every section with its range.
    assert.equal(at.querySelectorAll('.section-list > li').length, 7);
  });

  it('lists the speaker turns of a section as on-page contents', () => {
    const p = page(slug, 'timelines-and-benchmarks');
    const turns = p.querySelectorAll('.turns a');
    // By the rule: the section's first paragraph, then each paragraph that opens a speaker turn a
    // minute or more after the last one listed (its id is t-<seconds>).
    const paras = p.querySelectorAll('.para');
    const seconds = (id: string) => Number(/^t-(\d+)/.exec(id)![1]);
    const opening: string[] = [];
    for (const [i, para] of paras.entries()) {
      if (i === 0 || (para.classList.contains('turn') && seconds(para.id) - seconds(opening.at(-1)!.slice(1)) >= 60)) opening.push(`#${para.id}`);
    }
    assert.deepEqual(turns.map((a) => a.getAttribute('href')), opening);
    assert.ok(opening.length > 1, 'the interview has several turns here');
    // The section starts at 1:53 in the export, with "I think I'll start with one of the mo…".
    assert.match(turns[0]!.text, /^1:53 I think I'll start with one…$/);
  });

  it('leaves the previous dist/ untouched when a build fails', () => {
    const before = readFileSync(path.join(site.out, 'index.html'));
    const broken = tempDir('broken');
    writeFileSync(path.join(broken, 'bad.youtldr.txt'), readFileSync(bundled, 'utf8').replace('\nwatch\n', '\nmaybe\n'));
    const failed = build(broken, site.out);
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /bad\.youtldr\.txt:\d+: section tag "maybe" is neither "watch" nor "optional"/);
    assert.doesNotMatch(failed.stderr, /\n\s+at /, 'no stack trace for a user mistake');
    assert.deepEqual(readFileSync(path.join(site.out, 'index.html')), before);
  });
});
