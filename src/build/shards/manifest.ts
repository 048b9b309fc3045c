/**
 * What a part of a sharded build (`transcript-site build --shard K/N --out DIR`) says about itself,
 * in DIR/manifest.json: the code, settings and library it was built from, which shards it holds,
 * its episodes' catalog entries, and a hash of every file, so that `join` can refuse parts that do
 * not belong together, and a part that is incomplete or damaged.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CatalogEntry } from '../../contract/frontmatter.ts';
import { TranscriptError } from '../../domain/errors.ts';
import type { Settings } from '../settings.ts';

export const MANIFEST = 'manifest.json';
/** Bump when a part's layout changes: a join refuses parts of another layout. */
export const PART_FORMAT = 1;

export interface PartManifest {
  format: number;
  /** Which part: k of n (k from 1). */
  part: { k: number; n: number };
  /** A hash of the code that made it (src/build/cache/code-version.ts). */
  code: string;
  settings: Settings;
  /** Every episode of the library (not only this part's), by name, with a hash of its files; and corrections.yml's hash. */
  library: { episodes: Record<string, string>; corrections: string };
  /** The groups this part holds, each with its shards and their episodes (plan.ts). */
  groups: Array<{ id: string; shards: Array<{ id: string; episodes: string[] }> }>;
  /** The catalog entries of this part's episodes, and the file each was read from (as the content folder names it). */
  catalog: Array<{ name: string; file: string; entry: CatalogEntry }>;
  /** Each correction rule, in order, with where it is written and how many replacements it made in this part. */
  corrections: Array<{ from: string; to: string; where: string; made: number }>;
  /** Every file of the part (relative path → SHA-256), but this manifest. */
  files: Record<string, string>;
}

/** Where a part keeps a shard's pages and a group's search index. */
export const shardDir = (part: string, shard: string) => path.join(part, 'shards', shard);
export const groupDir = (part: string, group: string) => path.join(part, 'groups', group);

export async function readManifest(dir: string): Promise<PartManifest> {
  const file = path.join(dir, MANIFEST);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) {
    throw new TranscriptError(dir, undefined, 'is not the output of a shard: it has no manifest.json',
      'give join the folders that `transcript-site build --shard K/N --out DIR` wrote, one per shard');
  }
  let manifest: PartManifest;
  try {
    manifest = JSON.parse(text) as PartManifest;
  } catch {
    throw new TranscriptError(file, undefined, 'is not valid JSON: the shard\'s output is damaged', 'build that shard again');
  }
  if (manifest.format !== PART_FORMAT) {
    throw new TranscriptError(file, undefined, `was written by another version of transcript-site (layout ${manifest.format}, this one reads ${PART_FORMAT})`, 'build every shard and join them with the same version');
  }
  return manifest;
}
