/**
 * Hashes of the code that makes a part of the site: a change to any file of it (or to the locked
 * dependency versions) makes every cache entry it made a miss, and a sharded build's parts made
 * from different code refuse to be joined.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** What prepares an episode's files. */
export const PREPARE_CODE = ['src/domain', 'src/contract', 'src/build/library', 'src/build/prepare', 'package-lock.json'];
/** What renders and finishes pages: everything Astro reads of the project, and the build. */
export const PAGE_CODE = ['src', 'astro.config.mjs', 'tsconfig.json', 'package-lock.json'];
/** Build output inside src/, which is not code. */
const GENERATED = 'src/generated';

/** Bump when the layout of a cache entry changes. */
const LAYOUT = 3;

export async function codeHash(root: string, entries: readonly string[]): Promise<string> {
  const hash = createHash('sha256').update(`layout ${LAYOUT}\n`);
  for (const entry of entries) {
    const full = path.join(root, entry);
    const files = (await stat(full)).isDirectory()
      ? (await readdir(full, { recursive: true, withFileTypes: true }))
          .filter((f) => f.isFile())
          .map((f) => path.relative(root, path.join(f.parentPath, f.name)).split(path.sep).join('/'))
          .filter((f) => !f.startsWith(`${GENERATED}/`))
          .sort()
      : [entry];
    for (const f of files) hash.update(`${f}\n`).update(await readFile(path.join(root, f)));
  }
  return hash.digest('hex');
}
