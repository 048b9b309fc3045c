/** content/ → episodes → MDX files. Everything before Astro runs. */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { applySidecar } from '../../src/domain/apply-sidecar.ts';
import { parseCaptions } from '../../src/domain/formats/captions.ts';
import { parseChapters } from '../../src/domain/formats/chapters.ts';
import { applyCorrections, CORRECTIONS_FILE, parseCorrections, type CorrectionRule } from '../../src/domain/corrections.ts';
import { buildEpisode, episodeSlug } from '../../src/domain/episode.ts';
import { TranscriptError } from '../../src/domain/errors.ts';
import { tokenCount } from '../../src/domain/invariants.ts';
import { parsePodcastJson } from '../../src/domain/formats/podcast-json.ts';
import { parseSidecar, type Sidecar } from '../../src/domain/sidecar.ts';
import type { Episode, ParsedTranscript } from '../../src/domain/types.ts';
import { parseYoutldr } from '../../src/domain/formats/youtldr.ts';
import { overviewTree, sectionTree } from './mdx-pages.ts';
import { serializeMdx } from './mdx-serialize.ts';

type Parser = (text: string, file: string) => ParsedTranscript | Promise<ParsedTranscript>;

/** Formats by file extension. */
export const FORMATS: Array<{ ext: string; name: string; parse: Parser }> = [
  { ext: '.txt', name: 'YouTLDR text export', parse: parseYoutldr },
  { ext: '.vtt', name: 'WebVTT', parse: (t, f) => parseCaptions(t, f, 'vtt') },
  { ext: '.srt', name: 'SRT', parse: (t, f) => parseCaptions(t, f, 'srt') },
  { ext: '.json', name: 'Podcasting 2.0 JSON', parse: parsePodcastJson },
];
const SIDECAR_EXTS = ['.yml', '.yaml'];

/** `talk.youtldr.txt` and `talk.vtt` both have the episode name `talk`: their sidecar is `talk.yml`. */
export const episodeName = (file: string) => path.basename(file).replace(/\..*$/, '');

/**
 * Transcript files in `dir`, sorted so output never depends on directory order. Chapters files
 * named by a sidecar are inputs to that episode, not episodes of their own.
 */
export async function transcriptFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    throw new TranscriptError(dir, undefined, 'the content folder does not exist', 'create it and put transcripts in it, or pass --content DIR');
  }
  const chapterFiles = new Set<string>();
  for (const name of names.filter((n) => SIDECAR_EXTS.includes(path.extname(n)) && n !== CORRECTIONS_FILE)) {
    const sidecar = await readSidecar(path.join(dir, name));
    if (sidecar?.chapters) chapterFiles.add(path.resolve(dir, sidecar.chapters));
  }
  const files = names
    .filter((n) => FORMATS.some((f) => n.endsWith(f.ext)))
    .map((n) => path.join(dir, n))
    .filter((f) => !chapterFiles.has(path.resolve(f)));
  if (files.length === 0) {
    throw new TranscriptError(dir, undefined, 'no transcripts found', `add files ending in ${FORMATS.map((f) => f.ext).join(', ')}`);
  }
  return files;
}

async function readSidecar(file: string): Promise<Sidecar | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : parseSidecar(text, shown(file));
}

const shown = (file: string) => path.relative(process.cwd(), file) || file;

/** Decode bytes as UTF-8, refusing binary and mis-encoded files with a clear message. */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new TranscriptError(file, 1, 'the file is empty');
  if (bytes.includes(0)) throw new TranscriptError(file, undefined, 'this is a binary file, not a transcript', 'transcripts are UTF-8 text files');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = bytes.findIndex((_, i) => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, i + 1), { stream: false });
        return false;
      } catch {
        return i > 0 && (bytes[i]! & 0xc0) !== 0x80;
      }
    });
    const line = bad > 0 ? new TextDecoder().decode(bytes.subarray(0, bad)).split('\n').length : undefined;
    throw new TranscriptError(file, line, 'the file is not valid UTF-8 text', 'save it as UTF-8 (most editors have an "encoding" option)');
  }
}

/** The site's corrections (`corrections.yml` in the content folder), or none. */
export async function loadCorrections(dir: string): Promise<CorrectionRule[]> {
  const file = path.join(dir, CORRECTIONS_FILE);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text === undefined ? [] : parseCorrections(text, shown(file));
}

/** Parse one transcript with its sidecar (and the sidecar's chapters) into an episode. */
export async function loadEpisode(file: string, rules: readonly CorrectionRule[] = [], counts?: number[]): Promise<Episode> {
  const format = FORMATS.find((f) => file.endsWith(f.ext))!;
  const name = shown(file);
  const parsed = await format.parse(decodeText(await readFile(file), name), name);
  const dir = path.dirname(file);
  let sidecar: Sidecar | undefined;
  for (const ext of SIDECAR_EXTS) sidecar ??= await readSidecar(path.join(dir, `${episodeName(file)}${ext}`));
  let chapters;
  if (sidecar?.chapters) {
    const chaptersFile = path.resolve(dir, sidecar.chapters);
    const text = await readFile(chaptersFile, 'utf8').catch(() => {
      throw new TranscriptError(`${shown(path.join(dir, episodeName(file)))}.yml`, undefined, `chapters file "${sidecar!.chapters}" not found`, 'the path is relative to the sidecar');
    });
    chapters = parseChapters(text, shown(chaptersFile), parsed.metadata.duration);
  }
  const merged = applySidecar(parsed, sidecar, chapters);
  // Rules may be limited to episodes, named by file name or slug.
  const names = [episodeName(file), merged.slug ?? episodeSlug(merged.title)];
  const applicable = rules.map((r, i) => ({ r, i })).filter(({ r }) => !r.episodes || r.episodes.some((e) => names.includes(e)));
  const { fragments, corrections, counts: made } = applyCorrections(merged.fragments, applicable.map(({ r }) => r));
  made.forEach((n, k) => counts && (counts[applicable[k]!.i]! += n));
  return buildEpisode({ ...merged, fragments }, corrections);
}

/** Two episodes may not share a slug: the second one named is the error. */
export function checkSlugs(episodes: ReadonlyArray<{ slug: string; file: string }>): void {
  const bySlug = new Map<string, string>();
  for (const { slug, file } of episodes) {
    const other = bySlug.get(slug);
    if (other) {
      throw new TranscriptError(file, undefined, `gets the URL slug "${slug}", which ${other} has already`,
        `give one of them another title, or a "slug:" in its sidecar (${episodeName(file)}.yml)`);
    }
    bySlug.set(slug, file);
  }
}

/**
 * What pages need besides the MDX: every paragraph's start (for the moment resolver), every
 * speaker turn's first words (for the section contents) and the speakers' names (paragraphs
 * refer to them by index). Data, rendered by Astro with escaping.
 */
export function timelineData(episode: Episode) {
  const speakers = speakerList(episode);
  return {
    episode: episode.slug,
    speakers,
    corrections: episode.corrections,
    sections: episode.sections.map((s) => ({
      section: s.slug,
      paragraphs: s.paragraphs.map((p) => [p.time, p.id] as const),
      turns: s.paragraphs.filter((p, i) => p.turn || i === 0).map((p) => [p.time, p.id, firstWords(p.text)] as const),
      speakers: [...new Set(s.paragraphs.flatMap((p) => (p.speaker ? [p.speaker] : [])))],
    })),
  };
}

export function speakerList(episode: Episode): string[] {
  return [...new Set(episode.sections.flatMap((s) => s.paragraphs.flatMap((p) => (p.speaker ? [p.speaker] : []))))];
}

export const wordCount = (episode: Episode) => episode.source.fragments.reduce((n, f) => n + tokenCount(f.text), 0);

function firstWords(text: string, count = 6): string {
  const words = text.split(/\s+/);
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : text;
}

/** Write one episode's MDX and timeline into `outDir/<slug>/`. */
export async function writeEpisodeMdx(episode: Episode, outDir: string): Promise<number> {
  const dir = path.join(outDir, episode.slug);
  const timeline = timelineData(episode);
  const files: Array<[string, string]> = [
    [path.join(dir, 'index.mdx'), serializeMdx(overviewTree(episode), `${episode.slug} overview`)],
    [path.join(dir, 'timeline.json'), `${JSON.stringify(timeline)}\n`],
  ];
  for (const section of episode.sections) {
    const name = `${String(section.index + 1).padStart(2, '0')}-${section.slug}.mdx`;
    files.push([path.join(dir, 'sections', name), serializeMdx(sectionTree(episode, section, timeline.speakers), `${episode.slug}/${section.slug}`)]);
  }
  // Written together: one after another, each small write waits its turn in the I/O threads.
  await mkdir(path.join(dir, 'sections'), { recursive: true });
  await Promise.all(files.map(([file, text]) => writeFile(file, text)));
  return episode.sections.length + 1;
}
