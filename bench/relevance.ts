/**
 * Is the first search result the right one? Queries are made by rule from a library's own words,
 * each with the paragraphs that truly hold it, then typed into the site's own /search/ page, whose
 * result list is read as the reader sees it: success@1 (the first hit opens a paragraph holding the
 * query's words), success@5 and MRR, per kind of query, beside Pagefind's own order (the UI before
 * it re-ranked: pages as Pagefind ranks them, hits by Pagefind's score).
 *
 * Kinds of query:
 * - rare: a word said 1–3 times in the library (5 letters or more, not a stop word);
 * - phrase: 2–4 words said together once in the library;
 * - speaker: a speaker's name and a word that speaker says 1–3 times;
 * - relative: a rare word whose stem other, commoner words of the library share ("reflective",
 *   with "reflect" and "reflecting" said elsewhere).
 */
import { sectionPageDirs } from '../test/helpers/build.ts';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'node-html-parser';
import type { Browser } from 'playwright-core';
import { transcriptWords } from '../src/build/finish/finish-site.ts';
import { titleParts } from '../src/domain/para-title.ts';

const require = createRequire(import.meta.url);
const stem = require('wink-porter2-stemmer') as (w: string) => string;
const STOP = new Set(require('wink-nlp-utils/src/dictionaries/stop_words.json') as string[]);

export type QueryKind = 'rare' | 'phrase' | 'speaker' | 'relative';

export interface RelevanceQuery {
  kind: QueryKind;
  text: string;
  /** The words a paragraph must hold, in order for a phrase; the speaker who must say them, for a speaker query. */
  words: string[];
  speaker?: string;
}

interface Paragraph {
  /** `/episode/section/#t-123` */
  url: string;
  words: string[];
  speaker: string | undefined;
}

const norm = (w: string) => w.toLowerCase().replace(/[’‘]/g, "'").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** Every transcript paragraph of a built site (or of the `only` episodes), with its words (as a reader sees them) and speaker. */
export function paragraphsOf(dist: string, only?: ReadonlySet<string>): Paragraph[] {
  const out: Paragraph[] = [];
  for (const episode of readdirSync(dist, { withFileTypes: true })) {
    if (!episode.isDirectory() || ['_astro', 'pagefind', 'search'].includes(episode.name)) continue;
    if (only && !only.has(episode.name)) continue;
    const sections = readdirSync(path.join(dist, episode.name), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'at');
    // Every page of every section: a long section's transcript goes over several.
    for (const page of sections.flatMap((section) => sectionPageDirs(dist, episode.name, section.name))) {
      const doc = parse(readFileSync(path.join(dist, page, 'index.html'), 'utf8'));
      for (const del of doc.querySelectorAll('.para del')) del.remove();
      for (const para of doc.querySelectorAll('.para')) {
        out.push({
          url: `/${page.split(path.sep).join('/')}/#${para.id}`,
          words: transcriptWords(parse(`<div class="para">${para.querySelector('p')!.outerHTML}</div>`)).map(norm).filter(Boolean),
          // A paragraph's title is "m:ss · Name" where its speaker is known.
          speaker: titleParts(para.getAttribute('data-pagefind-title') ?? '')[1],
        });
      }
    }
  }
  return out;
}

/** Every `step`-th of `list` (sorted), up to `limit`: a spread sample, the same every run. */
function spread<T>(list: T[], limit: number): T[] {
  const step = Math.max(1, Math.floor(list.length / limit));
  return list.filter((_, i) => i % step === 0).slice(0, limit);
}

/** Queries of each kind, from a library's paragraphs. */
export function makeQueries(paragraphs: readonly Paragraph[], perKind = 60): RelevanceQuery[] {
  const count = new Map<string, number>();
  for (const p of paragraphs) for (const w of p.words) count.set(w, (count.get(w) ?? 0) + 1);
  const content = (w: string) => /^\p{L}[\p{L}'-]*$/u.test(w) && w.length >= 5 && !STOP.has(w) && !w.includes("'");
  const rareWords = [...count].filter(([w, n]) => n <= 3 && content(w)).map(([w]) => w).sort();
  const byStem = new Map<string, Set<string>>();
  for (const w of count.keys()) if (content(w)) byStem.set(stem(w), (byStem.get(stem(w)) ?? new Set()).add(w));
  const relatives = rareWords.filter((w) => [...byStem.get(stem(w))!].some((other) => other !== w && count.get(other)! > count.get(w)!));
  const rare = rareWords.filter((w) => !relatives.includes(w));

  const grams = new Map<string, number>();
  for (const p of paragraphs) {
    for (let n = 2; n <= 4; n++) for (let i = 0; i + n <= p.words.length; i++) {
      const key = p.words.slice(i, i + n).join(' ');
      grams.set(key, (grams.get(key) ?? 0) + 1);
    }
  }
  const phrases = [...grams]
    .filter(([g, n]) => n === 1 && g.split(' ').filter(content).length >= 1 && !STOP.has(g.split(' ')[0]!) && !STOP.has(g.split(' ').at(-1)!))
    .map(([g]) => g)
    .sort();

  const bySpeaker = new Map<string, Map<string, number>>();
  for (const p of paragraphs) {
    if (!p.speaker) continue;
    const words = bySpeaker.get(p.speaker) ?? new Map<string, number>();
    for (const w of p.words) words.set(w, (words.get(w) ?? 0) + 1);
    bySpeaker.set(p.speaker, words);
  }
  const speakerQueries = [...bySpeaker].flatMap(([speaker, words]) =>
    [...words].filter(([w, n]) => n <= 3 && content(w)).map(([w]) => ({ speaker, word: w })).sort((a, b) => a.word.localeCompare(b.word)));

  return [
    ...spread(rare, perKind).map((w): RelevanceQuery => ({ kind: 'rare', text: w, words: [w] })),
    ...spread(phrases, perKind).map((g): RelevanceQuery => ({ kind: 'phrase', text: g, words: g.split(' ') })),
    ...spread(speakerQueries, perKind).map(({ speaker, word }): RelevanceQuery => ({ kind: 'speaker', text: `${speaker} ${word}`, words: [word], speaker })),
    ...spread(relatives, perKind).map((w): RelevanceQuery => ({ kind: 'relative', text: w, words: [w] })),
  ];
}

/** The paragraphs that hold a query's words: as typed, in order for a phrase, said by its speaker. */
export function truthOf(query: RelevanceQuery, paragraphs: readonly Paragraph[]): Set<string> {
  const holds = (p: Paragraph) => {
    if (query.speaker && p.speaker !== query.speaker) return false;
    if (query.kind === 'phrase') {
      for (let i = 0; i + query.words.length <= p.words.length; i++) if (query.words.every((w, k) => p.words[i + k] === w)) return true;
      return false;
    }
    return query.words.every((w) => p.words.includes(w));
  };
  return new Set(paragraphs.filter(holds).map((p) => p.url));
}

export interface KindScores {
  kind: QueryKind | 'all';
  queries: number;
  successAt1: number;
  successAt5: number;
  mrr: number;
}

export interface RelevanceResult {
  library: string;
  episodes: number;
  ours: KindScores[];
  pagefind: KindScores[];
  /** The queries whose first hit missed, with what it opened (for reading). */
  misses: Array<{ kind: QueryKind; text: string; first: string | undefined }>;
}

/**
 * Hits in the order the reader sees them, for each query: ours, typed into the /search/ page and
 * read off its result list; and Pagefind's own order, asked of Pagefind directly.
 */
async function hitsInBrowser(browser: Browser, origin: string, queries: readonly RelevanceQuery[]): Promise<Array<{ ours: string[]; pagefind: string[] }>> {
  const page = await browser.newPage();
  await page.goto(`${origin}/search/`);
  // Ready once Pagefind is: the episode filter lists the episodes.
  await page.locator('.search-page select[id$="-episode"] option').nth(1).waitFor({ state: 'attached' });
  const hits = await page.evaluate(async (texts) => {
    type Data = { sub_results: Array<{ url: string; weighted_locations?: Array<{ balanced_score: number }> }> };
    type Pagefind = { search(q: string): Promise<{ results: Array<{ data(): Promise<Data> }> }> };
    const pf = (await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`)) as Pagefind;
    const host = document.querySelector('.search-page')!;
    const input = host.querySelector<HTMLInputElement>('input[type="search"]')!;
    const status = host.querySelector('[role="status"]')!;
    const out: Array<{ ours: string[]; pagefind: string[] }> = [];
    for (const [i, text] of texts.entries()) {
      if (text === texts[i - 1]) {
        out.push(out[i - 1]!);
        continue;
      }
      input.value = text;
      input.dispatchEvent(new Event('input'));
      // The status line names the query once its results are on the page.
      while (!status.textContent!.includes(`“${text}”`)) await new Promise((r) => setTimeout(r, 2));
      const ours = [...host.querySelectorAll<HTMLAnchorElement>('.result-hits a')].map((a) => a.getAttribute('href')!);
      // Before re-ranking: Pagefind's pages in its order, each page's hits by Pagefind's score.
      const search = await pf.search(text.replace(/["“”]/g, ''));
      const datas = await Promise.all(search.results.slice(0, 8).map((r) => r.data()));
      const score = (s: { weighted_locations?: Array<{ balanced_score: number }> }) => (s.weighted_locations ?? []).reduce((n, l) => n + l.balanced_score, 0);
      const pagefind = datas.flatMap((d) => [...d.sub_results].sort((a, b) => score(b) - score(a)).slice(0, 4).map((s) => s.url));
      out.push({ ours, pagefind });
    }
    return out;
  }, queries.map((q) => q.text));
  await page.close();
  return hits;
}

const clean = (url: string) => url.replace(/\?[^#]*/, '');

function scores(queries: readonly RelevanceQuery[], truths: ReadonlyArray<Set<string>>, lists: readonly string[][]): KindScores[] {
  const kinds: Array<QueryKind | 'all'> = ['rare', 'phrase', 'speaker', 'relative', 'all'];
  return kinds.map((kind) => {
    const idx = queries.map((q, i) => ({ q, i })).filter(({ q }) => kind === 'all' || q.kind === kind).map(({ i }) => i);
    let at1 = 0;
    let at5 = 0;
    let rr = 0;
    for (const i of idx) {
      const list = lists[i]!.map(clean);
      const rank = list.findIndex((u) => truths[i]!.has(u));
      if (rank === 0) at1++;
      if (rank >= 0 && rank < 5) at5++;
      if (rank >= 0) rr += 1 / (rank + 1);
    }
    const n = Math.max(1, idx.length);
    return { kind, queries: idx.length, successAt1: at1 / n, successAt5: at5 / n, mrr: rr / n };
  });
}

/** Runs `queries` against a built, served library and scores them. */
export async function relevance(browser: Browser, origin: string, dist: string, queries: readonly RelevanceQuery[], library: string): Promise<RelevanceResult> {
  const paragraphs = paragraphsOf(dist);
  const episodes = new Set(paragraphs.map((p) => p.url.split('/')[1])).size;
  return scoredRelevance(browser, origin, queries, queries.map((q) => truthOf(q, paragraphs)), episodes, library);
}

/** Runs `queries` whose true paragraphs (URLs) are known, and scores them. */
export async function scoredRelevance(browser: Browser, origin: string, queries: readonly RelevanceQuery[], truths: ReadonlyArray<Set<string>>, episodes: number, library: string): Promise<RelevanceResult> {
  // A query the library cannot answer (a word of an episode it does not hold) is left out.
  const asked = queries.filter((_, i) => truths[i]!.size > 0);
  const askedTruths = truths.filter((t) => t.size > 0);
  const hits = await hitsInBrowser(browser, origin, asked);
  return {
    library,
    episodes,
    ours: scores(asked, askedTruths, hits.map((h) => h.ours)),
    pagefind: scores(asked, askedTruths, hits.map((h) => h.pagefind)),
    misses: asked.flatMap((q, i) => (askedTruths[i]!.has(clean(hits[i]!.ours[0] ?? '')) ? [] : [{ kind: q.kind, text: q.text, first: hits[i]!.ours[0] }])),
  };
}

/**
 * The relevance library: the bundled episode, the CC0 Podcasting 2.0 examples and the format
 * fixtures made from them, as files in `content`; with `copies`, that many more copies of the
 * bundled episode (a library of 50, say).
 */
export function writeRelevanceLibrary(root: string, content: string, copies = 0): void {
  mkdirSync(content, { recursive: true });
  copyFileSync(path.join(root, 'content', 'openai-chief-scientist.youtldr.txt'), path.join(content, 'chief-scientist.youtldr.txt'));
  const cc0 = path.join(root, 'test', 'fixtures', 'podcast-namespace');
  copyFileSync(path.join(cc0, 'long-example.vtt'), path.join(content, 'ten-things.vtt'));
  copyFileSync(path.join(cc0, 'short-example.vtt'), path.join(content, 'podcasting-qa.vtt'));
  copyFileSync(path.join(cc0, 'example.json'), path.join(content, 'vader.json'));
  const formats = path.join(root, 'test', 'fixtures', 'formats');
  for (const name of ['otter.txt', 'descript.txt', 'whisperx.json', 'whisperx.yml', 'meeting.vtt', 'subtitles.srt']) copyFileSync(path.join(formats, name), path.join(content, name));
  for (let i = 1; i <= copies; i++) {
    copyFileSync(path.join(root, 'content', 'openai-chief-scientist.youtldr.txt'), path.join(content, `copy-${i}.youtldr.txt`));
    writeFileSync(path.join(content, `copy-${i}.yml`), `title: Copy ${i} of the chief scientist interview\nslug: copy-${i}\n`);
  }
}
