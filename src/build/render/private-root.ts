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
 * It lives in the build's scratch folder, node_modules/.cache/transcript-site/runs/<pid>/, removed
 * after the build (in the background, see processes.ts); a folder left by a build that was killed
 * is removed by the next. Its `transcript-site.yml` is the build's settings as the command line
 * resolved them (the file's, with --base, --downloads… over it): what the pages read is what the
 * build was asked for. A root renders either one shard's episodes or the site-wide pages
 * (`Role`): only those pages are copied into it.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { removeLater, removeLeftovers } from '../processes.ts';
import type { Settings } from '../settings.ts';

/** What Astro reads from the project besides public/ (and transcript-site.yml, written from the build's settings). */
const PROJECT_FILES = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src'];
/** Folders of the copied src/ that are build output, not source. */
const NOT_SOURCE = new Set(['src/generated']);
/** Per-root caches inside node_modules that must not be shared. */
const CACHES = new Set(['.astro', '.vite', '.cache']);
/** An episode's pages; every other page is site-wide (library, search, 404, feed). */
const EPISODE_PAGES = 'src/pages/[episode]';

/**
 * What a root renders: a shard (its episodes' pages, from their prepared folders) or the site
 * (the site-wide pages, from the catalog).
 */
export type Role = 'shard' | 'site';

export interface PrivateRoot {
  /** The Astro root to render from. */
  dir: string;
  /** Where the pages' data goes: the episodes' prepared folders, or catalog.json. */
  generated: string;
}

/** This build's scratch folder: its private roots, and anything else it writes before the site is swapped in. */
export interface Scratch {
  dir: string;
  /** A private root of this build, named `name`, for `role`'s pages. */
  root(name: string, role: Role): PrivateRoot;
  /** Removes the whole scratch folder, in the background. */
  remove(): void;
}

const runsDir = (root: string) => path.join(root, 'node_modules', '.cache', 'transcript-site', 'runs');

export function scratch(root: string, settings: Settings): Scratch {
  const runs = runsDir(root);
  // Scratch folders of builds whose process is gone.
  removeLeftovers(runs, (name) => /^(\d+)$/.exec(name)?.[1]);
  const dir = path.join(runs, String(process.pid));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return {
    dir,
    root: (name, role) => privateRoot(root, path.join(dir, name), role, settings),
    remove: () => removeLater([dir]),
  };
}

/** A root in `dir`, around the generated folder already prepared there, if any. */
function privateRoot(root: string, dir: string, role: Role, settings: Settings): PrivateRoot {
  mkdirSync(dir, { recursive: true });
  const leftOut = (rel: string) => NOT_SOURCE.has(rel) || (role === 'site' ? rel === EPISODE_PAGES : rel.startsWith('src/pages/') && !rel.startsWith(EPISODE_PAGES));
  for (const entry of PROJECT_FILES) {
    if (!existsSync(path.join(root, entry))) continue;
    cpSync(path.join(root, entry), path.join(dir, entry), {
      recursive: true,
      filter: (source) => !leftOut(path.relative(root, source).split(path.sep).join('/')),
    });
  }
  // JSON is YAML: the file astro.config.mjs reads, with every setting spelled out.
  writeFileSync(path.join(dir, 'transcript-site.yml'), `${JSON.stringify(settings, null, 2)}\n`);
  linkModules(root, dir);
  const generated = path.join(dir, 'src', 'generated');
  mkdirSync(generated, { recursive: true });
  return { dir, generated };
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
