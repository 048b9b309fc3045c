/**
 * Prepared episodes kept between builds, so a rebuild prepares only the episodes that changed.
 *
 * An entry is found in two steps. The *source key* hashes what the episode is read from: the bytes
 * of its transcript, sidecar, metadata and chapters files, the site settings that reach its files,
 * where it is shown from, and the code that prepares it. Under it, `source.json` keeps the words
 * the episode says (before corrections). The *variant key* then hashes the corrections that can
 * apply to those words: a rule whose words the episode never says changes nothing in it, so
 * editing it leaves the entry valid. The entry holds the episode's prepared folder, its summary
 * and a manifest with each file's SHA-256; a file that does not match (a truncated or garbled
 * entry) makes the whole entry a miss, removed and prepared again. Entries are written into a
 * temporary folder and renamed into place, so a build killed mid-write leaves no entry at all.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ruleOccurs, type CorrectionRule } from '../../domain/corrections.ts';
import type { SiteUrls } from './downloads.ts';
import { sidecarChapters, type EpisodeJob } from '../library/library.ts';
import type { EpisodeSummary } from './prepare-episode.ts';
import { removeLeftovers } from '../processes.ts';

/** Bump when the layout of an entry changes. */
const LAYOUT = 1;

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
  entry?: { dir: string; applicable: number[]; summary: EpisodeSummary; manifest: Manifest };
}

export interface Lookup {
  sourceKey: string;
  /** The episode's summary when its entry was found intact and copied into place. */
  summary?: EpisodeSummary;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * A hash of the code that prepares episodes: the domain, the build's library, and the locked
 * dependency versions. A change to any of them makes every entry a miss.
 */
export async function codeVersion(root: string): Promise<string> {
  const hash = createHash('sha256').update(`layout ${LAYOUT}\n`);
  for (const dir of ['src/domain', 'src/contract', 'src/build']) {
    const files = (await readdir(path.join(root, dir), { recursive: true })).filter((f) => f.endsWith('.ts')).sort();
    for (const f of files) hash.update(`${dir}/${f}\n`).update(await readFile(path.join(root, dir, f)));
  }
  return hash.update(await readFile(path.join(root, 'package-lock.json'))).digest('hex');
}

export class EpisodeCache {
  readonly dir: string;
  private readonly context: string;

  /** `context`: the code version and settings every key includes. */
  constructor(dir: string, code: string, urls: SiteUrls) {
    this.dir = dir;
    this.context = JSON.stringify({ code, urls, cwd: process.cwd() });
  }

  /** The source key of an episode: its files' bytes (and a sidecar's chapters file's), in context. */
  async sourceKey(job: EpisodeJob): Promise<string> {
    const hash = createHash('sha256').update(this.context).update(JSON.stringify({ ...job, dir: path.resolve(job.dir) }));
    const files = [job.transcript, job.sidecar, job.metadata, job.chapters].filter((f): f is string => f !== undefined);
    for (const f of files) hash.update(`\n${f}\n`).update(await readFile(path.join(job.dir, f)));
    const chapters = job.sidecar ? await sidecarChapters(job) : undefined;
    // A missing chapters file is an error the preparation reports; it has no bytes to hash.
    if (chapters) hash.update(`\nchapters ${chapters}\n`).update(await readFile(chapters).catch(() => Buffer.from('missing')));
    return hash.digest('hex');
  }

  /** The rules that can change this episode, in order, as indexes into `rules`. */
  static applicable(words: EpisodeWords, rules: readonly CorrectionRule[]): number[] {
    return rules.flatMap((r, i) => ((!r.episodes || r.episodes.some((e) => words.names.includes(e))) && ruleOccurs(words.cores, r) ? [i] : []));
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
  async stateKey(job: EpisodeJob, rules: readonly CorrectionRule[]): Promise<string | undefined> {
    return (await this.variant(await this.sourceKey(job), rules))?.entry;
  }

  /**
   * The episode's entry for these rules, if the cache has one that looks whole (its summary and
   * manifest readable); its files are checked when they are copied out (`copyOut`).
   */
  async find(job: EpisodeJob, rules: readonly CorrectionRule[]): Promise<Found> {
    const sourceKey = await this.sourceKey(job);
    const found = await this.variant(sourceKey, rules);
    if (!found) return { sourceKey };
    const { entry, applicable } = found;
    const summary = await readJson<EpisodeSummary>(path.join(entry, 'summary.json'));
    const manifest = await readJson<Manifest>(path.join(entry, 'manifest.json'));
    const valid = summary && typeof summary.slug === 'string' && manifest?.files && typeof manifest.files === 'object' && manifest.counts?.length === applicable.length;
    if (valid) return { sourceKey, entry: { dir: entry, applicable, summary, manifest } };
    await rm(entry, { recursive: true, force: true });
    return { sourceKey };
  }

  /**
   * A found entry copied into `folder(slug)` (the episode's folder in the generated folder), if
   * every file of it is intact. A damaged entry is removed, with whatever of it was copied, and the
   * episode is prepared again.
   */
  async copyOut({ sourceKey, entry }: Found, rules: readonly CorrectionRule[], folder: (slug: string) => string): Promise<Lookup> {
    if (!entry) return { sourceKey };
    const { dir, applicable, summary, manifest } = entry;
    if (await copyVerified(path.join(dir, 'files'), manifest.files, folder(summary.slug))) {
      // The summary's counts are per rule of this build: the entry's, put back in their places.
      const counts = rules.map(() => 0);
      applicable.forEach((i, k) => (counts[i] = manifest.counts[k]!));
      return { sourceKey, summary: { ...summary, counts } };
    }
    await rm(folder(summary.slug), { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
    return { sourceKey };
  }

  /** Keeps a freshly prepared episode: its folder `prepared`, its summary and its words. */
  async store(sourceKey: string, words: EpisodeWords, rules: readonly CorrectionRule[], summary: EpisodeSummary, prepared: string): Promise<void> {
    const source = path.join(this.dir, sourceKey);
    const applicable = EpisodeCache.applicable(words, rules);
    const tmp = path.join(this.dir, `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      await mkdir(path.join(tmp, 'files'), { recursive: true });
      const files: Record<string, string> = {};
      for (const file of (await readdir(prepared, { recursive: true, withFileTypes: true })).filter((f) => f.isFile())) {
        const rel = path.relative(prepared, path.join(file.parentPath, file.name));
        const bytes = await readFile(path.join(prepared, rel));
        files[rel] = sha256(bytes);
        await mkdir(path.dirname(path.join(tmp, 'files', rel)), { recursive: true });
        await writeFile(path.join(tmp, 'files', rel), bytes);
      }
      const manifest: Manifest = { files, counts: applicable.map((i) => summary.counts[i]!) };
      await writeFile(path.join(tmp, 'summary.json'), JSON.stringify({ ...summary, counts: [] }));
      await writeFile(path.join(tmp, 'manifest.json'), JSON.stringify(manifest));
      await mkdir(source, { recursive: true });
      await writeFile(`${tmp}.source.json`, JSON.stringify(words));
      await rename(`${tmp}.source.json`, path.join(source, 'source.json'));
      const entry = path.join(source, this.variantKey(applicable, rules));
      await rm(entry, { recursive: true, force: true });
      await rename(tmp, entry);
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

/** Copies the manifest's files from `from` to `to`, each checked against its hash; false at the first that fails. */
async function copyVerified(from: string, files: Record<string, string>, to: string): Promise<boolean> {
  for (const [file, hash] of Object.entries(files)) {
    if (typeof hash !== 'string' || path.isAbsolute(file) || file.split(/[\\/]/).includes('..')) return false;
    const bytes = await readFile(path.join(from, file)).catch(() => undefined);
    if (!bytes || sha256(bytes) !== hash) return false;
    await mkdir(path.dirname(path.join(to, file)), { recursive: true });
    await writeFile(path.join(to, file), bytes);
  }
  return true;
}

