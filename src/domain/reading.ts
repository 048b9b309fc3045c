import { spokenCount } from './sound-tags.ts';
import type { Episode } from './types.ts';

/** How long text takes to read: one definition for the episode's and each section's "N min read". */
export const WORDS_PER_MINUTE = 200;

export const readingMinutes = (words: number): number => Math.max(1, Math.round(words / WORDS_PER_MINUTE));

/**
 * The words an episode says (sound tags such as `[Music]` are not words said): one definition for
 * its overview, its summary line and the build's report.
 */
export const episodeWords = (episode: Pick<Episode, 'source'>): number => episode.source.fragments.reduce((n, f) => n + spokenCount(f.text), 0);
