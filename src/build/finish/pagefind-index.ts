/**
 * Writes the Pagefind index through Pagefind's Node API. Pagefind reports problems as data; any of
 * them fails the build, so a site never ships with a broken or missing index.
 * The finishing pass (finish.ts) feeds it each page as it goes.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** Timestamps, AI labels and other furniture are not what anyone searches for. */
const EXCLUDE = ['.ts', '.play', '.ai-label', '.ai-chip'];

/** Pagefind's own UIs; ours (src/browser/search/) uses none of them. */
async function removeUnusedUi(bundle: string): Promise<void> {
  for (const name of await readdir(bundle)) {
    if (/^pagefind-(component-|modular-)?ui\.(js|css)$/.test(name)) await rm(path.join(bundle, name));
  }
}

/** An index that pages are added to one by one. */
export async function openIndex() {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE });
  if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
  let pages = 0;
  return {
    async add(sourcePath: string, content: string): Promise<void> {
      const added = await index.addHTMLFile({ sourcePath, content });
      if (added.errors.length) throw new Error(`pagefind could not index ${sourcePath}: ${added.errors.join('; ')}`);
      pages++;
    },
    /** Writes the bundle to `bundle`; returns the number of pages in the index. */
    async write(bundle: string): Promise<number> {
      const written = await index.writeFiles({ outputPath: bundle });
      if (written.errors.length) throw new Error(`pagefind could not write the index: ${written.errors.join('; ')}`);
      await removeUnusedUi(bundle);
      return pages;
    },
    close: () => pagefind.close(),
  };
}
