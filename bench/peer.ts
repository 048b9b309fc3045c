/**
 * The Starlight peer (a stock Starlight site made from the same transcript; docs/PERFORMANCE.md
 * describes it), measured with *our* method in the same session, so
 * the comparison does not mix two machines' moods or two ways of counting memory.
 *
 * It needs a writable copy with its dependencies installed (`npm ci` in the copy). Each build is
 * cold, as in its own measure.sh: dist/, .astro/ and the Vite and content caches are wiped first.
 * Astro is started with `node node_modules/astro/bin/astro.mjs build`, without npm in between,
 * just as our build is `node src/build/cli.ts build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { distStats, timedProcess, type DistStats } from './build.ts';

export interface PeerRun {
  wallS: number;
  /** Astro's own "[build] N page(s) built in X s" figure, which includes its Pagefind step. */
  astroS: number;
  /** "[starlight:pagefind] Finished building search index in X s". */
  pagefindS: number;
  peakTreeBytes: number;
  peakSingleBytes: number;
  cpuS: number;
  othersCpuS: number;
  busiest: string;
}

export function checkPeer(dir: string): void {
  for (const need of ['scripts/transcript-to-starlight.mjs', 'node_modules/astro/bin/astro.mjs']) {
    if (!existsSync(path.join(dir, need))) throw new Error(`--peer ${dir}: no ${need}; copy the peer somewhere writable and run npm ci there`);
  }
}

/** Writes `copies` copies of the transcript into the peer's content folder (not timed). */
export function generatePeer(dir: string, transcript: string, copies: number): void {
  const gen = spawnSync(process.execPath, ['scripts/transcript-to-starlight.mjs', '--copies', String(copies), '--input', transcript], { cwd: dir, encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(`peer generator failed:\n${gen.stderr}`);
}

export async function peerBuild(dir: string): Promise<{ run: PeerRun; dist: DistStats }> {
  for (const cache of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) rmSync(path.join(dir, cache), { recursive: true, force: true });
  const run = await timedProcess(['node_modules/astro/bin/astro.mjs', 'build'], dir);
  return {
    run: {
      wallS: run.wallS,
      astroS: logSeconds(run.log, /\d+ page\(s\) built in ([\d.]+)(m?s)\b/),
      pagefindS: logSeconds(run.log, /Finished building search index in ([\d.]+)(m?s)\b/),
      peakTreeBytes: run.peak.treeBytes,
      peakSingleBytes: run.peak.singleBytes,
      cpuS: run.cpu.childS,
      othersCpuS: run.cpu.othersS,
      busiest: run.busiest,
    },
    dist: distStats(path.join(dir, 'dist')),
  };
}

/** A duration from Astro's log ("17.51s" or "850ms"); NaN when the line is missing. */
function logSeconds(log: string, pattern: RegExp): number {
  const match = log.match(pattern);
  if (!match) return Number.NaN;
  return match[2] === 'ms' ? Number(match[1]) / 1000 : Number(match[1]);
}

/** The peer's pages to weigh: its first episode's overview and 2nd section (first sidebar directory). */
export function peerPages(dir: string): { library: string; overview: string; section: string } {
  const sidebar = readFileSync(path.join(dir, 'src', 'generated', 'sidebar.json'), 'utf8');
  const first = sidebar.match(/"directory":\s*"([^"]+)"/)?.[1];
  if (!first) throw new Error(`cannot find the peer's first episode in ${dir}/src/generated/sidebar.json`);
  return { library: '/', overview: `/${first}/`, section: `/${first}/02-timelines-and-benchmarks/` };
}
