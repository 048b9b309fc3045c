/**
 * From an episode's files (already read) to the episode the site shows: recognise and read the
 * transcript, prove the reading against a second one, merge what the metadata, chapters and
 * sidecar say, apply the site's corrections, then build sections and paragraphs.
 */
import { applyMetadata } from './apply-metadata.ts';
import { applyCorrections, ruleAppliesTo, type CorrectionRule } from './corrections.ts';
import { buildEpisode, episodeSlug } from './episode.ts';
import { parseChapters } from './formats/chapters.ts';
import { input, READERS, recognise, type Reader } from './formats/index.ts';
import { readJson } from './formats/json.ts';
import { parseYtDlpInfo } from './formats/yt-dlp-info.ts';
import { checkReading } from './invariants.ts';
import type { Sidecar } from './sidecar.ts';
import { SPOKEN } from './spoken-words.ts';
import type { Episode, ParsedTranscript } from './types.ts';

/** A file's name as the user knows it, and its text. */
export interface TextFile {
  name: string;
  text: string;
}

export interface EpisodeInputs {
  /** The episode's name: the stem its files share. */
  name: string;
  transcript: TextFile;
  /** The language code in the transcript's name (`talk.de.vtt`). */
  language?: string | undefined;
  sidecar?: Sidecar | undefined;
  /** yt-dlp's `NAME.info.json`. */
  metadata?: TextFile | undefined;
  /** A Podcasting 2.0 chapters file: the sidecar's `chapters:`, or `NAME.chapters.json`. */
  chapters?: TextFile | undefined;
  /** Transcripts of the episode in other languages, left unread. */
  skipped?: ReadonlyArray<{ file: string; language: string }>;
}

/** Recognise and read a transcript, and prove the reading (see spoken-words.ts). */
export async function readChecked(file: TextFile, readers: readonly Reader[] = READERS): Promise<ParsedTranscript> {
  const i = input(file.text, file.name);
  const parsed = await recognise(i, readers).read(i);
  checkReading(parsed, SPOKEN[parsed.format](file.text));
  return parsed;
}

/** An episode read and merged with its metadata, before corrections: what corrections apply to. */
export interface EpisodeSource {
  transcript: ParsedTranscript;
  /** The names a correction's `episodes:` may give it: its file stem and its slug. */
  names: string[];
}

/** `readers` is only ever replaced by tests, to show the checks catch a faulty one. */
export async function readSource(inputs: EpisodeInputs, readers?: readonly Reader[]): Promise<EpisodeSource> {
  const parsed = await readChecked(inputs.transcript, readers);
  for (const s of inputs.skipped ?? []) {
    parsed.warnings.push({ file: s.file, line: undefined, message: `not read: the episode "${inputs.name}" is read from ${inputs.transcript.name}; this is its ${s.language} version` });
  }
  const info = inputs.metadata ? parseYtDlpInfo(readJson(inputs.metadata.text, inputs.metadata.name), inputs.metadata.name) : undefined;
  const chapters = inputs.chapters ? parseChapters(readJson(inputs.chapters.text, inputs.chapters.name), inputs.chapters.name) : undefined;
  const merged = applyMetadata(parsed, { info, language: inputs.language, sidecar: inputs.sidecar, chapters });
  return { transcript: merged, names: [inputs.name, merged.slug ?? episodeSlug(merged.title)] };
}

/** The source with the corrections that apply to it; `counts` adds up how many replacements each rule made. */
export function correctedEpisode(source: EpisodeSource, rules: readonly CorrectionRule[] = [], counts?: number[]): Episode {
  // Rules may be limited to episodes, named by file name or slug.
  const applicable = rules.map((r, i) => ({ r, i })).filter(({ r }) => ruleAppliesTo(r, source.names));
  const { fragments, corrections, counts: made } = applyCorrections(source.transcript.fragments, applicable.map(({ r }) => r));
  made.forEach((n, k) => counts && (counts[applicable[k]!.i]! += n));
  return buildEpisode({ ...source.transcript, fragments }, corrections);
}

export async function readEpisode(inputs: EpisodeInputs, rules: readonly CorrectionRule[] = [], counts?: number[], readers?: readonly Reader[]): Promise<Episode> {
  return correctedEpisode(await readSource(inputs, readers), rules, counts);
}
