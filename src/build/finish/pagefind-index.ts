/**
 * A search index through Pagefind's Node API. Pagefind reports problems as data; any of them fails
 * the build, so a site never ships with a broken or missing index.
 *
 * A site has one index per group of shards (src/build/shards/plan.ts), each a Pagefind bundle of
 * its own in `pagefind/<group>/`, and `pagefind/bundles.json` lists them: the browser merges them
 * (Pagefind's `mergeIndex`). Pagefind holds every page of an index in memory until it writes it, and
 * several times that while it writes, so a group is as large as one process may take.
 */
import { cp, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { createHash } from 'node:crypto';

/** Timestamps, AI labels and other furniture are not what anyone searches for. */
const EXCLUDE = ['.ts', '.ai-label', '.ai-chip', '.sound'];

/** Pagefind's own UIs and its worker script: ours (src/browser/search/) uses none of them. */
async function removeUnused(bundle: string): Promise<void> {
  for (const name of await readdir(bundle)) {
    if (/^pagefind-(component-|modular-)?ui\.(js|css)$|^pagefind-worker\.js$/.test(name)) await rm(path.join(bundle, name));
  }
}

/** Pagefind's code, the same in every bundle: the site keeps one copy, in `pagefind/`. */
const RUNTIME = ['pagefind.js', 'pagefind-highlight.js'];
/** Its WebAssembly, which only the first bundle's instance loads (merged ones use it too). */
const WASM = /^wasm\..+\.pagefind$/;

/** Where a site keeps its indexes. */
export const SEARCH_DIR = 'pagefind';
/** The list of a site's index bundles, which the browser's search reads first. */
export const BUNDLES_FILE = 'bundles.json';

/**
 * The list of bundles, as the browser reads it (src/browser/search/engine.ts), with a tag that
 * changes with their indexes: Pagefind adds it to the address of each bundle's entry file, which
 * can then be cached like the rest (by default Pagefind asks for it afresh on every page).
 */
export const bundlesJson = (groups: readonly string[], tag: string): string => `${JSON.stringify({ bundles: groups, tag })}\n`;

/**
 * Puts the groups' bundles (as `write` made them) into the site: each in `pagefind/<group>/`, one
 * copy of Pagefind's code in `pagefind/`, its WebAssembly in the first bundle only, and the list
 * of bundles. `move` moves the bundles instead of copying them (they are the build's own).
 */
export async function installBundles(site: string, groups: ReadonlyArray<{ id: string; dir: string }>, move: boolean): Promise<void> {
  const search = path.join(site, SEARCH_DIR);
  await mkdir(search, { recursive: true });
  for (const [i, group] of groups.entries()) {
    const to = path.join(search, group.id);
    if (path.resolve(group.dir) !== path.resolve(to)) {
      await rm(to, { recursive: true, force: true });
      if (move) await rename(group.dir, to);
      else await cp(group.dir, to, { recursive: true });
    }
    for (const name of await readdir(to)) {
      if (RUNTIME.includes(name)) {
        if (i === 0) await rename(path.join(to, name), path.join(search, name));
        else await rm(path.join(to, name));
      } else if (i > 0 && WASM.test(name)) {
        await rm(path.join(to, name));
      }
    }
  }
  const entries = await Promise.all(groups.map((g) => readFile(path.join(search, g.id, 'pagefind-entry.json'))));
  const tag = createHash('sha256').update(Buffer.concat(entries)).digest('hex').slice(0, 16);
  await writeFile(path.join(search, BUNDLES_FILE), bundlesJson(groups.map((g) => g.id), tag));
}

export interface SearchIndex {
  add(sourcePath: string, content: string): Promise<void>;
  /** Writes the bundle to `bundle`; returns the number of pages it indexed. */
  write(bundle: string): Promise<number>;
  /** Ends Pagefind's process: its memory goes back to the system. */
  close(): Promise<void>;
}

/**
 * Fragment files (the text of each page, which a search result loads) an index writes for each of
 * its episodes, at most. Pagefind writes one per page unless told otherwise (`maxFragments`, since
 * 1.6), about 10 an episode: half of a site's files. Bundled three to an episode, they hold about
 * 3 pages each, in the order the pages were added (an episode's pages together), so a result's
 * neighbours from the same episode arrive with it; and the bundles compress better than the pages
 * one by one (15 % fewer bytes, measured on the benchmark's library).
 */
export const FRAGMENT_FILES_PER_EPISODE = 3;

/** An index that pages are added to one by one; `episodes`, when known, bounds its fragment files. */
export async function openIndex(episodes?: number): Promise<SearchIndex> {
  const { index, errors } = await pagefind.createIndex({
    excludeSelectors: EXCLUDE,
    ...(episodes ? { maxFragments: episodes * FRAGMENT_FILES_PER_EPISODE } : {}),
  });
  if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
  return {
    async add(sourcePath, content) {
      const added = await index.addHTMLFile({ sourcePath, content });
      if (added.errors.length) throw new Error(`pagefind could not index ${sourcePath}: ${added.errors.join('; ')}`);
    },
    async write(bundle) {
      const written = await index.writeFiles({ outputPath: bundle });
      if (written.errors.length) throw new Error(`pagefind could not write the index: ${written.errors.join('; ')}`);
      await removeUnused(bundle);
      // The pages it holds: those with content (a page without data-pagefind-body is left out).
      const entry = JSON.parse(await readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
      return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    },
    close: async () => {
      await pagefind.close();
    },
  };
}
