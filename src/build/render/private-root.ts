/**
 * Each build renders from a private Astro root of its own, so that two builds of one checkout at
 * once, or a build beside `npm run dev`, never see each other's pages. Astro keeps per-root state:
 * `.astro/content-modules.mjs` lists the MDX modules a build renders, and the content store (its
 * cacheDir) holds their entries; a second build in the same root would overwrite both, and
 * render the other's content.
 *
 * The root holds copies of what Astro reads from a project (its config, package.json, tsconfig
 * and `src/`, without the generated pages), the build's own generated folder, and a
 * `node_modules` folder of links to the checkout's packages (nothing is installed; the caches
 * inside it are the root's own). `public/` is read where it is: it may hold large media files.
 * It lives under node_modules/.cache/transcript-site/runs/<pid>/ and is removed after the build (in
 * the background, see processes.ts); a root left by a build that was killed is removed by the next.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { removeLater, removeLeftovers } from '../processes.ts';

/** What Astro reads from the project besides public/. */
const PROJECT_FILES = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'transcript-site.yml', 'src'];
/** Folders of the copied src/ that are build output, not source. */
const NOT_SOURCE = new Set(['src/generated']);
/** Per-root caches inside node_modules that must not be shared. */
const CACHES = new Set(['.astro', '.vite', '.cache']);

export interface PrivateRoot {
  /** The Astro root to render from. */
  dir: string;
  /** Where this build writes its episodes' MDX, timelines, words and downloads. */
  generated: string;
  remove(): void;
}

const runsDir = (root: string) => path.join(root, 'node_modules', '.cache', 'transcript-site', 'runs');

export function privateRoot(root: string): PrivateRoot {
  const runs = runsDir(root);
  // Roots of builds whose process is gone.
  removeLeftovers(runs, (name) => /^(\d+)$/.exec(name)?.[1]);
  const dir = path.join(runs, String(process.pid));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of PROJECT_FILES) {
    if (!existsSync(path.join(root, entry))) continue;
    cpSync(path.join(root, entry), path.join(dir, entry), {
      recursive: true,
      filter: (source) => !NOT_SOURCE.has(path.relative(root, source).split(path.sep).join('/')),
    });
  }
  linkModules(root, dir);
  return { dir, generated: path.join(dir, 'src', 'generated'), remove: () => removeLater([dir]) };
}

/**
 * A `node_modules` in `dir` of links to `root`'s packages: nothing installed, and the per-root
 * caches inside it (.astro, .vite, .cache) are `dir`'s own.
 */
export function linkModules(root: string, dir: string): void {
  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(path.join(root, 'node_modules'))) {
    if (!CACHES.has(entry)) symlinkSync(path.join(root, 'node_modules', entry), path.join(modules, entry));
  }
}
