/**
 * Prepares episodes in child processes, one per core (at most), so the parsing and language work
 * of a large library uses the whole machine. Processes, not worker threads: a thread's memory
 * (the language model, the parse trees) stays in this process's resident set after the thread
 * ends, and would sit beside Astro for the rest of the build; a process gives all of it back when
 * it exits. Results come back in file order whatever order the processes finish in, so output and
 * messages never depend on timing.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { CorrectionRule } from '../../domain/corrections.ts';
import { TranscriptError } from '../../domain/errors.ts';
import type { SiteUrls } from './downloads.ts';
import type { EpisodeJob } from '../library/library.ts';
import type { EpisodeSummary, Prepared } from './prepare-episode.ts';

export interface Job { index: number; episode: EpisodeJob; rules: CorrectionRule[]; generated: string; urls: SiteUrls }
export type Reply =
  | { index: number; prepared: Prepared }
  | { index: number; error: { file: string; line: number | undefined; message: string; hint: string | undefined } }
  | { index: number; crash: string };

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

/**
 * V8 sizes its young generation for throughput (up to 3 × 32 MiB on a large machine) and keeps it
 * once grown. A build is a batch job that several processes share the machine with, so each of
 * its processes keeps the young generation small: about 90 MiB less per process, at no measurable
 * cost in time (docs/PERFORMANCE.md).
 */
export const LEAN_HEAP = ['--max-semi-space-size=4'];

/**
 * Prepares `files`, except those `ready` already has a summary for (from the cache). `onEpisode`
 * hears of every episode in file order, ready or prepared; `onPrepared` of each one prepared here,
 * as it is done.
 */
export async function prepareAll(
  files: readonly EpisodeJob[],
  rules: CorrectionRule[],
  generated: string,
  urls: SiteUrls,
  onEpisode: (summary: EpisodeSummary) => void,
  /** Called once, as soon as a core has nothing left to prepare (at once when there are fewer files than cores). */
  onIdleCore: () => void = () => {},
  ready: ReadonlyArray<EpisodeSummary | undefined> = [],
  onPrepared: (index: number, prepared: Prepared) => void = () => {},
): Promise<EpisodeSummary[]> {
  let idle = false;
  const coreFreed = () => {
    if (!idle) onIdleCore();
    idle = true;
  };
  const results: Array<EpisodeSummary | undefined> = files.map((_, i) => ready[i]);
  const todo = files.flatMap((_, i) => (results[i] ? [] : [i]));
  let reported = 0;
  const report = () => {
    while (reported < files.length && results[reported]) onEpisode(results[reported++]!);
  };
  report();
  const cores = availableParallelism();
  const count = Math.min(cores, todo.length);
  if (count < cores) coreFreed();
  if (todo.length === 0) return results as EpisodeSummary[];
  let next = 0;
  // The episode each worker is preparing, to name it if the worker dies.
  const holding = new Map<ChildProcess, number>();
  // A worker exits when it is disconnected: when it has nothing more to do, or when this process
  // dies because the build failed.
  await new Promise<void>((resolve, reject) => {
    const send = (worker: ChildProcess) => {
      if (next >= todo.length) {
        // The process exits and gives back its memory; the next phase can have the core.
        worker.disconnect();
        return coreFreed();
      }
      const index = todo[next++]!;
      holding.set(worker, index);
      worker.send({ index, episode: files[index]!, rules, generated, urls } satisfies Job);
    };
    for (let i = 0; i < count; i++) {
      // The build's own Node flags (say --max-old-space-size) reach the workers too.
      const worker = fork(WORKER, [], { execArgv: [...process.execArgv, ...LEAN_HEAP], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      worker.on('error', reject);
      worker.on('exit', (code, signal) => {
        const index = holding.get(worker);
        if (index !== undefined) reject(new Error(`preparing ${files[index]!.transcript} failed: its worker process ended (${signal ?? `exit code ${code}`})`));
      });
      worker.on('message', (reply: Reply) => {
        holding.delete(worker);
        if ('error' in reply) return reject(new TranscriptError(reply.error.file, reply.error.line, reply.error.message, reply.error.hint));
        if ('crash' in reply) return reject(new Error(`preparing ${files[reply.index]!.transcript} failed:\n${reply.crash}`));
        results[reply.index] = reply.prepared.summary;
        onPrepared(reply.index, reply.prepared);
        report();
        if (reported === files.length) resolve();
        send(worker);
      });
      send(worker);
    }
  });

  return results as EpisodeSummary[];
}
