/**
 * A channel's archive: libraries of 1,000 episodes and more, each episode of its own text
 * (bench/distinct.ts), asked for with `--sizes 1000,5000`. For each size: clean builds (time and
 * peak memory per phase, shards and indexes), the site's size, search (bytes and time to the first
 * result, success@1 on the queries the generator planted), and, up to 1,000 episodes, rebuilds
 * with the caches. Beside them, the references the targets are measured against: search on one
 * distinct episode, and adding one episode to 20.
 *
 * `--parts N` also builds the largest size up to 1,000 as a GitHub Actions matrix would: N
 * processes of `build --shard K/N` one after another, then `join`, each timed and sampled.
 */
import { browseStats, type BrowseStats } from './browse.ts';
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { distStats, quiet, timedBuild, timedProcess, type BuildRun, type DistStats } from './build.ts';
import { episodeFiles, episodeName, sentencePool, writeDistinctLibrary, type Planted } from './distinct.ts';
import { paragraphsOf, scoredRelevance, truthOf, type RelevanceQuery, type RelevanceResult } from './relevance.ts';
import { searchRun, searchSummaries, type SearchMode, type SearchRun } from './search.ts';
import { summarizeFields, type NumericKeys, type Summary } from './stats.ts';
import type { SearchSummary } from './report.ts';

/** The references: search on one episode, rebuilds of twenty. */
export const SEARCH_REFERENCE = 1;
export const REBUILD_REFERENCE = 20;
/** Rebuilds are measured up to this size (each one costs a build of the whole library). */
const REBUILD_UP_TO = 1000;

export interface ArchiveRebuild {
  /** The first build with an empty cache: a clean build that also fills the caches. */
  fill: BuildRun;
  addOne: BuildRun;
  unchanged: BuildRun;
}

export interface ArchiveParts {
  n: number;
  parts: Array<{ k: number; wallS: number; peakTreeBytes: number; bytes: number }>;
  join: { wallS: number; peakTreeBytes: number };
}

/** A build of the same library by another checkout (--baseline), interleaved with ours. */
export interface BaselineRun {
  wallS: number;
  peakTreeBytes: number;
}

export interface ArchiveSize {
  episodes: number;
  runs: BuildRun[];
  baseline?: BaselineRun[];
  build: Record<NumericKeys<BuildRun>, Summary>;
  dist: DistStats;
  browse: BrowseStats;
  rebuild?: ArchiveRebuild;
  parts?: ArchiveParts;
  search?: { runs: SearchRun[]; summary: SearchSummary[] };
  relevance?: RelevanceResult;
}

export interface ArchiveResults {
  sizes: ArchiveSize[];
}

interface Library {
  content: string;
  dist: string;
  planted: Planted[];
}

const libraryDir = (work: string, n: number) => path.join(work, `archive-${n}`);

function library(root: string, work: string, n: number): Library {
  const dir = libraryDir(work, n);
  const content = path.join(dir, 'content');
  rmSync(dir, { recursive: true, force: true });
  return { content, dist: path.join(dir, 'dist'), planted: writeDistinctLibrary(root, content, n) };
}

/** Builds every size: clean builds (interleaved across sizes), then rebuilds and parts. */
/**
 * `baseline`: another checkout (installed), whose clean builds of each size are interleaved with
 * ours, so that "no slower than before" is measured in one session on one machine.
 */
export async function archiveBuilds(root: string, project: string, sizes: readonly number[], work: string, runs: number, parts: number | null, baseline: string | null, log: (m: string) => void): Promise<{ results: ArchiveSize[]; libraries: Map<number, Library> }> {
  const all = [...new Set([SEARCH_REFERENCE, REBUILD_REFERENCE, ...sizes])].sort((a, b) => a - b);
  const libraries = new Map(all.map((n) => [n, library(root, work, n)]));
  const collected = new Map<number, BuildRun[]>(all.map((n) => [n, []]));
  const before = new Map<number, BaselineRun[]>(all.map((n) => [n, []]));
  for (let run = 1; run <= runs; run++) {
    for (const n of all) {
      const lib = libraries.get(n)!;
      const result = await timedBuild(project, lib.content, lib.dist);
      collected.get(n)!.push(result);
      log(`archive build ${run}/${runs}, ${n} distinct episode(s): ${result.wallS.toFixed(1)} s, peak ${(result.peakTreeBytes / 2 ** 20).toFixed(0)} MiB (shards ${(result.peakShardsBytes / 2 ** 20).toFixed(0)}), ${result.shards} shards, ${result.groups} indexes`);
      // The baseline only where it can build at all in this machine's memory (it holds the whole archive at once).
      if (baseline && n >= REBUILD_REFERENCE && n <= REBUILD_UP_TO) {
        const out = path.join(work, `baseline-${n}`);
        rmSync(out, { recursive: true, force: true });
        const old = await timedProcess([path.join(baseline, 'scripts', 'transcript-site.mjs'), 'build', '--content', lib.content, '--out', out, '--no-cache'], baseline);
        await quiet(baseline, out);
        rmSync(out, { recursive: true, force: true });
        before.get(n)!.push({ wallS: old.wallS, peakTreeBytes: old.peak.treeBytes });
        log(`baseline build ${run}/${runs}, ${n} distinct episode(s): ${old.wallS.toFixed(1)} s, peak ${(old.peak.treeBytes / 2 ** 20).toFixed(0)} MiB`);
      }
    }
  }
  const results: ArchiveSize[] = all.map((n) => ({
    episodes: n,
    runs: collected.get(n)!,
    build: summarizeFields(collected.get(n)!),
    dist: distStats(libraries.get(n)!.dist),
    browse: browseStats(libraries.get(n)!.dist),
    ...(before.get(n)!.length ? { baseline: before.get(n)! } : {}),
  }));
  for (const size of results.filter((s) => s.episodes <= REBUILD_UP_TO && s.episodes >= REBUILD_REFERENCE)) {
    size.rebuild = await rebuild(project, libraries.get(size.episodes)!, size.episodes, work, log);
  }
  const partsSize = Math.max(...all.filter((n) => n <= REBUILD_UP_TO));
  if (parts && partsSize > REBUILD_REFERENCE) {
    results.find((s) => s.episodes === partsSize)!.parts = await matrix(project, libraries.get(partsSize)!, partsSize, parts, work, log);
  }
  return { results, libraries };
}

/** Fills the caches, adds one new episode, then builds again with nothing changed. */
async function rebuild(project: string, lib: Library, n: number, work: string, log: (m: string) => void): Promise<ArchiveRebuild> {
  const cache = path.join(work, `archive-cache-${n}`);
  const out = path.join(work, `archive-rebuild-${n}`);
  rmSync(cache, { recursive: true, force: true });
  const fill = await timedBuild(project, lib.content, out, false, cache);
  // The next episode of the same archive arrives (numbered after the library's own).
  const added = episodeFiles(n + 1, sentencePool(path.resolve(import.meta.dirname, '..')));
  writeFileSync(path.join(lib.content, `${episodeName(n + 1)}.vtt`), added.vtt);
  writeFileSync(path.join(lib.content, `${episodeName(n + 1)}.yml`), added.sidecar);
  const addOne = await timedBuild(project, lib.content, out, false, cache);
  const unchanged = await timedBuild(project, lib.content, out, false, cache);
  rmSync(path.join(lib.content, `${episodeName(n + 1)}.vtt`));
  rmSync(path.join(lib.content, `${episodeName(n + 1)}.yml`));
  rmSync(cache, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  log(`archive rebuilds, ${n} episodes: fill ${fill.wallS.toFixed(1)} s, +1 episode ${addOne.wallS.toFixed(1)} s, unchanged ${unchanged.wallS.toFixed(1)} s`);
  return { fill, addOne, unchanged };
}

/** The build as a matrix of `count` machines would run it: each part, then the join. */
async function matrix(project: string, lib: Library, n: number, count: number, work: string, log: (m: string) => void): Promise<ArchiveParts> {
  const dir = path.join(work, `archive-parts-${n}`);
  rmSync(dir, { recursive: true, force: true });
  const cli = path.join(project, 'scripts', 'transcript-site.mjs');
  const parts: ArchiveParts['parts'] = [];
  for (let k = 1; k <= count; k++) {
    const out = path.join(dir, String(k));
    const run = await timedProcess([cli, 'build', '--content', lib.content, '--out', out, '--no-cache', '--shard', `${k}/${count}`], project);
    await quiet(project, out);
    parts.push({ k, wallS: run.wallS, peakTreeBytes: run.peak.treeBytes, bytes: folderBytes(out) });
  }
  const join = await timedProcess([cli, 'join', '--out', path.join(dir, 'dist'), ...parts.map((p) => path.join(dir, String(p.k)))], project);
  rmSync(dir, { recursive: true, force: true });
  log(`archive matrix of ${count}, ${n} episodes: parts ${parts.map((p) => p.wallS.toFixed(0)).join(', ')} s; join ${join.wallS.toFixed(1)} s`);
  return { n: count, parts, join: { wallS: join.wallS, peakTreeBytes: join.peak.treeBytes } };
}

function folderBytes(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return bytes;
}

/** Queries typed for timing: a word said once, a planted phrase, a guest's name with their word, and a word said everywhere. */
function timingQueries(planted: readonly Planted[]): string[] {
  const first = planted.filter((p) => p.episode === episodeName(1));
  const middle = planted.filter((p) => p.episode === episodeName(Math.max(1, Math.ceil(planted.length / 12))));
  return [
    first.find((p) => p.kind === 'rare')!.text,
    (middle.find((p) => p.kind === 'phrase') ?? first.find((p) => p.kind === 'phrase')!).text,
    first.find((p) => p.kind === 'speaker')!.text,
    'models',
  ];
}

const MODES: SearchMode[] = ['cold', 'ready'];

/** Search timings and relevance on a built, served archive. */
export async function archiveSearch(browser: Browser, origin: string, size: ArchiveSize, lib: Library, runs: number, log: (m: string) => void): Promise<void> {
  const section = `/${episodeName(1)}/introduction/`;
  const queries = timingQueries(lib.planted);
  const all: SearchRun[] = [];
  for (let i = 0; i < runs; i++) {
    for (const query of queries) for (const mode of MODES) all.push(await searchRun(browser, origin, lib.dist, section, query, mode));
  }
  const summary = searchSummaries(all, queries, MODES);
  size.search = { runs: all, summary };
  log(`archive search, ${size.episodes} episode(s): ${summary.map((s) => `${s.query.slice(0, 20)} ${s.mode} ${s.ms.median.toFixed(0)} ms`).join(', ')}`);
  size.relevance = await plantedRelevance(browser, origin, lib, size.episodes);
  log(`archive relevance, ${size.episodes} episode(s): success@1 ${size.relevance.ours.at(-1)!.successAt1.toFixed(3)} of ${size.relevance.ours.at(-1)!.queries}`);
}

/** Per kind, this many planted queries, spread over the archive. */
const PER_KIND = 60;

/**
 * Success@1 on the generator's planted queries: the truth is the episode it wrote them into and
 * the words (and speaker) it planted; the paragraphs of that episode that hold them are looked up
 * in the built pages only to know their addresses.
 */
async function plantedRelevance(browser: Browser, origin: string, lib: Library, episodes: number): Promise<RelevanceResult> {
  const kinds = ['rare', 'phrase', 'speaker', 'relative'] as const;
  const chosen = kinds.flatMap((kind) => {
    const of = lib.planted.filter((p) => p.kind === kind);
    const step = Math.max(1, Math.floor(of.length / PER_KIND));
    return of.filter((_, i) => i % step === 0).slice(0, PER_KIND);
  });
  const paragraphs = paragraphsOf(lib.dist, new Set(chosen.map((p) => p.episode)));
  const queries: RelevanceQuery[] = chosen.map((p) => ({ kind: p.kind, text: p.text, words: p.words, ...(p.speaker ? { speaker: p.speaker } : {}) }));
  const truths = chosen.map((p, i) => new Set([...truthOf(queries[i]!, paragraphs)].filter((url) => url.startsWith(`/${p.episode}/`))));
  return scoredRelevance(browser, origin, queries, truths, episodes, `${episodes} distinct episodes, planted queries`);
}
