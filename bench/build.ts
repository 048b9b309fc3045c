/**
 * One timed build: the real command (`node scripts/transcript-site.mjs build`) in a child process, as a user
 * runs it, so wall time includes Node's start-up and module loading. Phase times come from the
 * build's own progress events (src/build/progress.ts), sent over an IPC channel: the times they
 * carry and, for the steps that carry none, when they happened. Memory comes from sampling the
 * process tree.
 */
import { DOWNLOAD_FILES } from '../src/domain/exports/index.ts';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { peakBetween, sampleMemory, type MemoryPeak } from './memory.ts';
import type { Progress, ProgressMessage } from '../src/build/progress.ts';
import { busiestOthers, cpuMark, cpuUse, processTicks, type CpuUse } from './noise.ts';

export interface BuildRun {
  wallS: number;
  /** Reading the transcripts and preparing each episode's MDX and downloads, in worker processes ("prepared N episode(s) in X s"). */
  prepareS: number;
  /** Astro's builds, one child process per shard, added up. */
  renderS: number;
  /** The finishing pass over each shard (CSP, word check, pages handed to Pagefind), added up; it runs while the next shard renders. */
  finishS: number;
  /** Pagefind writing each group's index, added up. */
  indexS: number;
  /** The site-wide pages (library, search, 404, feed) rendered from the catalog by an Astro process of their own; beside the shard when the library is one shard. */
  siteS: number;
  /** Wall time of the shards' phase (rendering, finishing and indexing overlap inside it). */
  shardsS: number;
  /** Wall time of the join: shards and indexes moved into place, the site-wide pages (or the wait for them), sitemap, llms.txt. */
  joinS: number;
  /** Whatever is left: Node start-up, the plan, the swap into place, exit. */
  otherS: number;
  peakTreeBytes: number;
  peakSingleBytes: number;
  /** The process tree's peak while preparing, while rendering and indexing the shards, and while joining. */
  peakPrepareBytes: number;
  peakShardsBytes: number;
  peakJoinBytes: number;
  /** How many shards (Astro processes) and search indexes the library was dealt into. */
  shards: number;
  groups: number;
  /** CPU seconds (user + system) the build's processes used: above wallS means it used both cores. */
  cpuS: number;
  /** CPU seconds that other processes on the machine used meanwhile (see noise.ts). */
  othersCpuS: number;
  /** CPU seconds the hypervisor gave to other guests meanwhile. */
  stealS: number;
  /** Which other processes were busy meanwhile, e.g. "node 6.1 s". */
  busiest: string;
}

export interface DistStats {
  pages: number;
  files: number;
  bytes: number;
  htmlBytes: number;
  pagefindFiles: number;
  pagefindBytes: number;
  /** The part of Pagefind that grows with content: index, fragment and filter chunks, metadata. */
  pagefindIndexFiles: number;
  pagefindIndexBytes: number;
  /** Each episode's download files (transcript.txt, captions.vtt…, beside its overview). */
  downloadFiles: number;
  downloadBytes: number;
}

/**
 * Runs a build of `content` into `out`; throws with the log if it fails. A clean build prepares
 * every episode (`--no-cache`); with `cache`, the build uses that episode cache (a rebuild).
 */
export async function timedBuild(root: string, content: string, out: string, cold = false, cache?: string): Promise<BuildRun> {
  // A clean start every time: the build itself forces a fresh content store and prepares in a
  // root of its own, and leftovers of an earlier run in the output must not make a later run
  // cheaper. The compile cache (src/build/cli.ts) is kept between runs, as it is between a user's
  // builds, unless `cold`.
  rmSync(out, { recursive: true, force: true });
  // A cold build gets a new, empty cache of its own (wherever NODE_COMPILE_CACHE pointed before).
  const v8 = cold ? { NODE_COMPILE_CACHE: mkdtempSync(path.join(tmpdir(), 'transcript-site-v8-')) } : {};
  const episodes = cache ? ['--cache-dir', cache] : ['--no-cache'];
  const run = await timedProcess([path.join(root, 'scripts', 'transcript-site.mjs'), 'build', '--content', content, '--out', out, ...episodes], root, v8, true);
  if (cold) rmSync(v8.NODE_COMPILE_CACHE!, { recursive: true, force: true });
  await quiet(root, out);
  // The build's own progress events (src/build/progress.ts), received over the IPC channel.
  const event = <T extends Progress['type']>(type: T) => {
    const found = run.events.find((m) => m.progress.type === type);
    if (!found) throw new Error(`the build sent no "${type}" event; did its progress change?\n${run.log.slice(-2000)}`);
    return found as { progress: Extract<Progress, { type: T }>; atMs: number; receivedMs: number };
  };
  const all = <T extends Progress['type']>(type: T) => run.events.filter((m) => m.progress.type === type).map((m) => m.progress as Extract<Progress, { type: T }>);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const prepareS = event('prepared').progress.seconds;
  const renderS = sum(all('shard').map((e) => e.astroSeconds ?? 0));
  const finishS = sum(all('shard').map((e) => e.finishSeconds ?? 0));
  const indexS = sum(all('group').map((e) => e.writeSeconds ?? 0));
  const siteS = event('site').progress.seconds;
  // Phase boundaries in the sampler's clock: when each event reached this process.
  const at = (type: Progress['type']) => event(type).receivedMs;
  const plan = event('plan').progress;
  const shardsS = (at('checked') - at('prepared')) / 1000;
  const joinS = (at('joined') - at('checked')) / 1000;
  return {
    wallS: run.wallS,
    prepareS,
    renderS,
    finishS,
    indexS,
    siteS,
    joinS,
    shardsS,
    otherS: run.wallS - prepareS - shardsS - joinS,
    peakTreeBytes: run.peak.treeBytes,
    peakSingleBytes: run.peak.singleBytes,
    peakPrepareBytes: peakBetween(run.peak, 0, at('prepared')),
    peakShardsBytes: peakBetween(run.peak, at('prepared'), at('checked')),
    peakJoinBytes: peakBetween(run.peak, at('checked'), run.wallS * 1000),
    shards: plan.shards,
    groups: plan.groups,
    cpuS: run.cpu.childS,
    othersCpuS: run.cpu.othersS,
    stealS: run.cpu.stealS,
    busiest: run.busiest,
  };
}

export interface ProcessRun {
  wallS: number;
  log: string;
  /** Progress events the process sent over its IPC channel (our build sends them; others none), with when they arrived (ms since the start, the memory sampler's clock). */
  events: Array<ProgressMessage & { receivedMs: number }>;
  /** Each line of output with when it arrived, in seconds since the start. */
  lines: Array<{ atS: number; text: string }>;
  peak: MemoryPeak;
  cpu: CpuUse;
  busiest: string;
}

/** Runs `node <args>` in `cwd`, timing it and sampling its process tree's memory; throws on failure. */
/**
 * `progress`: open an IPC channel for the build's progress events. Only for our build, which
 * exits by itself; another program (the peer's Astro) could stay alive while its channel is open.
 */
export async function timedProcess(args: string[], cwd: string, env: Record<string, string> = {}, progress = false): Promise<ProcessRun> {
  const ticksBefore = processTicks();
  const cpuBefore = cpuMark();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    stdio: progress ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  const events: ProcessRun['events'] = [];
  child.on('message', (message: ProgressMessage) => {
    if (message && typeof message === 'object' && 'progress' in message) events.push({ ...message, receivedMs: performance.now() - started });
  });
  const stopSampling = sampleMemory(child.pid!);
  let log = '';
  const lines: ProcessRun['lines'] = [];
  // Node writes to pipes synchronously on Linux, so a line arrives when it was printed.
  const collect = (stream: NodeJS.ReadableStream) => {
    let partial = '';
    stream.on('data', (chunk: Buffer) => {
      const atS = (performance.now() - started) / 1000;
      log += chunk.toString();
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop()!;
      for (const text of parts) lines.push({ atS, text });
    });
  };
  collect(child.stdout!);
  collect(child.stderr!);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallS = (performance.now() - started) / 1000;
  const peak = stopSampling();
  const cpu = cpuUse(cpuBefore, cpuMark());
  const busiest = busiestOthers(ticksBefore, processTicks());
  if (code !== 0) throw new Error(`node ${args.join(' ')} failed (exit ${code}):\n${log.slice(-4000)}`);
  return { wallS, log, events, lines, peak, cpu, busiest };
}



/**
 * Waits until what a build removes in the background once it has returned (the replaced site, its
 * scratch folder: processes.ts) is gone, so that the next measurement does not share the machine
 * with it. A 5,000-episode build leaves some 100,000 files; at most two minutes.
 */
export async function quiet(root: string, out: string): Promise<void> {
  const runs = path.join(root, 'node_modules', '.cache', 'transcript-site', 'runs');
  const left = () => [
    ...(existsSync(runs) ? readdirSync(runs) : []),
    ...readdirSync(path.dirname(out)).filter((n) => n.startsWith(`${path.basename(out)}.old-`)),
  ];
  const until = performance.now() + 120_000;
  while (left().length && performance.now() < until) await new Promise((r) => setTimeout(r, 250));
}

/** Pages, files and bytes of a built site, and how much of it is Pagefind. */
export function distStats(out: string): DistStats {
  const stats: DistStats = { pages: 0, files: 0, bytes: 0, htmlBytes: 0, pagefindFiles: 0, pagefindBytes: 0, pagefindIndexFiles: 0, pagefindIndexBytes: 0, downloadFiles: 0, downloadBytes: 0 };
  const downloads = new Set<string>(DOWNLOAD_FILES);
  for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const size = statSync(file).size;
    const rel = path.relative(out, file).split(path.sep).join('/');
    stats.files++;
    stats.bytes += size;
    if (entry.name.endsWith('.html')) {
      stats.pages++;
      stats.htmlBytes += size;
    }
    if (downloads.has(entry.name) && rel.split('/').length === 2) {
      stats.downloadFiles++;
      stats.downloadBytes += size;
    }
    if (!rel.startsWith('pagefind/')) continue;
    stats.pagefindFiles++;
    stats.pagefindBytes += size;
    if (/^pagefind\/(index|fragment|filter)\//.test(rel) || rel.endsWith('.pf_meta')) {
      stats.pagefindIndexFiles++;
      stats.pagefindIndexBytes += size;
    }
  }
  return stats;
}
