/**
 * Pagefind, fetched and made ready once per page at the reader's first sign of intent (see
 * ../load.ts), in parallel with the search UI's own code rather than after it.
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
}

export async function loadPagefind(): Promise<Pagefind> {
  const loading = import(/* @vite-ignore */ pagefindAsset('pagefind.js')) as Promise<Pagefind>;
  // A page's first Intl.Segmenter costs some 60 ms (the browser loads its break rules), and Pagefind
  // makes one for every search: made now, that time overlaps the downloads instead of the first search.
  new Intl.Segmenter(document.documentElement.lang || undefined, { granularity: 'grapheme' });
  const pf = await loading;
  // On the main thread: Pagefind's worker is one more script to fetch (43 KB) before the first
  // search, and a search of an index this size takes milliseconds.
  await pf.options({ noWorker: true, baseUrl: base, highlightParam: 'highlight', excerptLength: EXCERPT_WORDS });
  await pf.init();
  // An empty search fetches nothing, but waits for the index's metadata and the WASM to be set up,
  // so that they are ready (or the failure known) before the reader's first search.
  await pf.search('');
  return pf;
}
