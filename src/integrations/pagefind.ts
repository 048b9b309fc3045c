/**
 * Writes the Pagefind index through Pagefind's Node API. Pagefind reports problems as data; any of
 * them fails the build, so a site never ships with a broken or missing index.
 *
 * `astro build` runs it in `astro:build:done`. `npm run build` renders pages in a child process
 * and calls `indexSite` once that process has exited (TRANSCRIPT_SITE_INDEX_AFTER): Astro's native
 * memory is only returned when its process ends, and indexing beside it would double the peak.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** Index the built site in `site`; returns the number of HTML files processed. */
export async function indexSite(site: string): Promise<number> {
  const started = performance.now();
  try {
    // Timestamps, AI labels and other furniture are not what anyone searches for.
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['.ts', '.play', '.ai-label', '.ai-chip'] });
    if (!index) throw new Error(`could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) throw new Error(`could not index ${site}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
    if (written.errors.length) throw new Error(`could not write the index: ${written.errors.join('; ')}`);
    // Pagefind ships three ready-made UIs; ours (src/scripts/search/) uses none of them.
    for (const name of await readdir(path.join(site, 'pagefind'))) {
      if (/^pagefind-(component-|modular-)?ui\.(js|css)$/.test(name)) await rm(path.join(site, 'pagefind', name));
    }
    // Printed, not logged: the build runs Astro quietly but reports its own phases.
    console.log(`pagefind: indexed ${added.page_count} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return added.page_count;
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
