/**
 * The index of names and topics, from the catalog (never the rendered pages, so that it comes out
 * the same however the build was split): src/domain/topic-index/entries.ts decides it.
 */
import { topicIndex, type TopicIndex } from '../domain/topic-index/entries';
import { catalog } from './catalog';

let cache: Promise<TopicIndex> | undefined;

export function topics(): Promise<TopicIndex> {
  const read = async () => topicIndex(await catalog());
  if (import.meta.env.DEV) return read();
  cache ??= read();
  return cache;
}
