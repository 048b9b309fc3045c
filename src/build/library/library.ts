/**
 * The content folder: its episodes (each transcript with the files that share its stem, grouped
 * by src/domain/episode-files.ts), their inputs read once, and the corrections.
 *
 * Files are named relative to the content folder in everything an episode's prepared files and
 * summary keep (so a prepared episode does not depend on where the build was run from); `shown`
 * turns such a name into the path the user sees in messages.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CORRECTIONS_FILE, parseCorrections, type CorrectionRule } from '../../domain/corrections.ts';
import { decodeText } from '../../domain/decode-text.ts';
import { groupFiles, nameFile, type EpisodeFiles } from '../../domain/episode-files.ts';
import { TranscriptError } from '../../domain/errors.ts';
import type { EpisodeInputs, TextFile } from '../../domain/read-episode.ts';
import { parseSidecar, type Sidecar } from '../../domain/sidecar.ts';

/** An episode's files, by name in the content folder, with its sidecar read once. */
export interface EpisodeJob extends EpisodeFiles {
  /** The sidecar's text and what it says, when the episode has one. */
  sidecarFile?: { text: string; data: Sidecar };
  /** Its chapters file: the one its sidecar names (relative to the content folder), else NAME.chapters.json. */
  chaptersFile?: string;
}

/** The episodes of a content folder, and the files that belong to none (to mention). */
export interface Library {
  /** The content folder, absolute. */
  dir: string;
  episodes: EpisodeJob[];
  /** Files that belong to no episode, as the user sees them. */
  orphans: string[];
  corrections: Corrections;
}

export interface Corrections {
  rules: CorrectionRule[];
  /** corrections.yml as it is, or '' without one: what a library is made of. */
  text: string;
}

/** A file's name in messages: the path from where the command runs. */
export const shown = (dir: string, name: string): string => path.relative(process.cwd(), path.resolve(dir, name)) || name;

/**
 * The episodes in `dir`. A chapters file a sidecar names is that episode's, not one of its own.
 * `language` picks among an episode's transcripts in several languages, unless its sidecar names
 * another. `stem`, when given, reads only the episode of that name (for `check`).
 */
export async function readLibrary(dir: string, language: string, stem?: string): Promise<Library> {
  const abs = path.resolve(dir);
  let names: string[];
  try {
    names = (await readdir(abs, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
  } catch {
    throw new TranscriptError(dir, undefined, 'the content folder does not exist', 'create it and put transcripts in it, or pass --content DIR');
  }
  if (stem !== undefined) names = names.filter((n) => nameFile(n).stem === stem);
  const sidecars = new Map<string, { text: string; data: Sidecar }>();
  const claimed = new Set<string>([CORRECTIONS_FILE]);
  for (const name of names.filter((n) => n !== CORRECTIONS_FILE && nameFile(n).role === 'sidecar')) {
    const text = await readText(abs, name);
    const data = parseSidecar(text, shown(abs, name));
    sidecars.set(nameFile(name).stem, { text, data });
    // Only a chapters file in this folder can be mistaken for a transcript of its own.
    if (data.chapters && path.dirname(path.resolve(abs, data.chapters)) === abs) claimed.add(path.basename(data.chapters));
  }
  let grouping: ReturnType<typeof groupFiles>;
  try {
    grouping = groupFiles(names, (s) => sidecars.get(s)?.data.language ?? language, claimed);
  } catch (error) {
    // The grouping names files as the folder lists them.
    throw error instanceof TranscriptError ? new TranscriptError(shown(abs, error.file), error.line, error.message, error.hint) : error;
  }
  const { episodes, orphans } = grouping;
  if (episodes.length === 0 && stem === undefined) {
    throw new TranscriptError(dir, undefined, 'no transcripts found', 'add transcripts (.txt, .vtt, .srt, .json); see the README for the formats read');
  }
  return {
    dir: abs,
    episodes: episodes.map((e) => {
      const sidecarFile = sidecars.get(e.name);
      const chaptersFile = sidecarFile?.data.chapters ?? e.chapters;
      return { ...e, ...(sidecarFile ? { sidecarFile } : {}), ...(chaptersFile ? { chaptersFile } : {}) };
    }),
    orphans: orphans.map((o) => shown(abs, o)),
    corrections: await readCorrections(abs),
  };
}

async function readText(dir: string, name: string): Promise<string> {
  return decodeText(await readFile(path.resolve(dir, name)), shown(dir, name));
}

async function readCorrections(dir: string): Promise<Corrections> {
  const text = await readFile(path.join(dir, CORRECTIONS_FILE), 'utf8').catch(() => undefined);
  return text === undefined ? { rules: [], text: '' } : { rules: parseCorrections(text, shown(dir, CORRECTIONS_FILE)), text };
}

/** What an episode is read from, and a hash of it (`inputs` names files relative to the content folder). */
export interface ReadInputs {
  inputs: EpisodeInputs;
  /** SHA-256 of every name and byte the episode is read from: equal hashes, equal episodes. */
  hash: string;
}

/**
 * Reads an episode's files, once: their text for the domain, their bytes for its hash. Error
 * messages name the files as the user sees them; the inputs name them relative to the content
 * folder.
 */
export async function readInputs(dir: string, job: EpisodeJob): Promise<ReadInputs> {
  const hash = createHash('sha256').update(JSON.stringify({ name: job.name, transcript: job.transcript, language: job.language, skipped: job.skipped }));
  const file = async (name: string): Promise<TextFile> => {
    const bytes = await readFile(path.resolve(dir, name));
    hash.update(`\n${name}\n`).update(bytes);
    return { name, text: decodeText(bytes, shown(dir, name)) };
  };
  const transcript = await file(job.transcript);
  if (job.sidecarFile) hash.update(`\n${job.sidecar}\n`).update(job.sidecarFile.text);
  const metadata = job.metadata ? await file(job.metadata) : undefined;
  let chapters: TextFile | undefined;
  if (job.chaptersFile) {
    chapters = await file(job.chaptersFile).catch((error: unknown) => {
      if (error instanceof TranscriptError || !job.sidecarFile?.data.chapters) throw error;
      throw new TranscriptError(shown(dir, job.sidecar!), undefined, `chapters file "${job.chaptersFile}" not found`, 'the path is relative to the sidecar');
    });
  }
  return {
    inputs: {
      name: job.name,
      transcript,
      language: job.language,
      sidecar: job.sidecarFile?.data,
      metadata,
      chapters,
      skipped: job.skipped,
    },
    hash: hash.digest('hex'),
  };
}

/** Two episodes may not share a slug: the second one named is the error (`file` as the user sees it). */
export function checkSlugs(episodes: ReadonlyArray<{ slug: string; file: string }>): void {
  const bySlug = new Map<string, string>();
  for (const { slug, file } of episodes) {
    const other = bySlug.get(slug);
    if (other) {
      throw new TranscriptError(file, undefined, `gets the URL slug "${slug}", which ${other} has already`,
        `give one of them another title, or a "slug:" in its sidecar (${nameFile(path.basename(file)).stem}.yml)`);
    }
    bySlug.set(slug, file);
  }
}
