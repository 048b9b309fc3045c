/**
 * One timed build: the real command (`node scripts/cli.ts build`) in a child process, as a user
 * runs it, so wall time includes Node's start-up and module loading. Phase times come from the
 * build's own log lines (0.1 s resolution); memory from sampling the process tree.
 */
import { spawn } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { sampleMemory } from './memory.ts';
import { cpuMark, cpuUse } from './noise.ts';

export interface BuildRun {
  wallS: number;
  /** Parsing the transcripts and writing MDX ("wrote N MDX files in X s"). */
  parseS: number;
  /** Astro's whole build, which includes the Pagefind hook ("astro: done in X s"). */
  astroS: number;
  /** Pagefind's indexing inside Astro's build ("pagefind: indexed N pages in X s"). */
  pagefindS: number;
  /** astroS − pagefindS: Vite, rendering, the word check. */
  astroOnlyS: number;
  /** Whatever is left: Node start-up, imports, swapping the output folder, counting dist/. */
  otherS: number;
  peakTreeBytes: number;
  peakSingleBytes: number;
  /** CPU seconds (user + system) the build's processes used: above wallS means it used both cores. */
  cpuS: number;
  /** CPU seconds that other processes on the machine used meanwhile (see noise.ts). */
  othersCpuS: number;
  /** CPU seconds the hypervisor gave to other guests meanwhile. */
  stealS: number;
}

export interface DistStats {
  pages: number;
  files: number;
  bytes: number;
  pagefindFiles: number;
  pagefindBytes: number;
  /** The part of Pagefind that grows with content: index, fragment and filter chunks, metadata. */
  pagefindIndexFiles: number;
  pagefindIndexBytes: number;
}

/** Runs a build of `content` into `out`; throws with the log if it fails. */
export async function timedBuild(root: string, content: string, out: string, generated: string): Promise<BuildRun> {
  // A clean start every time: the build itself forces a fresh content store, and leftovers of an
  // earlier run in the output or MDX folders must not make a later run cheaper.
  rmSync(out, { recursive: true, force: true });
  rmSync(generated, { recursive: true, force: true });
  const cpuBefore = cpuMark();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'cli.ts'), 'build', '--content', content, '--out', out], {
    cwd: root,
    env: { ...process.env, TRANSCRIPT_SITE_GENERATED: generated, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stopSampling = sampleMemory(child.pid!);
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallS = (performance.now() - started) / 1000;
  const peak = stopSampling();
  const cpu = cpuUse(cpuBefore, cpuMark());
  if (code !== 0) throw new Error(`build of ${content} failed (exit ${code}):\n${log}`);
  const parseS = seconds(log, /^wrote \d+ MDX files in ([\d.]+) s/m);
  const astroS = seconds(log, /^astro: done in ([\d.]+) s/m);
  const pagefindS = seconds(log, /^pagefind: indexed \d+ pages in ([\d.]+) s/m);
  return {
    wallS,
    parseS,
    astroS,
    pagefindS,
    astroOnlyS: astroS - pagefindS,
    otherS: wallS - parseS - astroS,
    peakTreeBytes: peak.treeBytes,
    peakSingleBytes: peak.singleBytes,
    cpuS: cpu.childS,
    othersCpuS: cpu.othersS,
    stealS: cpu.stealS,
  };
}

function seconds(log: string, pattern: RegExp): number {
  const match = log.match(pattern);
  if (!match) throw new Error(`the build log has no line matching ${pattern}; did its format change?\n${log.slice(-2000)}`);
  return Number(match[1]);
}

/** Pages, files and bytes of a built site, and how much of it is Pagefind. */
export function distStats(out: string): DistStats {
  const stats: DistStats = { pages: 0, files: 0, bytes: 0, pagefindFiles: 0, pagefindBytes: 0, pagefindIndexFiles: 0, pagefindIndexBytes: 0 };
  for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const size = statSync(file).size;
    const rel = path.relative(out, file).split(path.sep).join('/');
    stats.files++;
    stats.bytes += size;
    if (entry.name.endsWith('.html')) stats.pages++;
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
