/**
 * What a build reports as it goes, as typed events. `report` prints each for people (the lines
 * `npm run build` shows) and, when the build was started with an IPC channel (the benchmark
 * starts it so), also sends it as it is, so no one parses the printed lines.
 */
import path from 'node:path';
import { readerFor } from '../domain/formats/index.ts';
import type { EpisodeSummary } from './prepare/prepare-episode.ts';
import type { HostLimit } from '../domain/host-limits.ts';

export type Progress =
  | { type: 'orphan'; file: string }
  | { type: 'plan'; episodes: number; shards: number; groups: number; shardSize: number; indexSize: number; part: { k: number; n: number } | null; own: number }
  | { type: 'episode'; summary: EpisodeSummary }
  | { type: 'cache-unwritable'; file: string; reason: string }
  | { type: 'cache-damaged'; file: string }
  | { type: 'cache'; hits: number; prepared: number }
  | { type: 'correction'; from: string; to: string; where: string; made: number }
  | { type: 'prepared'; episodes: number; seconds: number }
  | { type: 'shard'; id: string; episodes: number; from: 'rendered' | 'cache'; seconds: number; astroSeconds?: number; finishSeconds?: number; words?: number }
  | { type: 'group'; id: string; shards: number; pages: number; from: 'indexed' | 'cache'; seconds: number; writeSeconds?: number }
  | { type: 'checked'; words: number; episodes: number; cached: number }
  | { type: 'site'; pages: number; seconds: number }
  | { type: 'joined'; parts: number; episodes: number; seconds: number }
  | { type: 'part'; k: number; n: number; groups: number; episodes: number; seconds: number; out: string }
  | { type: 'built'; episodes: number; pages: number; files: number; bytes: number; seconds: number; out: string }
  | { type: 'host-limit'; host: string; stated: string; source: string; what: HostLimit['what']; measured: number; file?: string };

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
    case 'plan': {
      const whole = `${event.episodes} episode(s) in ${event.shards} shard(s) of at most ${event.shardSize} and ${event.groups} search index(es) of at most ${event.indexSize}`;
      return [event.part ? `plan: ${whole}; part ${event.part.k}/${event.part.n} builds ${event.own} shard(s)` : `plan: ${whole}`];
    }
    case 'episode': {
      const e = event.summary;
      return [
        `parsed ${path.basename(e.file)}: ${readerFor(e.format).name}, ${e.catalog.sections.length} sections${e.origin === 'topics' ? ' (found by topic)' : e.origin === 'parts' ? ' (plain parts)' : ''}, ` +
          `${e.fragments} fragments, ${e.words} words, ${e.warnings.length} warnings → /${e.slug}/`,
        ...e.warnings.map((w) => `  warning: ${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`),
      ];
    }
    case 'cache-unwritable':
      return [`  note: could not keep ${event.file} in the cache (${event.reason})`];
    case 'cache-damaged':
      return [`  note: ${event.file}: its entry in the cache was damaged; prepared again`];
    case 'cache':
      return [`cache: ${event.hits} of ${event.hits + event.prepared} episode(s) from the cache, ${event.prepared} prepared (--no-cache to prepare all)`];
    case 'correction':
      return [event.made === 0 ? `  warning: ${event.where}: the correction "${event.from}" → "${event.to}" matched nothing` : `corrections: "${event.from}" → "${event.to}": ${event.made} replacement(s)`];
    case 'prepared':
      return [`prepared ${event.episodes} episode(s) in ${s(event.seconds)} s`];
    case 'shard':
      return [event.from === 'cache'
        ? `shard ${event.id}: ${event.episodes} episode(s), unchanged: from the cache in ${s(event.seconds)} s`
        : `shard ${event.id}: ${event.episodes} episode(s) rendered in ${s(event.astroSeconds ?? 0)} s, finished in ${s(event.finishSeconds ?? 0)} s (every transcript word on its page: ${event.words ?? 0})`];
    case 'group':
      return [event.from === 'cache'
        ? `search index ${event.id}: unchanged, from the cache`
        : `search index ${event.id}: ${event.pages} pages of ${event.shards} shard(s) in ${s(event.seconds)} s`];
    case 'checked':
      return [`check: every transcript word is on its page (${event.words} words, ${event.episodes} episodes${event.cached ? `; ${event.cached} more in shards from the cache, checked when they were made` : ''})`];
    case 'site':
      return [`site-wide pages: ${event.pages} rendered in ${s(event.seconds)} s (library, search, feed, sitemap, llms.txt)`];
    case 'joined':
      return [`joined ${event.parts} part(s), ${event.episodes} episode(s) in ${s(event.seconds)} s`];
    case 'part':
      return [`built part ${event.k}/${event.n}: ${event.groups} search index(es), ${event.episodes} episode(s) into ${event.out}/ in ${s(event.seconds)} s; join the parts with transcript-site join`];
    case 'built':
      // MB of 1,000,000 bytes, as the hosts' limits count (src/domain/host-limits.ts).
      return [`built ${event.episodes} episode(s), ${event.pages} pages, ${event.files} files, ${(event.bytes / 1e6).toFixed(1)} MB into ${event.out}/ in ${s(event.seconds)} s`];
    case 'host-limit': {
      const has = event.what === 'site bytes' ? `the site is ${(event.measured / 1e9).toFixed(2)} GB`
        : event.what === 'files' ? `the site has ${event.measured.toLocaleString('en')} files`
        : `${event.file} is ${(event.measured / 2 ** 20).toFixed(1)} MiB`;
      return [`warning: ${has}, past what ${event.host} publishes (${event.stated}: ${event.source}); see "Deploy" in the README for another host or fewer downloads`];
    }
  }
}
