/**
 * The build's last pass over rendered pages, one read and one parse per page, while Pagefind
 * indexes the same pages in its own process. `npm run build` runs it on each shard once Astro's
 * process has ended (Astro's native memory is only returned when its process ends, and indexing
 * beside it would add up the two); a plain `astro build` runs it in `astro:build:done`, without
 * the word check.
 * - each page's Content-Security-Policy keeps only the hashes of that page's own inline code
 *   (csp-per-page.ts explains why);
 * - "nothing lost", the last word: every section page shows the words of its transcript, in order,
 *   as the episode's preparation counted and hashed them (prepare-episode.ts). It sees what a reader
 *   sees, so it also catches anything the Markdown renderer might have rewritten or swallowed;
 * - the page goes to the search index as it now is, so the index never reads a page twice from disk.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { tokens } from '../../domain/invariants.ts';
import { shownWords, type ShownWords } from '../prepare/prepare-episode.ts';
import { tightenPolicy } from './csp-per-page.ts';
import type { SearchIndex } from './pagefind-index.ts';

/** The transcript words a section page shows, in reading order. */
export function transcriptWords(doc: HTMLElement): string[] {
  // A correction's <del> keeps the transcript's original words for the reader; they are not the
  // published text, which is the corrected one.
  for (const del of doc.querySelectorAll('.para del')) del.remove();
  return doc.querySelectorAll('.para > p').flatMap((p) => tokens(p.text));
}

/** What the word check expects of an episode's section pages. */
export interface Expected {
  slug: string;
  /** The transcript, as the user sees its name. */
  file: string;
  /** By section slug. */
  shown: Readonly<Record<string, ShownWords>>;
}

/**
 * The words a section page should have shown, for the message when it did not: worked out again
 * from the transcript only then (the check itself compares counts and hashes).
 */
export type Explain = (episode: string, section: string) => Promise<string[]>;

/** What the finishing pass tells: the word check passed; the pages are indexed. */
export type FinishStep =
  | { type: 'checked'; words: number; episodes: number }
  | { type: 'indexed'; pages: number; seconds: number; wordCheck: boolean };

/** A step as people read it (printed by a plain `astro build`, and by the CLI's progress printer). */
export function finishLine(step: FinishStep): string {
  return step.type === 'checked'
    ? `check: every transcript word is on its page (${step.words} words, ${step.episodes} episodes)`
    : `pagefind: indexed ${step.pages} pages in ${step.seconds.toFixed(1)} s (with the CSP${step.wordCheck ? ' and word' : ''} checks)`;
}

/**
 * Astro writes every apostrophe as `&#39;`: five bytes for one, hundreds of times on a page of
 * speech. Outside a single-quoted attribute (Astro writes none) and script text (it escapes none
 * there) the character itself means the same.
 */
const plainApostrophes = (html: string): string => html.replaceAll('&#39;', "'");

/** The HTML pages of a rendered site, relative to it, sorted. */
export async function htmlPages(site: string): Promise<string[]> {
  return (await readdir(site, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
}

/**
 * Finishes every page of `site` in place: its CSP tightened, section pages of `episodes` checked
 * word for word, and each page added to `index` (if given). Returns the words checked.
 */
export async function finishPages(site: string, episodes: readonly Expected[], index: SearchIndex | undefined, explain?: Explain): Promise<number> {
  const bySlug = new Map(episodes.map((e) => [e.slug, e]));
  const indexing = inFlight((file, html) => index!.add(file, html), MAX_IN_FLIGHT);
  let words = 0;
  const checked = new Set<string>();
  try {
    for (const file of await htmlPages(site)) {
      const full = path.join(site, file);
      const raw = await readFile(full, 'utf8');
      const doc = parse(raw);
      const html = plainApostrophes(tightenPolicy(raw, file, doc));
      await writeFile(full, html);
      if (index) await indexing.add(file, html);
      // Section pages are <episode>/<section>/index.html, a long section's later pages <episode>/<section>/<page>/index.html.
      const [slug, ...rest] = file.split(path.sep);
      const section = rest.slice(0, -1).join('/');
      const episode = slug ? bySlug.get(slug) : undefined;
      const want = episode && rest.at(-1) === 'index.html' && section ? episode.shown[section] : undefined;
      if (!episode || !want) continue;
      const got = transcriptWords(doc);
      const seen = shownWords(got);
      if (seen.words !== want.words || seen.hash !== want.hash) {
        throw new Error(await difference(episode.file, `${slug}/${section}/`, got, want, explain && (() => explain(slug!, section))));
      }
      words += got.length;
      checked.add(`${slug}/${section}`);
    }
    for (const e of episodes) {
      const missing = Object.keys(e.shown).find((s) => !checked.has(`${e.slug}/${s}`));
      if (missing) throw new Error(`the page ${e.slug}/${missing}/ was not rendered`);
    }
    await indexing.drain();
    return words;
  } finally {
    await indexing.settle();
  }
}

/** Adds every page of an already finished site (a shard kept from an earlier build) to `index`. */
export async function indexPages(site: string, index: SearchIndex): Promise<number> {
  const indexing = inFlight((file, html) => index.add(file, html), MAX_IN_FLIGHT);
  const files = await htmlPages(site);
  try {
    for (const file of files) await indexing.add(file, await readFile(path.join(site, file), 'utf8'));
    await indexing.drain();
    return files.length;
  } finally {
    await indexing.settle();
  }
}

/**
 * Pages handed to Pagefind are indexed in its own process while this one reads the next; at most
 * `limit` at a time, so a large site's HTML never piles up waiting in this process's memory.
 */
const MAX_IN_FLIGHT = 16;

function inFlight(run: (file: string, html: string) => Promise<void>, limit: number) {
  const pending = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  // The first page Pagefind refused fails the pass, at the next page or at the end.
  const rethrow = () => {
    if (failure) throw failure.error;
  };
  return {
    async add(file: string, html: string): Promise<void> {
      rethrow();
      const job = run(file, html).then(
        () => void pending.delete(job),
        (error: unknown) => {
          pending.delete(job);
          failure ??= { error };
        },
      );
      pending.add(job);
      if (pending.size >= limit) await Promise.race(pending);
      rethrow();
    },
    async drain(): Promise<void> {
      await Promise.all(pending);
      rethrow();
    },
    settle: () => Promise.allSettled(pending),
  };
}

/** The message for a page whose words are not the transcript's: where they part, when that can be worked out. */
async function difference(source: string, page: string, got: readonly string[], want: ShownWords, explain?: () => Promise<string[]>): Promise<string> {
  const head = `${source}: the page ${page} shows ${got.length} words of ${want.words}`;
  const expected = await explain?.().catch(() => undefined);
  if (!expected) return `${head}, not the transcript's`;
  const k = expected.findIndex((w, i) => got[i] !== w);
  const at = k >= 0 ? k : Math.min(got.length, expected.length);
  return `${head}; first difference at word ${at + 1}: expected "${expected[at] ?? ''}", page has "${got[at] ?? ''}"`;
}
