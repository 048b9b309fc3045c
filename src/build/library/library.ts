/** The content folder: its episodes (each transcript with the files that share its stem), their inputs read, the corrections. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CORRECTIONS_FILE, parseCorrections, type CorrectionRule } from '../../domain/corrections.ts';
import { decodeText } from '../../domain/decode-text.ts';
import { groupFiles, nameFile, type EpisodeFiles } from '../../domain/episode-files.ts';
import { TranscriptError } from '../../domain/errors.ts';
import { correctedEpisode, readSource, type EpisodeSource, type TextFile } from '../../domain/read-episode.ts';
import { parseSidecar, type Sidecar } from '../../domain/sidecar.ts';
import type { Episode } from '../../domain/types.ts';

/** An episode's files, by name, in the folder `dir`. */
export interface EpisodeJob extends EpisodeFiles {
  dir: string;
}

/** The episodes of a content folder, and the files that belong to none (to mention). */
export interface Library {
  episodes: EpisodeJob[];
  orphans: string[];
}

/**
 * The episodes in `dir`: each transcript with the files that share its stem (see
 * src/domain/episode-files.ts). A chapters file a sidecar names is that episode's, not one of its
 * own. `language` picks among an episode's transcripts in several languages, unless its
 * sidecar names another.
 */
export async function findEpisodes(dir: string, language: string): Promise<Library> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
  } catch {
    throw new TranscriptError(dir, undefined, 'the content folder does not exist', 'create it and put transcripts in it, or pass --content DIR');
  }
  const sidecars = new Map<string, Sidecar>();
  const claimed = new Set<string>([CORRECTIONS_FILE]);
  for (const name of names.filter((n) => n !== CORRECTIONS_FILE && nameFile(n).role === 'sidecar')) {
    const sidecar = await readSidecar(path.join(dir, name));
    sidecars.set(nameFile(name).stem, sidecar);
    // Only a chapters file in this folder can be mistaken for a transcript of its own.
    if (sidecar.chapters && path.dirname(path.resolve(dir, sidecar.chapters)) === path.resolve(dir)) claimed.add(path.basename(sidecar.chapters));
  }
  const { episodes, orphans } = groupFiles(names, (stem) => sidecars.get(stem)?.language ?? language, claimed);
  if (episodes.length === 0) {
    throw new TranscriptError(dir, undefined, 'no transcripts found', 'add transcripts (.txt, .vtt, .srt, .json); see the README for the formats read');
  }
  return { episodes: episodes.map((e) => ({ ...e, dir })), orphans: orphans.map((o) => shown(path.join(dir, o))) };
}

/** One transcript with the files beside it that share its stem, for `check`: as the build groups them. */
export async function episodeOf(file: string): Promise<EpisodeJob> {
  const dir = path.dirname(path.resolve(file));
  const own = nameFile(path.basename(file));
  const beside = (await readdir(dir)).map(nameFile).filter((n) => n.stem === own.stem);
  const role = (r: string) => beside.find((n) => n.role === r)?.name;
  const [sidecar, metadata, chapters] = [role('sidecar'), role('metadata'), role('chapters')];
  return {
    dir,
    name: own.stem,
    transcript: own.name,
    skipped: [],
    ...(own.language ? { language: own.language } : {}),
    ...(sidecar ? { sidecar } : {}),
    ...(metadata ? { metadata } : {}),
    ...(chapters ? { chapters } : {}),
  };
}

async function readSidecar(file: string): Promise<Sidecar> {
  return parseSidecar(await readText(file), shown(file));
}

const shown = (file: string) => path.relative(process.cwd(), file) || file;

/** The chapters file an episode's sidecar names (an absolute path), if it names one. */
export async function sidecarChapters(job: EpisodeJob): Promise<string | undefined> {
  if (!job.sidecar) return undefined;
  const sidecar = await readSidecar(path.join(job.dir, job.sidecar));
  return sidecar.chapters ? path.resolve(job.dir, sidecar.chapters) : undefined;
}

async function readText(file: string): Promise<string> {
  return decodeText(await readFile(file), shown(file));
}

async function textFile(file: string): Promise<TextFile> {
  return { name: shown(file), text: await readText(file) };
}

/** The site's corrections (`corrections.yml` in the content folder), or none. */
export async function loadCorrections(dir: string): Promise<CorrectionRule[]> {
  const file = path.join(dir, CORRECTIONS_FILE);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text === undefined ? [] : parseCorrections(text, shown(file));
}

/** Read an episode's files and make the episode (src/domain/read-episode.ts). */
export async function loadEpisode(job: EpisodeJob, rules: readonly CorrectionRule[] = [], counts?: number[]): Promise<Episode> {
  return correctedEpisode(await loadSource(job), rules, counts);
}

/** An episode's files, read and merged, before corrections. */
export async function loadSource(job: EpisodeJob): Promise<EpisodeSource> {
  const at = (name: string) => path.join(job.dir, name);
  const sidecar = job.sidecar ? await readSidecar(at(job.sidecar)) : undefined;
  let chapters: TextFile | undefined;
  if (sidecar?.chapters) {
    const file = path.resolve(job.dir, sidecar.chapters);
    chapters = await textFile(file).catch((error: unknown) => {
      if (error instanceof TranscriptError) throw error;
      throw new TranscriptError(shown(at(job.sidecar!)), undefined, `chapters file "${sidecar.chapters}" not found`, 'the path is relative to the sidecar');
    });
  } else if (job.chapters) {
    chapters = await textFile(at(job.chapters));
  }
  return readSource({
    name: job.name,
    transcript: await textFile(at(job.transcript)),
    language: job.language,
    sidecar,
    metadata: job.metadata ? await textFile(at(job.metadata)) : undefined,
    chapters,
    skipped: job.skipped.map((s) => ({ ...s, file: shown(at(s.file)) })),
  });
}

/** Two episodes may not share a slug: the second one named is the error. */
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
