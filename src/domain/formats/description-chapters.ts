/**
 * Chapters a video's description lists (`0:00 Intro`, `(12:30) Questions`, `Outro - 1:02:03`), by
 * the rule YouTube applies before it shows them as chapters: the first at 0:00, at least three,
 * in ascending order, each at least 10 seconds long. A description that breaks the rule lists
 * times for another reason (a table of links, a tracklist with gaps) and gives no chapters.
 */
import { parseClock } from '../time.ts';
import type { Chapter } from './chapters.ts';

const MIN_CHAPTERS = 3;
const MIN_SECONDS = 10;

/** A clock time standing as its own word, bracketed or not. */
const STAMP = /(?<![\w:.])[([]?((?:\d{1,2}:)?\d{1,2}:\d{2})[)\]]?(?![\w:])/g;
/** What joins a time to its title: dashes, bars, colons, bullets and the like. */
const EDGE = /^[\s\-–—:|•·,.>)\]]+|[\s\-–—:|•·,.<([]+$/g;

/** `line`: the description's line in its JSON file, for messages. */
export function descriptionChapters(description: string, duration: number | undefined, line: number | undefined): Chapter[] {
  const listed: Array<{ start: number; title: string }> = [];
  for (const text of description.split(/\r?\n/)) {
    const stamps = [...text.matchAll(STAMP)];
    const first = stamps[0];
    if (!first) continue;
    const start = parseClock(first[1]!);
    if (start === undefined) continue;
    // A range (`0:00 - 1:30 Intro`) starts at its first time; every time is cut from the title.
    const title = text.replace(STAMP, ' ').replace(/\s+/g, ' ').replace(EDGE, '').trim();
    listed.push({ start, title });
  }
  if (listed.length < MIN_CHAPTERS || listed[0]!.start !== 0) return [];
  const ends = [...listed.slice(1).map((c) => c.start), duration ?? Infinity];
  if (listed.some((c, i) => ends[i]! - c.start < MIN_SECONDS)) return [];
  return listed.map((c, k) => ({ start: c.start, title: c.title || `Chapter ${k + 1}`, summary: '', origin: 'author' as const, line }));
}
