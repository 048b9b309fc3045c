/**
 * A library's episodes, each read once and prepared unless the episode cache has it. What `build`
 * and `dev` both do before Astro renders.
 *
 * One pass in file order: an episode's files are read (their bytes hashed as they are read), the
 * cache is asked, and on a miss the texts go straight to a worker process (pool.ts). Reading stays
 * a few episodes ahead of the workers, so a large library is never held in memory. A hit is only
 * noted: its files are copied out later, and only if its shard is rendered again (`copyOut`).
 */
import path from 'node:path';
import { TranscriptError } from '../../domain/errors.ts';
import { readInputs, shown, type EpisodeJob, type Library } from '../library/library.ts';
import type { EpisodeSettings } from './downloads.ts';
import type { EpisodeCache, Found } from './episode-cache.ts';
import { Pool } from './pool.ts';
import type { EpisodeSummary } from './prepare-episode.ts';

export interface Ready {
  job: EpisodeJob;
  summary: EpisodeSummary;
  /** A hash of the files it was read from (library.ts). */
  hash: string;
  /** The cache entry it is or was kept as (equal keys, equal files); none without the cache. */
  key: string | undefined;
  /** Found in the cache; its files are still there, not yet in the generated folder. */
  cached?: NonNullable<Found['entry']>;
}

export interface PrepareJob {
  library: Library;
  /** The episodes to prepare, in order. */
  episodes: readonly EpisodeJob[];
  /** The generated folder an episode's folder goes into (each shard renders from its own). */
  generatedFor: (job: EpisodeJob) => string;
  settings: EpisodeSettings;
  /** None: prepare every episode, keep nothing. */
  cache: EpisodeCache | undefined;
  /** Each episode, in order, once its summary is known (from the cache or prepared). */
  onEpisode?: (ready: Ready) => void;
  /** An episode that could not be kept: it costs the next build time, never this one its result. */
  onUnkept?: (file: string, reason: string) => void;
  /** An episode the cache does not have, as its preparation starts. */
  onMiss?: (job: EpisodeJob) => void;
}

/** How many episodes are read ahead of the workers, per worker. */
const AHEAD = 2;

export async function prepareLibrary(job: PrepareJob): Promise<Ready[]> {
  const { library, cache, settings } = job;
  const rules = library.corrections.rules;
  cache?.removeStale();
  const pool = new Pool();
  const results: Array<Promise<Ready>> = [];
  const inFlight = new Set<Promise<unknown>>();
  // Each episode is told of in order, whatever order the workers finish in: output never depends on timing.
  let telling: Promise<void> = Promise.resolve();
  try {
    for (const episode of job.episodes) {
      const { inputs, hash } = await readInputs(library.dir, episode);
      const found = cache ? await cache.find(hash, rules) : undefined;
      let ready: Promise<Ready>;
      if (found?.entry) {
        ready = Promise.resolve({ job: episode, hash, summary: found.entry.summary, key: found.entry.key, cached: found.entry });
      } else {
        job.onMiss?.(episode);
        const generated = job.generatedFor(episode);
        // Only the hash outlives this turn: the texts go to the worker and are let go.
        ready = pool.prepare({ inputs, rules, generated, settings }).then(
          async ({ summary, words }) => {
            if (!cache) return { job: episode, hash, summary, key: undefined };
            const key = await cache.store(found!.sourceKey, words, rules, summary, path.join(generated, summary.slug)).catch((error: unknown) => {
              job.onUnkept?.(shown(library.dir, summary.file), error instanceof Error ? error.message : String(error));
              return undefined;
            });
            return { job: episode, hash, summary, key };
          },
          (error: unknown) => {
            throw error instanceof TranscriptError ? shownError(library.dir, error) : error;
          },
        );
        const settled = ready.then(() => {}, () => {});
        inFlight.add(settled);
        void settled.then(() => inFlight.delete(settled));
        // Read only a little ahead of what the workers can take.
        while (inFlight.size > pool.capacity * AHEAD) await Promise.race(inFlight);
      }
      ready.catch(() => {});
      results.push(ready);
      telling = telling.then(async () => job.onEpisode?.(await ready));
    }
    // The first problem in file order is the one reported.
    for (const ready of results) await ready;
    await telling;
    return await Promise.all(results);
  } finally {
    pool.close();
  }
}

/**
 * Copies a cached episode's files into `generated` (its shard's folder). Returns false when the
 * entry turned out damaged: the caller prepares the episode again.
 */
export async function copyOut(cache: EpisodeCache, ready: Ready, generated: string): Promise<boolean> {
  return cache.copyOut(ready.cached!, path.join(generated, ready.summary.slug));
}

/** A problem named as the user sees the file (the domain names files relative to the content folder). */
export function shownError(dir: string, error: TranscriptError): TranscriptError {
  return new TranscriptError(shown(dir, error.file), error.line, error.message, error.hint);
}
