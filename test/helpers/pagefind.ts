/**
 * What Pagefind stored for each page of a built site: its filters and metadata, read from the
 * index's fragment files (gzip, `pagefind_dcd` then JSON: one page, or several by their id where
 * the index bundles them, `maxFragments`), as a search result gets them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface IndexedPage {
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

const SIGNATURE = 'pagefind_dcd';

type Fragment = IndexedPage & { url: string };

/** A fragment file's pages. */
export function readFragment(bytes: Uint8Array): Fragment[] {
  const text = gunzipSync(bytes).toString('utf8');
  if (!text.startsWith(SIGNATURE)) throw new Error('not a Pagefind fragment');
  const data = JSON.parse(text.slice(SIGNATURE.length)) as Fragment | Record<string, Fragment>;
  return typeof data.url === 'string' ? [data as Fragment] : Object.values(data as Record<string, Fragment>);
}

/** Every indexed page of the site in `out`, by URL (as Pagefind writes it, from the site's root). */
export function indexedPages(out: string): Map<string, IndexedPage> {
  const pages = new Map<string, IndexedPage>();
  const search = path.join(out, 'pagefind');
  for (const group of readdirSync(search, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const dir = path.join(search, group.name, 'fragment');
    for (const file of readdirSync(dir)) {
      for (const page of readFragment(readFileSync(path.join(dir, file)))) pages.set(page.url, { filters: page.filters, meta: page.meta });
    }
  }
  return pages;
}
