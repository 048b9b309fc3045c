/**
 * Everything the build does for one episode before Astro: parse, build the model, write its MDX,
 * timeline, downloads and the words its pages must show. Returns only a small summary, so the
 * build holds no episode in memory while Astro runs (and workers can do this in parallel).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CorrectionRule } from '../../domain/corrections.ts';
import { tokens } from '../../domain/invariants.ts';
import type { SectionOrigin, TranscriptFormat, TranscriptWarning } from '../../domain/types.ts';
import { writeEpisodeDownloads, type SiteUrls } from './downloads.ts';
import { loadSource, type EpisodeJob } from '../library/library.ts';
import { writeEpisodeMdx } from '../../contract/write-episode.ts';
import { episodeWords } from '../../domain/reading.ts';
import type { EpisodeWords } from './episode-cache.ts';
import { correctedEpisode } from '../../domain/read-episode.ts';
import { wordCores } from '../../domain/corrections.ts';

export interface EpisodeSummary {
  file: string;
  slug: string;
  title: string;
  format: TranscriptFormat;
  /** Where the sections came from: see SectionOrigin. */
  origin: SectionOrigin;
  fragments: number;
  words: number;
  warnings: TranscriptWarning[];
  /** Corrections made per rule (same order as the rules). */
  counts: number[];
  sections: Array<{ slug: string; title: string; start: number; end: number; summary: string }>;
}

/** Where an episode's prepared files go inside the generated folder. */
export const downloadsDir = (generated: string, slug: string) => path.join(generated, slug, 'downloads');
export const wordsFile = (generated: string, slug: string) => path.join(generated, slug, 'words.json');

/** A prepared episode: its summary, and the words it says, for the cache (episode-cache.ts). */
export interface Prepared {
  summary: EpisodeSummary;
  words: EpisodeWords;
}

export async function prepareEpisode(job: EpisodeJob, rules: readonly CorrectionRule[], generated: string, urls: SiteUrls): Promise<Prepared> {
  const counts = rules.map(() => 0);
  const source = await loadSource(job);
  const words: EpisodeWords = { cores: wordCores(source.transcript.fragments), names: source.names };
  const episode = correctedEpisode(source, rules, counts);
  await writeEpisodeMdx(episode, generated);
  await writeEpisodeDownloads(episode, downloadsDir(generated, episode.slug), urls);
  // What each section page must show, word for word: read back after Astro by src/build/finish/finish-site.ts.
  const shown = Object.fromEntries(
    episode.sections.map((s) => [s.slug, episode.source.fragments.slice(...s.fragmentRange).flatMap((f) => tokens(f.text))]),
  );
  await mkdir(path.dirname(wordsFile(generated, episode.slug)), { recursive: true });
  await writeFile(wordsFile(generated, episode.slug), JSON.stringify({ file: episode.source.file, sections: shown }));
  const summary: EpisodeSummary = {
    file: episode.source.file,
    slug: episode.slug,
    title: episode.source.title,
    format: episode.source.format,
    origin: episode.sections[0]!.origin,
    fragments: episode.source.fragments.length,
    words: episodeWords(episode),
    warnings: episode.warnings,
    counts,
    sections: episode.sections.map((s) => ({ slug: s.slug, title: s.title, start: s.start, end: s.end, summary: s.summary })),
  };
  return { summary, words };
}
