/** Podcasting 2.0 chapters JSON (`{ version, chapters: [{ startTime, title, toc? }] }`) as sections. */
import { z } from 'zod';
import { TranscriptError } from '../errors.ts';
import { parseJson } from './podcast-json.ts';
import type { SectionSource } from '../types.ts';

const Chapters = z.object({
  chapters: z.array(z.object({ startTime: z.number().nonnegative(), title: z.string().optional(), toc: z.boolean().optional() }), {
    error: 'needs a "chapters" array',
  }),
});

export function parseChapters(source: string, file: string, duration: number): SectionSource[] {
  const data = parseJson(source, file);
  const parsed = Chapters.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TranscriptError(file, undefined, `${issue.path.join('.') || 'the top level'}: ${issue.message}`, 'see the Podcasting 2.0 chapters format');
  }
  // Chapters marked toc: false are not meant for a table of contents.
  const listed = parsed.data.chapters.filter((c) => c.toc !== false).sort((a, b) => a.startTime - b.startTime);
  return listed.map((c, i) => ({
    start: c.startTime,
    end: listed[i + 1]?.startTime ?? duration,
    title: c.title?.trim() || `Chapter ${i + 1}`,
    summary: '',
    line: undefined,
  }));
}
