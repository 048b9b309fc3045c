/**
 * Prepares episodes on worker threads, one per core (at most), so the parsing and language work
 * of a large library uses the whole machine. Results come back in file order whatever order the
 * workers finish in, so output and messages never depend on timing.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CorrectionRule } from '../../src/domain/corrections.ts';
import { TranscriptError } from '../../src/domain/errors.ts';
import type { SiteUrls } from './downloads.ts';
import { prepareEpisode, type EpisodeSummary } from './prepare.ts';

export interface Job { index: number; file: string; rules: CorrectionRule[]; generated: string; urls: SiteUrls }
export type Reply =
  | { index: number; summary: EpisodeSummary }
  | { index: number; error: { file: string; line: number | undefined; message: string; hint: string | undefined } }
  | { index: number; crash: string };

/** Below this many episodes, starting workers (each loads the language model) costs more than it saves. */
const WORKERS_FROM = 4;

export async function prepareAll(
  files: readonly string[],
  rules: CorrectionRule[],
  generated: string,
  urls: SiteUrls,
  onEpisode: (summary: EpisodeSummary) => void,
): Promise<EpisodeSummary[]> {
  const threads = Math.min(availableParallelism(), files.length < WORKERS_FROM ? 1 : files.length);
  if (threads <= 1) {
    const out: EpisodeSummary[] = [];
    for (const file of files) {
      const summary = await prepareEpisode(file, rules, generated, urls);
      onEpisode(summary);
      out.push(summary);
    }
    return out;
  }
  const results: Array<EpisodeSummary | undefined> = files.map(() => undefined);
  let reported = 0;
  let next = 0;
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./worker.ts', import.meta.url)));
  try {
    await new Promise<void>((resolve, reject) => {
      const send = (worker: Worker) => {
        if (next >= files.length) return;
        const index = next++;
        worker.postMessage({ index, file: files[index]!, rules, generated, urls } satisfies Job);
      };
      for (const worker of workers) {
        worker.on('error', reject);
        worker.on('message', (reply: Reply) => {
          if ('error' in reply) return reject(new TranscriptError(reply.error.file, reply.error.line, reply.error.message, reply.error.hint));
          if ('crash' in reply) return reject(new Error(`preparing ${files[reply.index]} failed:\n${reply.crash}`));
          results[reply.index] = reply.summary;
          while (reported < files.length && results[reported]) onEpisode(results[reported++]!);
          if (reported === files.length) resolve();
          else send(worker);
        });
        send(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results as EpisodeSummary[];
}
