/** Podcasting 2.0 chapters JSON (`{ version, chapters: [{ startTime, title, toc? }] }`) as sections. */
import { z } from 'zod';
import type { SectionSource } from '../types.ts';
import { validate } from '../validate.ts';
import type { JsonSource } from './json.ts';

const Chapters = z.object({
  chapters: z.array(z.object({ startTime: z.number().nonnegative(), title: z.string().optional(), toc: z.boolean().optional() }), {
    error: 'needs a "chapters" array',
  }),
});

export const isChapters = (data: unknown): boolean =>
  data !== null && typeof data === 'object' && Array.isArray((data as Record<string, unknown>).chapters) && !('segments' in data);

/** A chapter as a section without its end, which the next chapter's start or the episode's end gives. */
export type Chapter = Omit<SectionSource, 'end'>;

export function parseChapters(json: JsonSource, file: string): Chapter[] {
  const data = validate(Chapters, json.data, { file, lineOf: json.lineOf, hint: 'a chapters file is { "version": "1.2.0", "chapters": [{ "startTime": 0, "title": "…" }] }' });
  // Chapters marked toc: false are not meant for a table of contents.
  const listed = data.chapters.map((c, i) => ({ ...c, i })).filter((c) => c.toc !== false).sort((a, b) => a.startTime - b.startTime);
  return listed.map((c, k) => ({
    start: c.startTime,
    title: c.title?.trim() || `Chapter ${k + 1}`,
    summary: '',
    origin: 'author' as const,
    line: json.lineOf(['chapters', c.i]),
  }));
}
