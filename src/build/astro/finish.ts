/**
 * The finishing pass (src/build/finish/) as an Astro integration, for a plain `astro build` of
 * the checkout (after `npm run dev` has prepared its src/generated/): the whole site in one process.
 * `npm run build` renders in a child process and runs the pass itself once that process has
 * ended; the child says so here before Astro builds. A process-wide mark, since Astro loads this
 * module again (through Vite) for the config: the two copies share only the global object.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { finishPages } from '../finish/finish-site.ts';
import { installBundles, openIndex, SEARCH_DIR } from '../finish/pagefind-index.ts';

const DEFERRED = Symbol.for('transcript-site:finish-deferred');
type Marked = typeof globalThis & { [DEFERRED]?: boolean };

export function deferFinishing(): void {
  (globalThis as Marked)[DEFERRED] = true;
}

export default function finish(): AstroIntegration {
  return {
    name: 'transcript-site:finish',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        if ((globalThis as Marked)[DEFERRED]) return;
        // One index for the whole site, as one group: a plain build renders the site in one process.
        const site = fileURLToPath(dir);
        const index = await openIndex();
        try {
          await finishPages(site, [], index);
          const bundle = path.join(site, SEARCH_DIR, 'g');
          console.log(`pagefind: indexed ${await index.write(bundle)} pages`);
          await installBundles(site, [{ id: 'g', dir: bundle }], true);
        } finally {
          await index.close();
        }
      },
    },
  };
}
