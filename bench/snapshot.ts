/**
 * A private copy of the project to build from. Two reasons:
 *
 * - Astro keeps per-root state: `.astro/` (prerender chunks) and `node_modules/.astro/` (the
 *   content store, which our build clears with `force`). Two builds of the same checkout at once,
 *   say the benchmark and someone's `npm test`, overwrite each other's state and fail or, worse,
 *   render the other's content. The copy has its own `.astro/` and `node_modules/.astro/`.
 * - Every run of one benchmark measures the same code, even if the checkout is edited meanwhile.
 *
 * Sources are copied; `node_modules` is a real folder of symlinks to the checkout's packages, so
 * nothing is installed and the cache folders inside it (.astro, .vite) are the copy's own.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { linkModules } from '../src/build/render/private-root.ts';

/** Build output, caches and VCS data: not sources, and in part large. */
const SKIP = new Set(['node_modules', 'dist', '.astro', '.git', 'test-results', 'bench']);
const SKIP_NESTED = new Set(['src/generated']);

export interface Snapshot {
  dir: string;
  /** `git describe`-like identification of what was copied, for the results file. */
  revision: string;
}

export function snapshot(root: string, dest: string): Snapshot {
  mkdirSync(dest, { recursive: true });
  for (const entry of readdirSync(root)) {
    if (SKIP.has(entry) || /^dist[.-]/.test(entry)) continue;
    cpSync(path.join(root, entry), path.join(dest, entry), {
      recursive: true,
      filter: (source) => !SKIP_NESTED.has(path.relative(root, source).split(path.sep).join('/')),
    });
  }
  linkModules(root, dest);
  return { dir: dest, revision: revision(root) };
}

/** The commit, and whether the working tree had changes on top of it. */
function revision(root: string): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
    const commit = git('rev-parse', '--short', 'HEAD');
    // --no-optional-locks: only read, never refresh the index of someone else's checkout.
    const dirty = git('--no-optional-locks', 'status', '--porcelain', '--untracked-files=no') !== '';
    return dirty ? `${commit} + uncommitted changes` : commit;
  } catch {
    return 'unknown';
  }
}
