/**
 * Prepares episodes in child processes, one per core (at most), so the parsing and language work
 * of a large library uses the whole machine. Processes, not worker threads: a thread's memory
 * (the language model, the parse trees) stays in this process's resident set after the thread
 * ends, and would sit beside Astro for the rest of the build; a process gives all of it back when
 * it exits. Workers start on the first job (a rebuild that prepares nothing starts none) and take
 * jobs in the order they were given.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { CorrectionRule } from '../../domain/corrections.ts';
import { TranscriptError } from '../../domain/errors.ts';
import type { EpisodeInputs } from '../../domain/read-episode.ts';
import type { EpisodeSettings } from './downloads.ts';
import type { Prepared } from './prepare-episode.ts';

export interface Job { inputs: EpisodeInputs; rules: CorrectionRule[]; generated: string; settings: EpisodeSettings }
export type Reply =
  | { prepared: Prepared }
  | { error: { file: string; line: number | undefined; message: string; hint: string | undefined } }
  | { crash: string };

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

/**
 * V8 sizes its young generation for throughput (up to 3 × 32 MiB on a large machine) and keeps it
 * once grown. A build is a batch job that several processes share the machine with, so each of
 * its processes keeps the young generation small: about 90 MiB less per process, at no measurable
 * cost in time (docs/PERFORMANCE.md).
 */
export const LEAN_HEAP = ['--max-semi-space-size=4'];

interface Waiting {
  job: Job;
  resolve: (prepared: Prepared) => void;
  reject: (error: unknown) => void;
}

export class Pool {
  private readonly size: number;
  private readonly workers: ChildProcess[] = [];
  private readonly idle: ChildProcess[] = [];
  private readonly queue: Waiting[] = [];
  private readonly holding = new Map<ChildProcess, Waiting>();

  constructor(size = availableParallelism()) {
    this.size = Math.max(1, size);
  }

  /** How many jobs are waiting or in hand. */
  get pending(): number {
    return this.queue.length + this.holding.size;
  }

  get capacity(): number {
    return this.size;
  }

  prepare(job: Job): Promise<Prepared> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      if (this.idle.length === 0 && this.workers.length < this.size) this.spawn();
      this.dispatch();
    });
  }

  /** Stops the workers: they exit and give their memory back. */
  close(): void {
    for (const worker of this.workers) if (worker.connected) worker.disconnect();
    this.workers.length = 0;
    this.idle.length = 0;
  }

  private spawn(): void {
    // The build's own Node flags (say --max-old-space-size) reach the workers too.
    const worker = fork(WORKER, [], { execArgv: [...process.execArgv, ...LEAN_HEAP], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.workers.push(worker);
    this.idle.push(worker);
    const fail = (error: unknown) => {
      const held = this.holding.get(worker);
      this.holding.delete(worker);
      held?.reject(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code, signal) => {
      const held = this.holding.get(worker);
      if (held) fail(new Error(`preparing ${held.job.inputs.transcript.name} failed: its worker process ended (${signal ?? `exit code ${code}`})`));
    });
    worker.on('message', (reply: Reply) => {
      const held = this.holding.get(worker)!;
      this.holding.delete(worker);
      if ('error' in reply) held.reject(new TranscriptError(reply.error.file, reply.error.line, reply.error.message, reply.error.hint));
      else if ('crash' in reply) held.reject(new Error(`preparing ${held.job.inputs.transcript.name} failed:\n${reply.crash}`));
      else held.resolve(reply.prepared);
      this.idle.push(worker);
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.shift()!;
      const waiting = this.queue.shift()!;
      this.holding.set(worker, waiting);
      worker.send(waiting.job);
    }
  }
}
