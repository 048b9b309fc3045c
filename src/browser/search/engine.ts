/**
 * Pagefind, fetched and made ready once per page at the reader's first sign of intent (see
 * ../load.ts), in parallel with the search UI's own code rather than after it. A large site has
 * several indexes (one per group of shards, src/build/finish/pagefind-index.ts), listed in
 * `pagefind/bundles.json`: the first is Pagefind's own, the others are merged into it, and each
 * search asks them all at once.
 */
import { base, pagefindAsset } from '../base';
import { EXCERPT_WORDS, type ResultData } from './rank';

export interface Result {
  score: number;
  data(): Promise<ResultData>;
}

/** The part of Pagefind's JS API this site uses. */
export interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(q: string, o?: { filters?: Record<string, string> }): Promise<{ results: Result[] } | null>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
}

/** `pagefind/bundles.json`: the site's indexes, and a tag that changes with them (src/build/finish/pagefind-index.ts). */
interface Bundles {
  bundles: string[];
  tag: string;
}

/** What the page script fetches at intent, before the search code has arrived (../load.ts). */
export interface PagefindDownloads {
  module: Promise<Pagefind>;
  bundles: Promise<Bundles>;
}

/** Starts the downloads: Pagefind's code and the list of indexes, at once. */
export function downloadPagefind(): PagefindDownloads {
  const module = import(/* @vite-ignore */ pagefindAsset('pagefind.js')) as Promise<Pagefind>;
  const bundles = fetch(pagefindAsset('bundles.json')).then((r) => r.json() as Promise<Bundles>);
  // A page's first Intl.Segmenter costs some 60 ms (the browser loads its break rules), and Pagefind
  // makes one for every search: made now, that time overlaps the downloads instead of the first search.
  new Intl.Segmenter(document.documentElement.lang || undefined, { granularity: 'grapheme' });
  return { module, bundles };
}

/** An index's entry file and its metadata for the page's language, fetched as Pagefind will ask for them. */
async function prefetchIndex(path: string, tag: string): Promise<void> {
  try {
    const entry = (await (await fetch(`${path}pagefind-entry.json?ts=${tag}`)).json()) as { languages: Record<string, { hash: string; page_count: number }> };
    const lang = document.documentElement.lang.toLowerCase();
    const index = entry.languages[lang] ?? entry.languages[lang.split('-')[0]!] ?? Object.values(entry.languages).sort((a, b) => b.page_count - a.page_count)[0];
    if (index) await fetch(`${path}pagefind.${index.hash}.pf_meta`);
  } catch {
    // Only a head start: Pagefind asks again, and reports a failure itself.
  }
}

/** Pagefind set up over every index, once its downloads have arrived; run by the search bundle. */
export async function setUpPagefind(downloads: PagefindDownloads): Promise<Pagefind> {
  const [pf, { bundles, tag }] = await Promise.all([downloads.module, downloads.bundles]);
  const [first, ...others] = bundles.map((id) => pagefindAsset(`${id}/`));
  // Pagefind sets up the indexes it merges only once the first is set up; their files are asked
  // for now, so that it finds them in the browser's cache then.
  for (const path of others) void prefetchIndex(path, tag);
  // On the main thread: Pagefind's worker is one more script to fetch (43 KB) before the first
  // search, and a search of an index this size takes milliseconds.
  const options = { baseUrl: base, highlightParam: 'highlight', excerptLength: EXCERPT_WORDS, metaCacheTag: tag };
  await pf.options({ ...options, noWorker: true, basePath: first });
  await pf.init();
  // Merged after the first is set up: Pagefind would otherwise poll for it every 50 ms.
  await Promise.all(others.map((path) => pf.mergeIndex(path, options)));
  // An empty search fetches nothing, but waits for the index's metadata and the WASM to be set up,
  // so that they are ready (or the failure known) before the reader's first search.
  await pf.search('');
  return pf;
}
