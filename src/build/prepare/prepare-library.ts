/**
 * A library's episodes prepared into a generated folder: copied from the episode cache where it
 * holds them, prepared in worker processes otherwise (pool.ts), and then kept in the cache. What
 * `build` and `dev` both do before Astro renders.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { CorrectionRule } from '../../domain/corrections.ts';
import type { SiteUrls } from './downloads.ts';
import type { EpisodeCache } from './episode-cache.ts';
import type { EpisodeJob } from '../library/library.ts';
import { prepareAll } from './pool.ts';
import type { EpisodeSummary } from './prepare-episode.ts';

export interface LibraryJob {
  jobs: readonly EpisodeJob[];
  rules: CorrectionRule[];
  generated: string;
  urls: SiteUrls;
  /** None: prepare every episode, keep nothing. */
  cache: EpisodeCache | undefined;
  /** Each episode's summary, in file order, whether copied or prepared. */
  onEpisode: (summary: EpisodeSummary) => void;
  /**
   * Called when a core has nothing left to prepare: after the cache lookups when fewer episodes
   * than cores are left, and again by prepareAll. It must not mind being called twice (starting
   * the renderer does not).
   */
  onIdleCore?: () => void;
  /** An episode that could not be kept: it costs the next build time, never this one its result. */
  onUnkept?: (file: string, reason: string) => void;
}

export async function prepareLibrary(job: LibraryJob): Promise<{ summaries: EpisodeSummary[]; fromCache: number }> {
  const { jobs, rules, generated, urls, cache } = job;
  cache?.removeStale();
  const found = cache ? await Promise.all(jobs.map((episode) => cache.find(episode, rules))) : [];
  // Copying entries out leaves a core free; when fewer episodes than cores are left to prepare,
  // the next phase (Astro, loading) can have it now rather than after the copying.
  if (cache && found.filter((f) => !f.entry).length < availableParallelism()) job.onIdleCore?.();
  const lookups = cache ? await Promise.all(found.map((f) => cache.copyOut(f, rules, (slug) => path.join(generated, slug)))) : [];
  const stores: Array<Promise<void>> = [];
  const summaries = await prepareAll(jobs, rules, generated, urls, job.onEpisode, job.onIdleCore, lookups.map((l) => l.summary), (i, prepared) => {
    if (!cache) return;
    const kept = cache.store(lookups[i]!.sourceKey, prepared.words, rules, prepared.summary, path.join(generated, prepared.summary.slug));
    stores.push(kept.catch((error: unknown) => job.onUnkept?.(path.basename(prepared.summary.file), error instanceof Error ? error.message : String(error))));
  });
  await Promise.all(stores);
  return { summaries, fromCache: lookups.filter((l) => l.summary).length };
}
