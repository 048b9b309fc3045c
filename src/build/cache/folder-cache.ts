/**
 * Folders kept between builds under a key: a rendered shard, a group's search index. An entry is
 * the folder's files and a manifest of their SHA-256 hashes; a file that does not match (a
 * truncated or garbled entry) makes the whole entry a miss, removed and made again. Entries are
 * written into a temporary folder and renamed into place, so a build killed mid-write leaves no
 * entry at all.
 *
 * Files go in and out of the cache as hard links where they can (the same file system): a
 * thousand episodes' pages are then kept and restored without copying their bytes. Nothing the
 * build writes is written again in place after it is kept, and a file changed through another
 * link anyway fails its hash and is never served.
 */
import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { removeLeftovers } from '../processes.ts';

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** Every file below `dir`, relative to it, sorted. */
export async function filesBelow(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((f) => f.isFile())
    .map((f) => path.relative(dir, path.join(f.parentPath, f.name)))
    .sort();
}

/** `to` becomes another name of `from`, or a copy of `bytes` (its content) across file systems. */
async function linkOrWrite(from: string, to: string, bytes: Uint8Array): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') await rm(to);
    else if (!['EXDEV', 'EPERM', 'EMLINK', 'ENOTSUP'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    await writeFile(to, bytes);
  }
}

/** Makes `dir` once per copy (`made` holds those made). */
async function ensureDir(made: Set<string>, dir: string): Promise<void> {
  if (made.has(dir)) return;
  await mkdir(dir, { recursive: true });
  made.add(dir);
}

/** Puts `files` (relative path → hash) of `from` into `to`, each checked against its hash; false at the first that fails. */
export async function copyVerified(from: string, files: Readonly<Record<string, string>>, to: string): Promise<boolean> {
  const made = new Set<string>();
  for (const [file, hash] of Object.entries(files)) {
    if (typeof hash !== 'string' || path.isAbsolute(file) || file.split(/[\\/]/).includes('..')) return false;
    const bytes = await readFile(path.join(from, file)).catch(() => undefined);
    if (!bytes || sha256(bytes) !== hash) return false;
    await ensureDir(made, path.dirname(path.join(to, file)));
    await linkOrWrite(path.join(from, file), path.join(to, file), bytes);
  }
  return true;
}

/** Puts every file of `from` into `to` and returns their hashes (relative path → SHA-256). */
export async function copyHashed(from: string, to: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const made = new Set<string>();
  for (const rel of await filesBelow(from)) {
    const bytes = await readFile(path.join(from, rel));
    files[rel] = sha256(bytes);
    await ensureDir(made, path.dirname(path.join(to, rel)));
    await linkOrWrite(path.join(from, rel), path.join(to, rel), bytes);
  }
  return files;
}

interface Manifest {
  files: Record<string, string>;
}

export class FolderCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Whether there is an entry `key` (not yet whether it is whole: `get` checks that). */
  has(key: string): boolean {
    return existsSync(path.join(this.dir, key, 'manifest.json'));
  }

  /** Copies the entry `key` into `to`, checked file by file; false when there is none or it is damaged. */
  async get(key: string, to: string): Promise<boolean> {
    const entry = path.join(this.dir, key);
    const manifest = await readFile(path.join(entry, 'manifest.json'), 'utf8').then((t) => JSON.parse(t) as Manifest, () => undefined);
    if (!manifest?.files || typeof manifest.files !== 'object') return false;
    if (await copyVerified(path.join(entry, 'files'), manifest.files, to)) return true;
    await rm(to, { recursive: true, force: true });
    await rm(entry, { recursive: true, force: true });
    return false;
  }

  /** Keeps a copy of the folder `from` as the entry `key`. */
  async put(key: string, from: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const tmp = path.join(this.dir, `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      const files = await copyHashed(from, path.join(tmp, 'files'));
      await writeFile(path.join(tmp, 'manifest.json'), JSON.stringify({ files } satisfies Manifest));
      await rm(path.join(this.dir, key), { recursive: true, force: true });
      await rename(tmp, path.join(this.dir, key));
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }

  /** Removes every entry but `keep`, and the temporary folders of builds that were killed. */
  async prune(keep: ReadonlySet<string>): Promise<void> {
    removeLeftovers(this.dir, (name) => /^\.tmp-(\d+)-/.exec(name)?.[1]);
    const names = await readdir(this.dir).catch(() => []);
    await Promise.all(names.filter((n) => !n.startsWith('.tmp-') && !keep.has(n)).map((n) => rm(path.join(this.dir, n), { recursive: true, force: true })));
  }
}
