/**
 * Everything the build does for one episode before Astro: read it, build the model, write its
 * MDX, timeline and downloads. Returns only a small summary (its catalog entry among it), so the
 * build holds no episode in memory while Astro runs, and workers can do this in parallel.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { CatalogEntry } from '../../contract/frontmatter.ts';
import { writeEpisodeMdx } from '../../contract/write-episode.ts';
import { wordCores, type CorrectionRule } from '../../domain/corrections.ts';
import { pageSegment } from '../../domain/section-pages.ts';
import { tokens } from '../../domain/invariants.ts';
import { correctedEpisode, readSource, type EpisodeInputs } from '../../domain/read-episode.ts';
import { episodeWords } from '../../domain/reading.ts';
import type { SectionOrigin, TranscriptFormat, TranscriptWarning } from '../../domain/types.ts';
import { writeEpisodeDownloads, type EpisodeSettings } from './downloads.ts';
import type { EpisodeWords } from './episode-cache.ts';

/** What a page must show: how many transcript words, and a hash of them in order. */
export interface ShownWords {
  words: number;
  hash: string;
}

/** The words a page shows, as the finishing pass compares them with what was prepared. */
export const shownWords = (words: readonly string[]): ShownWords => ({ words: words.length, hash: createHash('sha256').update(words.join('\n')).digest('hex') });

export interface EpisodeSummary {
  /** The transcript, relative to the content folder (see library.ts). */
  file: string;
  slug: string;
  title: string;
  format: TranscriptFormat;
  /** Where the sections came from: see SectionOrigin. */
  origin: SectionOrigin;
  fragments: number;
  words: number;
  /** Named relative to the content folder. */
  warnings: TranscriptWarning[];
  /** Corrections made per rule (same order as the rules). */
  counts: number[];
  /** What the site-wide pages show of it. */
  catalog: CatalogEntry;
  /** Each section page's transcript words, by section slug: src/build/finish/finish-site.ts checks the page against them. */
  shown: Record<string, ShownWords>;
}

/** Where an episode's downloads are written inside its prepared folder. */
export const downloadsDir = (episodeDir: string) => path.join(episodeDir, 'downloads');

/** A prepared episode: its summary, and the words it says, for the cache (episode-cache.ts). */
export interface Prepared {
  summary: EpisodeSummary;
  words: EpisodeWords;
}

/**
 * The words each section page must show, in order, by the page's path below its episode
 * (`<section>`, and `<section>/2` for a long section's second page: src/domain/section-pages.ts).
 */
export function sectionWords(episode: ReturnType<typeof correctedEpisode>): Record<string, string[]> {
  const pages: Record<string, string[]> = {};
  for (const s of episode.sections) {
    // Found sentences show the words with capitals and closing marks: buildEpisode held each shown
    // word to its source word (invariants.ts), so the page is held to the shown ones.
    const words = episode.sentencesFound
      ? s.paragraphs.map((p) => tokens(p.text))
      : paragraphWords(s.paragraphs.map((p) => tokens(p.text)).map((w) => w.length), episode.source.fragments.slice(...s.fragmentRange).flatMap((f) => tokens(f.text)));
    const starts = s.pageStarts;
    [0, ...starts].forEach((from, k) => {
      pages[[s.slug, pageSegment(k + 1)].filter(Boolean).join('/')] = words.slice(from, starts[k] ?? words.length).flat();
    });
  }
  return pages;
}

/** The source's words, dealt into paragraphs of the given lengths (reflow regroups words, never changes them). */
function paragraphWords(lengths: readonly number[], words: readonly string[]): string[][] {
  let at = 0;
  return lengths.map((n) => words.slice(at, (at += n)));
}

/** Prepares the episode read from `inputs` into `generated/<slug>/`. */
export async function prepareEpisode(inputs: EpisodeInputs, rules: readonly CorrectionRule[], generated: string, settings: EpisodeSettings): Promise<Prepared> {
  const counts = rules.map(() => 0);
  const source = await readSource(inputs);
  const words: EpisodeWords = { cores: wordCores(source.transcript.fragments), names: source.names };
  const episode = correctedEpisode(source, rules, counts);
  const catalog = await writeEpisodeMdx(episode, generated);
  await writeEpisodeDownloads(episode, downloadsDir(path.join(generated, episode.slug)), settings);
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
    catalog,
    shown: Object.fromEntries(Object.entries(sectionWords(episode)).map(([slug, w]) => [slug, shownWords(w)])),
  };
  return { summary, words };
}
