/**
 * Writes the Pagefind index through Pagefind's Node API. Pagefind reports problems as data; any of
 * them fails the build, so a site never ships with a broken or missing index.
 *
 * A plain `astro build` runs it in `astro:build:done`. `npm run build` renders pages in a child
 * process (TRANSCRIPT_SITE_INDEX_AFTER) and feeds each page to `openIndex` in its finishing pass
 * once that process has exited: Astro's native memory is only returned when its process ends, and
 * indexing beside it would double the peak.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** Timestamps, AI labels and other furniture are not what anyone searches for. */
const EXCLUDE = ['.ts', '.play', '.ai-label', '.ai-chip'];

/** Pagefind's own UIs; ours (src/scripts/search/) uses none of them. */
async function removeUnusedUi(bundle: string): Promise<void> {
  for (const name of await readdir(bundle)) {
    if (/^pagefind-(component-|modular-)?ui\.(js|css)$/.test(name)) await rm(path.join(bundle, name));
  }
}

/** An index that pages are added to one by one (`npm run build` feeds it during its last pass). */
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

/** Index the built site in `site` from disk (a plain `astro build`). */
export async function indexSite(site: string): Promise<void> {
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE });
    if (!index) throw new Error(`could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) throw new Error(`could not index ${site}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
    if (written.errors.length) throw new Error(`could not write the index: ${written.errors.join('; ')}`);
    await removeUnusedUi(path.join(site, 'pagefind'));
    console.log(`pagefind: indexed ${added.page_count} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await pagefind.close();
  }
}

export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'transcript-site:pagefind',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        if (process.env.TRANSCRIPT_SITE_INDEX_AFTER) return;
        await indexSite(fileURLToPath(dir));
      },
    },
  };
}
