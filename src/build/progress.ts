/**
 * What a build reports as it goes, as typed events. `report` prints each for people (the lines
 * `npm run build` shows) and, when the build was started with an IPC channel (the benchmark
 * starts it so), also sends it as it is, so no one parses the printed lines.
 */
import path from 'node:path';
import { finishLine, type FinishStep } from './finish/finish-site.ts';
import { readerFor } from '../domain/formats/index.ts';
import type { EpisodeSummary } from './prepare/prepare-episode.ts';

export type Progress =
  | { type: 'orphan'; file: string }
  | { type: 'episode'; summary: EpisodeSummary }
  | { type: 'cache-unwritable'; file: string; reason: string }
  | { type: 'cache'; hits: number; prepared: number }
  | { type: 'correction'; from: string; to: string; where: string; made: number }
  | { type: 'prepared'; mdxFiles: number; seconds: number }
  | { type: 'astro-start' }
  | { type: 'astro-done'; seconds: number }
  | FinishStep
  | { type: 'downloads'; files: number }
  | { type: 'built'; episodes: number; pages: number; bytes: number; seconds: number; out: string };

/** An event as a parent process receives it: with when it happened, in ms since the build began. */
export interface ProgressMessage {
  progress: Progress;
  atMs: number;
}

const began = performance.now();
const sending = new Set<Promise<void>>();

export function report(event: Progress): void {
  for (const line of describe(event)) console.log(line);
  if (!process.send || !process.connected) return;
  const message: ProgressMessage = { progress: event, atMs: performance.now() - began };
  const sent = new Promise<void>((resolve) => process.send!(message, undefined, {}, () => resolve()));
  sending.add(sent);
  void sent.then(() => sending.delete(sent));
}

/** Waits until every event has reached the parent: before the process exits. */
export const reported = (): Promise<unknown> => Promise.all(sending);

const s = (seconds: number) => seconds.toFixed(1);

/** The printed lines of an event. */
export function describe(event: Progress): string[] {
  switch (event.type) {
    case 'orphan':
      return [`  note: ${event.file}: no transcript has its name (the part before the extension); not used`];
    case 'episode': {
      const e = event.summary;
      return [
        `parsed ${path.basename(e.file)}: ${readerFor(e.format).name}, ${e.sections.length} sections${e.origin === 'topics' ? ' (found by topic)' : e.origin === 'parts' ? ' (plain parts)' : ''}, ` +
          `${e.fragments} fragments, ${e.words} words, ${e.warnings.length} warnings → /${e.slug}/`,
        ...e.warnings.map((w) => `  warning: ${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`),
      ];
    }
    case 'cache-unwritable':
      return [`  note: could not keep ${event.file} in the cache (${event.reason})`];
    case 'cache':
      return [`cache: ${event.hits} of ${event.hits + event.prepared} episode(s) from the cache, ${event.prepared} prepared (--no-cache to prepare all)`];
    case 'correction':
      return [event.made === 0 ? `  warning: ${event.where}: the correction "${event.from}" → "${event.to}" matched nothing` : `corrections: "${event.from}" → "${event.to}": ${event.made} replacement(s)`];
    case 'prepared':
      return [`wrote ${event.mdxFiles} MDX files in ${s(event.seconds)} s`];
    case 'astro-start':
      return ['astro: rendering pages…'];
    case 'astro-done':
      return [`astro: done in ${s(event.seconds)} s`];
    case 'checked':
    case 'indexed':
      return [finishLine(event)];
    case 'downloads':
      return [`downloads: wrote ${event.files} files (transcripts, captions, chapters, llms.txt)`];
    case 'built':
      return [`built ${event.episodes} episode(s), ${event.pages} pages, ${(event.bytes / 1024 / 1024).toFixed(1)} MB into ${event.out}/ in ${s(event.seconds)} s`];
  }
}
