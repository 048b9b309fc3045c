#!/usr/bin/env node
/**
 * `npm run bench`: how fast the build is, how much memory it takes, how heavy the pages are and
 * what a search costs, for libraries of 1, 10, 50 and 200 copies of the bundled episode; how
 * long reading an hour of speech takes in each transcript format; and whether search's first
 * result is the right one, on a library of several episodes and on one of 50.
 *
 *   npm run bench                     full run (3 builds per size), about 10 minutes on 2 cores
 *   npm run bench -- --quick          1 and 10 episodes, one run of everything: for development
 *   npm run bench -- --runs 5         more builds per size
 *   npm run bench -- --sizes 1,50     other library sizes
 *   npm run bench -- --no-browser     builds only (no page weight, search or Lighthouse)
 *   npm run bench -- --no-lighthouse  skip Lighthouse
 *   npm run bench -- --cold           empty Node's compile cache before every build (as a first
 *                                     build, or CI without a cache); by default it is kept, as
 *                                     between a user's builds
 *   npm run bench -- --sizes 1000,5000 archives of distinct episodes (bench/archive.ts): builds, rebuilds,
 *                                     search and its relevance at a channel's scale; --parts 8 also builds
 *                                     the largest up to 1,000 as a matrix of 8 parts and joins them;
 *                                     --archive-runs N clean builds per size (default 1); --baseline DIR
 *                                     interleaves the clean builds of another checkout (say main's)
 *   npm run bench -- --peer /tmp/peer also build and weigh a Starlight peer (a writable copy of a
 *                                     stock Starlight site of the same transcript, after `npm ci`)
 *                                     at 1 and 50 copies, interleaved with our builds (--peer-sizes)
 *
 * Everything is built in a temporary folder; nothing in the repository is touched except the
 * results: bench/results/<date>.json (machine-readable) and .md (the tables, also on stdout).
 * Progress goes to stderr.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launch } from '../test/helpers/browser.ts';
import { serve } from '../test/helpers/serve.ts';
import { distStats, timedBuild, type BuildRun, type DistStats } from './build.ts';
import { writeLibrary } from './library.ts';
import { rebuilds, type RebuildResult } from './rebuild.ts';
import { lighthouseRun, type LighthouseRun } from './lighthouse.ts';
import { machine } from './machine.ts';
import { clearGzipCache } from './network.ts';
import { checkPeer, generatePeer, peerBuild, peerPages, type PeerRun } from './peer.ts';
import { archiveBuilds, archiveSearch, type ArchiveSize } from './archive.ts';
import { markdown, type LighthouseSummary, type PeerSizeResult, type Results, type SearchSummary, type SizeResult } from './report.ts';
import { SEARCH_MODES, searchRun, searchSummaries, type SearchRun } from './search.ts';
import { snapshot } from './snapshot.ts';
import { fmt, summarizeFields } from './stats.ts';
import { pageWeight } from './weight.ts';
import { parseTimes } from './parse.ts';
import { chapterCost, scoreCase, segmentationCases } from './segmentation.ts';
import { sentenceScores } from './sentences.ts';
import { makeQueries, paragraphsOf, relevance, writeRelevanceLibrary, type RelevanceResult } from './relevance.ts';

const root = path.resolve(import.meta.dirname, '..');
/** Where builds run: a private copy of `root` (see bench/snapshot.ts); set in main(). */
let project = root;
const bundled = path.join(root, 'content', 'openai-chief-scientist.youtldr.txt');

/** The pages we weigh and audit. Episode 1 is the newest; its 2nd section is a typical one. */
const PAGES = { library: '/', overview: '/episode-1/', section: '/episode-1/timelines-and-benchmarks/' };
/** A common word, a rare phrase (one paragraph), and a speaker's name. */
const QUERIES = ['models', 'making forests into', 'Jacob Efron'];

/** Sizes from this one on are archives of distinct episodes (bench/archive.ts); smaller ones, copies of the bundled episode. */
const ARCHIVE_FROM = 1000;

interface Options {
  sizes: number[];
  /** Archive sizes (1,000 and more), from --sizes. */
  archive: number[];
  /** Build the archive as a matrix of this many parts too (--parts). */
  parts: number | null;
  /** Clean builds per archive size (a build of 5,000 takes about half an hour here). */
  archiveRuns: number;
  /** Another checkout, installed, whose archive builds are interleaved with ours (--baseline). */
  baseline: string | null;
  runs: number;
  searchRuns: number;
  lighthouseRuns: number;
  /** The library size whose pages Lighthouse audits (one size: the pages do not change with it). */
  lighthouseEpisodes: number | null;
  browser: boolean;
  keep: boolean;
  quick: boolean;
  /** Empty Node's compile cache before every build (a first build after install, or CI without a cache). */
  cold: boolean;
  /** A writable, installed copy of the Starlight peer, or null. */
  peer: string | null;
  peerSizes: number[];
}

/** `1,10,50` → [1, 10, 50]; whole numbers ≥ 1 only. */
function sizeList(flag: string, text: string): number[] {
  const sizes = text.split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`${flag} takes whole numbers ≥ 1, like 1,10,50`);
  return sizes;
}

function options(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      cold: { type: 'boolean', default: false },
      runs: { type: 'string' },
      sizes: { type: 'string' },
      'no-browser': { type: 'boolean', default: false },
      'no-lighthouse': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      peer: { type: 'string' },
      'peer-sizes': { type: 'string', default: '1,50' },
      parts: { type: 'string' },
      baseline: { type: 'string' },
      'archive-runs': { type: 'string', default: '1' },
    },
  });
  const quick = values.quick;
  const given = values.sizes ? sizeList('--sizes', values.sizes) : quick ? [1, 10] : [1, 10, 50, 200];
  const sizes = given.filter((n) => n < ARCHIVE_FROM);
  const archive = given.filter((n) => n >= ARCHIVE_FROM);
  const parts = values.parts ? sizeList('--parts', values.parts)[0]! : null;
  const runs = values.runs ? Number(values.runs) : quick ? 1 : 3;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number ≥ 1');
  // Lighthouse at 50 episodes, where the Starlight peer was also audited; else the largest size.
  const lighthouseEpisodes = values['no-lighthouse'] || values['no-browser'] || sizes.length === 0 ? null : sizes.includes(50) ? 50 : Math.max(...sizes);
  const peer = values.peer ? path.resolve(values.peer) : null;
  if (peer) checkPeer(peer);
  const peerSizes = sizeList('--peer-sizes', values['peer-sizes']);
  const archiveRuns = sizeList('--archive-runs', values['archive-runs'])[0]!;
  const baseline = values.baseline ? path.resolve(values.baseline) : null;
  return { sizes, archive, parts, archiveRuns, baseline, runs, searchRuns: quick ? 1 : 3, lighthouseRuns: quick ? 1 : 3, lighthouseEpisodes, browser: !values['no-browser'], keep: values.keep, quick, cold: values.cold, peer, peerSizes };
}

const started = performance.now();
function log(message: string): void {
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const startedAt = new Date();
  const work = mkdtempSync(path.join(tmpdir(), 'transcript-site-bench-'));
  log(`working in ${work}`);
  try {
    const copy = snapshot(root, path.join(work, 'project'));
    project = copy.dir;
    log(`building from a copy of the project at ${copy.revision}`);
    const parse = await parseTimes(bundled, opts.quick ? 3 : 9);
    log(`reading an hour of speech: ${parse.map((p) => `${p.format} ${(p.readMs.median + p.checkMs.median).toFixed(0)} ms`).join(', ')}`);
    const segmentation = { cases: (await segmentationCases(root)).map(scoreCase), cost: await chapterCost(root, opts.quick ? 5 : 11) };
    log(`automatic sections: ${segmentation.cases.map((c) => `Pk ${c.methods['topics (ours)']!.pk.toFixed(2)}`).join(', ')}; cost ${segmentation.cost.topicsMs.median.toFixed(0)} ms vs ${segmentation.cost.partsMs.median.toFixed(0)} ms`);
    const sentences = await sentenceScores(root);
    log(`sentences in captions without punctuation: ${sentences.filter((r) => r.method === 'ours').map((r) => `${r.variant} recall ${r.recall.toFixed(2)}, mean ${r.meanSentence.toFixed(1)} words`).join('; ')}`);
    const { sizes, peer, rebuilds: rebuildResults } = opts.sizes.length ? await buildAll(opts, work) : { sizes: [], peer: [], rebuilds: [] };
    const archive = opts.archive.length ? await archiveBuilds(root, project, opts.archive, work, opts.archiveRuns, opts.parts, opts.baseline, log) : undefined;
    let chromium = 'not used';
    let relevanceResults: RelevanceResult[] | undefined;
    if (opts.browser) ({ version: chromium, relevance: relevanceResults } = await measureInBrowser(opts, sizes, peer, work, archive));
    const results: Results = {
      startedAt: startedAt.toISOString(),
      durationS: (performance.now() - started) / 1000,
      revision: copy.revision,
      command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
      options: { sizes: opts.sizes, runs: opts.runs, searchRuns: opts.searchRuns, lighthouseRuns: opts.lighthouseRuns, lighthouseEpisodes: opts.lighthouseEpisodes, cold: opts.cold },
      machine: machine(chromium),
      sizes,
      rebuilds: rebuildResults,
      parse,
      segmentation,
      sentences,
      ...(relevanceResults ? { relevance: relevanceResults } : {}),
      ...(opts.peer ? { peer: { dir: opts.peer, sizes: peer } } : {}),
      ...(archive ? { archive: archive.results } : {}),
      problems,
    };
    save(results, startedAt, opts.quick);
  } finally {
    if (opts.keep) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Builds every size `runs` times. The runs are interleaved (1, 10, 50, 200, then again), so that
 * a burst of other work on the machine spreads over all sizes instead of spoiling one. Peer
 * builds, if asked for, take their turn right after ours of the same size.
 */
async function buildAll(opts: Options, work: string): Promise<{ sizes: SizeResult[]; peer: PeerSizeResult[]; rebuilds: RebuildResult[] }> {
  const runs = new Map<number, BuildRun[]>(opts.sizes.map((n) => [n, []]));
  const dists = new Map<number, DistStats[]>(opts.sizes.map((n) => [n, []]));
  const peerRuns = new Map<number, PeerRun[]>(opts.peerSizes.map((n) => [n, []]));
  const peerDists = new Map<number, DistStats>();
  const contents = new Map(opts.sizes.map((n) => [n, writeLibrary(bundled, dir(work, n), n)]));
  const order = [...new Set([...opts.sizes, ...(opts.peer ? opts.peerSizes : [])])].sort((a, b) => a - b);
  for (let run = 1; run <= opts.runs; run++) {
    for (const n of order) {
      if (contents.has(n)) {
        const result = await timedBuild(project, contents.get(n)!, distDir(work, n), opts.cold);
        runs.get(n)!.push(result);
        dists.get(n)!.push(distStats(distDir(work, n)));
        log(`build ${run}/${opts.runs}, ${n} episode(s): ${buildLine(result)}`);
      }
      if (opts.peer && peerRuns.has(n)) {
        generatePeer(opts.peer, bundled, n);
        const { run: result, dist } = await peerBuild(opts.peer);
        peerRuns.get(n)!.push(result);
        peerDists.set(n, dist);
        // Keep this size's site for weighing: the next peer build replaces the peer's dist/.
        if (run === opts.runs) cpSync(path.join(opts.peer, 'dist'), peerDistDir(work, n), { recursive: true });
        log(`peer build ${run}/${opts.runs}, ${n} copies: ${buildLine(result)}`);
      }
    }
  }
  const rebuildsDone: RebuildResult[] = [];
  // Rebuilds where a weekly rebuild matters: 50 and 200 episodes (in a quick run, the largest size).
  for (const n of opts.quick ? [Math.max(...opts.sizes)] : opts.sizes.filter((size) => size >= 50)) {
    rebuildsDone.push(await rebuilds(project, bundled, contents.get(n)!, n, path.join(work, `rebuild-${n}`), opts.quick ? 1 : opts.runs, log));
  }
  const sizes = opts.sizes.map((n) => {
    const d = dists.get(n)!;
    const same = d.every((x) => x.pages === d[0]!.pages && x.files === d[0]!.files && x.bytes === d[0]!.bytes);
    return { episodes: n, runs: runs.get(n)!, build: summarizeFields(runs.get(n)!), dist: d[d.length - 1]!, distStable: same };
  });
  const peer = opts.peer ? opts.peerSizes.map((n) => ({ copies: n, runs: peerRuns.get(n)!, build: summarizeFields(peerRuns.get(n)!), dist: peerDists.get(n)! })) : [];
  return { sizes, peer, rebuilds: rebuildsDone };
}

/** A build's progress line: wall time, peak memory and the noise check. */
function buildLine(run: { wallS: number; peakTreeBytes: number; othersCpuS: number; busiest: string }): string {
  return `${run.wallS.toFixed(1)} s, peak ${fmt.mib(run.peakTreeBytes)} MiB, others' CPU ${run.othersCpuS.toFixed(1)} s${run.busiest ? ` (${run.busiest})` : ''}`;
}
const dir = (work: string, n: number) => path.join(work, `library-${n}`);
const distDir = (work: string, n: number) => path.join(dir(work, n), 'dist');
const peerDistDir = (work: string, n: number) => path.join(work, `peer-${n}`, 'dist');

/** Page weight, search and Lighthouse, each size served from its last build; then search relevance. */
async function measureInBrowser(opts: Options, sizes: SizeResult[], peer: PeerSizeResult[], work: string, archive?: Awaited<ReturnType<typeof archiveBuilds>>): Promise<{ version: string; relevance: RelevanceResult[] }> {
  const browser = await launch();
  const version = browser.version();
  const results: RelevanceResult[] = [];
  try {
    for (const size of sizes) await served(project, distDir(work, size.episodes), (origin, dist) => measureSize(browser, opts, size, origin, dist));
    // The peer's own folder is the root, so that preview reads its astro.config.mjs.
    for (const size of peer) await served(opts.peer!, peerDistDir(work, size.copies), (origin, dist) => measurePeerSize(browser, opts.peer!, size, origin, dist));
    if (sizes.length) {
      await attempt('search relevance', async () => {
        results.push(...(await relevanceAll(browser, work, opts.quick)));
      });
    }
    for (const size of archive?.results.filter((r: ArchiveSize) => r.episodes === 1 || r.episodes >= ARCHIVE_FROM) ?? []) {
      const lib = archive!.libraries.get(size.episodes)!;
      await attempt(`archive search, ${size.episodes} episode(s)`, () => served(project, lib.dist, (origin) => archiveSearch(browser, origin, size, lib, opts.searchRuns, log)));
    }
  } finally {
    await browser.close();
  }
  return { version, relevance: results };
}

/** Episodes in the larger relevance library. */
const RELEVANCE_LIBRARY = 50;

/**
 * Search relevance on the small mixed library (the bundled episode, the CC0 examples, the format
 * fixtures), then, unless quick, on 50 episodes: the same plus copies of the bundled one. The
 * queries come from the small library in both, since in copies no word is rare.
 */
async function relevanceAll(browser: Browser, work: string, quick: boolean): Promise<RelevanceResult[]> {
  const build = async (name: string, copies: number) => {
    const at = path.join(work, name);
    writeRelevanceLibrary(root, path.join(at, 'content'), copies);
    await timedBuild(project, path.join(at, 'content'), path.join(at, 'dist'));
    return path.join(at, 'dist');
  };
  const small = await build('relevance-small', 0);
  const paragraphs = paragraphsOf(small);
  const queries = makeQueries(paragraphs);
  const results: RelevanceResult[] = [];
  const measure = async (dist: string, label: string) => {
    await served(project, dist, async (origin) => void results.push(await relevance(browser, origin, dist, queries, label)));
    const r = results.at(-1)!;
    log(`search relevance, ${r.episodes} episodes: success@1 ${r.ours.at(-1)!.successAt1.toFixed(3)} (Pagefind's order ${r.pagefind.at(-1)!.successAt1.toFixed(3)})`);
  };
  await measure(small, 'mixed');
  if (!quick) {
    const episodes = new Set(paragraphs.map((p) => p.url.split('/')[1])).size;
    await measure(await build('relevance-50', RELEVANCE_LIBRARY - episodes), `mixed + ${RELEVANCE_LIBRARY - episodes} copies of the bundled episode`);
  }
  return results;
}

/** Runs `measure` against `dist` served by Astro's preview server. */
async function served(projectDir: string, dist: string, measure: (origin: string, dist: string) => Promise<void>): Promise<void> {
  clearGzipCache();
  const server = await serve(dist, { root: projectDir });
  try {
    await measure(server.url, dist);
  } finally {
    await server.stop();
  }
}

async function measureSize(browser: Browser, opts: Options, size: SizeResult, origin: string, dist: string): Promise<void> {
  const n = `${size.episodes} episode(s)`;
  await attempt(`page weight, ${n}`, async () => {
    size.weights = [];
    for (const page of Object.values(PAGES)) size.weights.push(await pageWeight(browser, origin, dist, page));
    log(`page weight, ${n}: ${size.weights.map((w) => `${w.path} ${(w.onLoad.gzip / 1000).toFixed(1)} KB gz`).join(', ')}`);
  });
  await attempt(`search, ${n}`, async () => {
    size.search = await searchAll(browser, origin, dist, opts.searchRuns);
    log(`search, ${n}: ${size.search.summary.map((s) => `${s.query} ${s.mode} ${s.ms.median.toFixed(0)} ms`).join(', ')}`);
  });
  if (size.episodes === opts.lighthouseEpisodes) {
    await attempt(`lighthouse, ${n}`, async () => {
      size.lighthouse = await lighthouseAll(origin, opts.lighthouseRuns);
    });
  }
}

async function measurePeerSize(browser: Browser, peerDir: string, size: PeerSizeResult, origin: string, dist: string): Promise<void> {
  await attempt(`peer page weight, ${size.copies} copies`, async () => {
    size.weights = [];
    for (const page of Object.values(peerPages(peerDir))) size.weights.push(await pageWeight(browser, origin, dist, page));
    log(`peer page weight, ${size.copies} copies: ${size.weights.map((w) => `${w.path} ${(w.onLoad.gzip / 1000).toFixed(1)} KB gz`).join(', ')}`);
  });
}

/**
 * Problems met while measuring in the browser. One failed measurement should not throw away ten
 * minutes of builds: it is logged, recorded in the results, and the benchmark goes on.
 */
const problems: string[] = [];
async function attempt(what: string, measure: () => Promise<void>): Promise<void> {
  try {
    await measure();
  } catch (error) {
    const message = `${what} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    problems.push(message);
    log(message);
  }
}

/** Every query in every mode, `runs` times; the modes alternate so none gets the quieter moments. */
async function searchAll(browser: Browser, origin: string, dist: string, runs: number): Promise<{ runs: SearchRun[]; summary: SearchSummary[] }> {
  const all: SearchRun[] = [];
  for (let i = 0; i < runs; i++) {
    for (const query of QUERIES) {
      for (const mode of SEARCH_MODES) all.push(await searchRun(browser, origin, dist, PAGES.section, query, mode));
    }
  }
  const summary = searchSummaries(all, QUERIES, SEARCH_MODES);
  return { runs: all, summary };
}

/** Lighthouse on the overview and a section page, `runs` times each, pages alternating. */
async function lighthouseAll(origin: string, runs: number): Promise<LighthouseSummary[]> {
  const pages = { overview: PAGES.overview, section: PAGES.section };
  const collected = new Map<string, LighthouseRun[]>(Object.keys(pages).map((p) => [p, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, pagePath] of Object.entries(pages)) {
      const run = await lighthouseRun(origin + pagePath);
      collected.get(name)!.push(run);
      log(`lighthouse ${i + 1}/${runs} ${name}: performance ${Math.round(run.performance * 100)}, LCP ${run.lcpMs.toFixed(0)} ms`);
    }
  }
  return Object.entries(pages).map(([page, pagePath]) => ({ page, path: pagePath, runs: collected.get(page)!, summary: summarizeFields(collected.get(page)!) }));
}

/** bench/results/<date>.json and .md; the Markdown also goes to stdout. */
function save(results: Results, startedAt: Date, quick: boolean): void {
  const dirName = path.join(root, 'bench', 'results');
  mkdirSync(dirName, { recursive: true });
  // Local date and time to the minute, so several runs a day do not overwrite each other.
  const pad = (n: number) => String(n).padStart(2, '0');
  const d = startedAt;
  const stamp = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${quick ? '-quick' : ''}`;
  const md = markdown(results);
  writeFileSync(path.join(dirName, `${stamp}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(dirName, `${stamp}.md`), md);
  process.stdout.write(md);
  log(`wrote bench/results/${stamp}.json and .md`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
