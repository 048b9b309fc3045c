/**
 * Peak memory of a whole process tree. The build is one Node process, but Pagefind indexes in a
 * child process of its own (the `pagefind` binary), so the largest single process, which is what
 * `/usr/bin/time` reports, understates what the machine needs. We sample the resident set size
 * (VmRSS) of the build and all its descendants every `intervalMs` and keep the largest *sum*, and
 * also the largest single process, for comparison with tools that report only that.
 */
import { readFileSync, readdirSync } from 'node:fs';

export interface MemoryPeak {
  /** Largest sum of VmRSS over the tree seen in one sample, in bytes. */
  treeBytes: number;
  /** Largest VmRSS of any one process of the tree, in bytes. */
  singleBytes: number;
  samples: number;
  /** Every sample: when (ms since sampling began) and the tree's sum, for peaks within a phase. */
  series: Array<[number, number]>;
}

/** The largest tree sum between `fromMs` and `toMs` (ms since sampling began). */
export function peakBetween(peak: MemoryPeak, fromMs: number, toMs: number): number {
  return peak.series.reduce((max, [t, bytes]) => (t >= fromMs && t <= toMs ? Math.max(max, bytes) : max), 0);
}

/** Reads a file from /proc, or undefined when the process has gone meanwhile (a normal race). */
function readProc(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The process and all its descendants, via /proc/<pid>/task/<tid>/children (one file per thread). */
function tree(root: number): number[] {
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    found.push(pid);
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    // A child belongs to the thread that forked it, so every thread's list has to be read.
    for (const tid of tasks) {
      const children = readProc(`/proc/${pid}/task/${tid}/children`);
      if (children) queue.push(...children.trim().split(/\s+/).filter(Boolean).map(Number));
    }
  }
  return found;
}

/** VmRSS in bytes (the file says kB), 0 for a process that has exited or is a zombie. */
function rss(pid: number): number {
  const status = readProc(`/proc/${pid}/status`);
  const kb = status?.match(/^VmRSS:\s+(\d+)\s+kB/m)?.[1];
  return kb ? Number(kb) * 1024 : 0;
}

/** Starts sampling `pid`'s tree; call the returned function to stop and get the peak. */
export function sampleMemory(pid: number, intervalMs = 50): () => MemoryPeak {
  const peak: MemoryPeak = { treeBytes: 0, singleBytes: 0, samples: 0, series: [] };
  const started = performance.now();
  const sample = () => {
    const sizes = tree(pid).map(rss);
    const sum = sizes.reduce((a, b) => a + b, 0);
    peak.series.push([performance.now() - started, sum]);
    peak.treeBytes = Math.max(peak.treeBytes, sum);
    peak.singleBytes = Math.max(peak.singleBytes, ...sizes);
    peak.samples++;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return () => {
    clearInterval(timer);
    return peak;
  };
}
