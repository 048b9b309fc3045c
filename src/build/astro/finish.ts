/**
 * The finishing pass (src/build/finish/) as an Astro integration, for a plain `astro build`.
 * `npm run build` renders in a child process and runs the pass itself once that process has
 * ended; the child says so here before Astro builds. A process-wide mark, since Astro loads this
 * module again (through Vite) for the config: the two copies share only the global object.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { finishSite } from '../finish/finish-site.ts';

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
        if (!(globalThis as Marked)[DEFERRED]) await finishSite(fileURLToPath(dir), []);
      },
    },
  };
}
