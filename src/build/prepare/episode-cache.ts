/**
 * Prepared episodes kept between builds, so a rebuild prepares only the episodes that changed.
 *
 * An entry is found in two steps. The *source key* hashes what reaches the episode's prepared
 * files and nothing else: the names and bytes of the files it is read from (library.ts hashes
 * them as it reads them), the site's base path and URL (its downloads link to its pages), and the
 * code that prepares it. Not the site's title or description, which only site-wide pages show,
 * and not where the build runs from: files are named relative to the content folder. Under it,
 * `source.json` keeps the words the episode says (before corrections). The *variant key* then
 * hashes the corrections that can apply to those words: a rule whose words the episode never
 * says changes nothing in it, so editing it leaves the entry valid. The entry holds the episode's
 * prepared folder, its summary and a manifest with each file's SHA-256; a file that does not
 * match (a truncated or garbled entry) makes the whole entry a miss, removed and prepared again.
 * Entries are written into a temporary folder and renamed into place, so a build killed
 * mid-write leaves no entry at all.
 */
import { randomBytes } from 'node:crypto';
import { copyHashed, copyVerified, sha256 } from '../cache/folder-cache.ts';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ruleAppliesTo, ruleOccurs, type CorrectionRule } from '../../domain/corrections.ts';
import type { EpisodeSettings } from './downloads.ts';
import type { EpisodeSummary } from './prepare-episode.ts';
import { removeLeftovers } from '../processes.ts';


/** The words an episode says, as corrections match them, and the names its rules may use. */
export interface EpisodeWords {
  /** Token cores (see corrections.ts), space-joined, before any correction. */
  cores: string;
  /** The episode's file stem and slug: `episodes:` in a rule names one of these. */
  names: string[];
}

interface Manifest {
  files: Record<string, string>;
  /** For each correction this entry was made with (in order), how many replacements it made. */
  counts: number[];
}

/** What `find` saw of an episode in the cache. */
export interface Found {
  sourceKey: string;
  entry?: {
    /** What the prepared files are made from: equal keys, equal files. */
    key: string;
    dir: string;
    /** Its summary, with this build's correction counts. */
    summary: EpisodeSummary;
    manifest: Manifest;
  };
}


export class EpisodeCache {
  readonly dir: string;
  private readonly context: string;

  /** `code`: the code version; `settings`: those that reach an episode's files. */
  constructor(dir: string, code: string, settings: EpisodeSettings) {
    this.dir = dir;
    this.context = JSON.stringify({ code, base: settings.base, site: settings.site ?? null, downloads: settings.downloads });
  }

  /** The source key of an episode read from inputs of this hash (library.ts, readInputs). */
  sourceKey(inputsHash: string): string {
    return sha256(`${this.context}\n${inputsHash}`);
  }

  /** The rules that can change this episode, in order, as indexes into `rules`. */
  static applicable(words: EpisodeWords, rules: readonly CorrectionRule[]): number[] {
    return rules.flatMap((r, i) => (ruleAppliesTo(r, words.names) && ruleOccurs(words.cores, r) ? [i] : []));
  }

  private variantKey(applicable: readonly number[], rules: readonly CorrectionRule[]): string {
    return sha256(JSON.stringify(applicable.map((i) => [rules[i]!.from, rules[i]!.to])));
  }

  /**
   * Where the episode's entry for these rules is, and which rules made it: undefined when the
   * cache has never seen the episode's source.
   */
  private async variant(sourceKey: string, rules: readonly CorrectionRule[]): Promise<{ entry: string; applicable: number[] } | undefined> {
    const source = path.join(this.dir, sourceKey);
    const words = await readJson<EpisodeWords>(path.join(source, 'source.json'));
    if (!words || typeof words.cores !== 'string' || !Array.isArray(words.names)) return undefined;
    const applicable = EpisodeCache.applicable(words, rules);
    return { entry: path.join(source, this.variantKey(applicable, rules)), applicable };
  }

  /**
   * What the episode's prepared files are made from, as one string (its entry), or undefined when
   * the cache has never seen its source. Equal keys, equal files.
   */
  async stateKey(inputsHash: string, rules: readonly CorrectionRule[]): Promise<string | undefined> {
    const found = await this.variant(this.sourceKey(inputsHash), rules);
    return found && path.relative(this.dir, found.entry);
  }

  /**
   * The episode's entry for these rules, if the cache has one that looks whole (its summary and
   * manifest readable); its files are checked when they are copied out (`copyOut`).
   */
  async find(inputsHash: string, rules: readonly CorrectionRule[]): Promise<Found> {
    const sourceKey = this.sourceKey(inputsHash);
    const found = await this.variant(sourceKey, rules);
    if (!found) return { sourceKey };
    const { entry, applicable } = found;
    const summary = await readJson<EpisodeSummary>(path.join(entry, 'summary.json'));
    const manifest = await readJson<Manifest>(path.join(entry, 'manifest.json'));
    const valid = summary && typeof summary.slug === 'string' && manifest?.files && typeof manifest.files === 'object' && manifest.counts?.length === applicable.length;
    if (!valid) {
      await rm(entry, { recursive: true, force: true });
      return { sourceKey };
    }
    // The summary's counts are per rule of this build: the entry's, put back in their places.
    const counts = rules.map(() => 0);
    applicable.forEach((i, k) => (counts[i] = manifest.counts[k]!));
    return { sourceKey, entry: { key: path.relative(this.dir, entry), dir: entry, summary: { ...summary, counts }, manifest } };
  }

  /**
   * A found entry's files copied into `folder` (the episode's folder in a generated folder), if
   * every one of them is intact. A damaged entry is removed, with whatever of it was copied, and
   * false says the episode must be prepared again.
   */
  async copyOut(entry: NonNullable<Found['entry']>, folder: string): Promise<boolean> {
    if (await copyVerified(path.join(entry.dir, 'files'), entry.manifest.files, folder)) return true;
    await rm(folder, { recursive: true, force: true });
    await rm(entry.dir, { recursive: true, force: true });
    return false;
  }

  /** Keeps a freshly prepared episode (its folder `prepared`, its summary and its words); returns its entry's key. */
  async store(sourceKey: string, words: EpisodeWords, rules: readonly CorrectionRule[], summary: EpisodeSummary, prepared: string): Promise<string> {
    const source = path.join(this.dir, sourceKey);
    const applicable = EpisodeCache.applicable(words, rules);
    const tmp = path.join(this.dir, `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      const files = await copyHashed(prepared, path.join(tmp, 'files'));
      const manifest: Manifest = { files, counts: applicable.map((i) => summary.counts[i]!) };
      await writeFile(path.join(tmp, 'summary.json'), JSON.stringify({ ...summary, counts: [] }));
      await writeFile(path.join(tmp, 'manifest.json'), JSON.stringify(manifest));
      await mkdir(source, { recursive: true });
      await writeFile(`${tmp}.source.json`, JSON.stringify(words));
      await rename(`${tmp}.source.json`, path.join(source, 'source.json'));
      const entry = path.join(source, this.variantKey(applicable, rules));
      await rm(entry, { recursive: true, force: true });
      await rename(tmp, entry);
      return path.relative(this.dir, entry);
    } finally {
      await rm(tmp, { recursive: true, force: true });
      await rm(`${tmp}.source.json`, { force: true });
    }
  }

  /** Temporary folders of builds that were killed while writing an entry. */
  removeStale(): void {
    removeLeftovers(this.dir, (name) => /^\.tmp-(\d+)-/.exec(name)?.[1]);
  }
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
