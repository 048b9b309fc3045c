/**
 * Writes the Pagefind index after Astro has written the pages, through Pagefind's Node API.
 * Pagefind reports problems as data; any of them fails the build, so a site never ships with a
 * broken or missing index.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'transcript-site:pagefind',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        try {
          // Timestamps, AI labels and other furniture are not what anyone searches for.
          const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['.ts', '.play', '.ai-label', '.ai-chip'] });
          if (!index) throw new Error(`could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: site });
          if (added.errors.length) throw new Error(`could not index ${site}: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
          if (written.errors.length) throw new Error(`could not write the index: ${written.errors.join('; ')}`);
          // Printed, not logged: the build runs Astro quietly but reports its own phases.
          console.log(`pagefind: indexed ${added.page_count} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
