/**
 * The build's last pass over the rendered site, one read and one parse per page, while Pagefind
 * indexes the same pages in its own process. `npm run build` runs it once Astro's process has
 * exited (Astro's native memory is only returned when its process ends, and indexing beside it
 * would double the peak); a plain `astro build` runs it in `astro:build:done`, without the word
 * check, whose expected words only `npm run build` prepares.
 * - each page's Content-Security-Policy keeps only the hashes of that page's own inline code
 *   (src/build/finish/csp-per-page.ts explains why);
 * - "nothing lost", the last word: every section page shows the words of its transcript, in order,
 *   as prepared in `words.json` per episode. It sees what a reader sees, so it also catches anything
 *   the Markdown renderer might have rewritten or swallowed;
 * - the page goes to Pagefind as it now is, so the index never reads a page twice from disk.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { tokens } from '../../domain/invariants.ts';
import { tightenPolicy } from './csp-per-page.ts';
import { openIndex } from './pagefind-index.ts';

/** The transcript words a section page shows, in reading order. */
export function transcriptWords(doc: HTMLElement): string[] {
  // A correction's <del> keeps the transcript's original words for the reader; they are not the
  // published text, which is the corrected one.
  for (const del of doc.querySelectorAll('.para del')) del.remove();
  return doc.querySelectorAll('.para > p').flatMap((p) => tokens(p.text));
}

interface Expected { file: string; sections: Record<string, string[]> }

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

const printStep = (step: FinishStep) => console.log(finishLine(step));

/** `episodes`: each episode's slug, its sections' slugs, and the words.json written for it. */
export async function finishSite(
  site: string,
  episodes: ReadonlyArray<{ slug: string; sections: readonly string[]; words: string }>,
  tell: (step: FinishStep) => void = printStep,
): Promise<void> {
  const started = performance.now();
  const index = await openIndex();
  const indexing = inFlight((file, html) => index.add(file, html), MAX_IN_FLIGHT);
  try {
    const wordsOf = new Map(episodes.map((e) => [e.slug, e.words]));
    const files = (await readdir(site, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
    let words = 0;
    const checked = new Set<string>();
    let expected: { slug: string; words: Expected } | undefined;
    for (const file of files) {
      const full = path.join(site, file);
      const raw = await readFile(full, 'utf8');
      const doc = parse(raw);
      const html = tightenPolicy(raw, file, doc);
      await writeFile(full, html);
      await indexing.add(file, html);
      // Section pages are <episode>/<section>/index.html; words.json names the sections.
      const [slug, section, rest] = file.split(path.sep);
      const source = slug && wordsOf.get(slug);
      if (!source || rest !== 'index.html') continue;
      if (expected?.slug !== slug) expected = { slug, words: JSON.parse(await readFile(source, 'utf8')) as Expected };
      const want = expected.words.sections[section!];
      if (!want) continue;
      words += checkWords(expected.words.file, `${slug}/${section}/`, want, transcriptWords(doc));
      checked.add(`${slug}/${section}/`);
    }
    for (const e of episodes) {
      const missing = e.sections.find((s) => !checked.has(`${e.slug}/${s}/`));
      if (missing) throw new Error(`the page ${e.slug}/${missing}/ was not rendered`);
    }
    await indexing.drain();
    const pages = await index.write(path.join(site, 'pagefind'));
    if (episodes.length) tell({ type: 'checked', words, episodes: episodes.length });
    tell({ type: 'indexed', pages, seconds: (performance.now() - started) / 1000, wordCheck: episodes.length > 0 });
  } finally {
    // Closing Pagefind rejects what it has not finished; those pages no longer matter.
    await indexing.settle();
    await index.close();
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

function checkWords(source: string, page: string, want: readonly string[], got: readonly string[]): number {
  const k = want.findIndex((w, i) => got[i] !== w);
  if (k < 0 && got.length === want.length) return got.length;
  const at = k >= 0 ? k : Math.min(got.length, want.length);
  throw new Error(
    `${source}: the page ${page} shows ${got.length} words of ${want.length}; ` +
      `first difference at word ${at + 1}: expected "${want[at] ?? ''}", page has "${got[at] ?? ''}"`,
  );
}
