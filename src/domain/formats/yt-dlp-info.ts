/**
 * yt-dlp's `NAME.info.json` (`--write-info-json`): the video's metadata beside its captions.
 * Read for what a page needs: title, upload date, the author's description, chapters (YouTube's,
 * else the ones the description lists: description-chapters.ts), the video's URL (so every
 * timestamp opens it at its moment), the channel, the duration.
 * yt-dlp writes hundreds of other keys; they are ignored, and any of these may be null.
 */
import { z } from 'zod';
import type { Chapter } from './chapters.ts';
import { descriptionChapters } from './description-chapters.ts';
import { validate } from '../validate.ts';
import type { JsonSource } from './json.ts';

const Chapter = z.object({ start_time: z.number().nonnegative(), end_time: z.number().nonnegative().nullish(), title: z.string().nullish() });
const Info = z.object({
  title: z.string().nullish(),
  upload_date: z.string().regex(/^\d{8}$/, { error: 'must be a date written YYYYMMDD' }).nullish(),
  description: z.string().nullish(),
  chapters: z.array(Chapter).nullish(),
  webpage_url: z.string().nullish(),
  channel: z.string().nullish(),
  uploader: z.string().nullish(),
  duration: z.number().nonnegative().nullish(),
  language: z.string().nullish(),
});

/** What yt-dlp's metadata tells about an episode; every field optional. */
export interface EpisodeInfo {
  title?: string;
  date?: string;
  description?: string;
  chapters?: Chapter[];
  media?: string;
  channel?: string;
  duration?: number;
  language?: string;
}

/** Whether parsed JSON is yt-dlp's metadata rather than a transcript. */
export function isYtDlpInfo(data: unknown): boolean {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return false;
  const d = data as Record<string, unknown>;
  return typeof d.extractor === 'string' || (typeof d.webpage_url === 'string' && typeof d.id === 'string');
}

export function parseYtDlpInfo(json: JsonSource, file: string): EpisodeInfo {
  const info = validate(Info, json.data, { file, lineOf: json.lineOf, hint: 'this should be the NAME.info.json yt-dlp writes with --write-info-json' });
  const text = (value: string | null | undefined) => (value?.trim() ? value.trim() : undefined);
  const chapters = (info.chapters ?? [])
    .map((c, i) => ({ ...c, line: json.lineOf(['chapters', i]) }))
    .sort((a, b) => a.start_time - b.start_time)
    .map((c, k) => ({ start: c.start_time, title: text(c.title) ?? `Chapter ${k + 1}`, summary: '', origin: 'author' as const, line: c.line }));
  const date = info.upload_date ? `${info.upload_date.slice(0, 4)}-${info.upload_date.slice(4, 6)}-${info.upload_date.slice(6)}` : undefined;
  // Only web addresses become links; anything else yt-dlp might put there is not one.
  const media = info.webpage_url && /^https?:\/\//i.test(info.webpage_url) ? info.webpage_url : undefined;
  const out: EpisodeInfo = {};
  if (text(info.title)) out.title = text(info.title)!;
  if (date) out.date = date;
  if (text(info.description)) out.description = text(info.description)!;
  const listed = chapters.length || !text(info.description) ? chapters : descriptionChapters(info.description!, info.duration ?? undefined, json.lineOf(['description']));
  if (listed.length) out.chapters = listed;
  if (media) out.media = media;
  if (text(info.channel) ?? text(info.uploader)) out.channel = (text(info.channel) ?? text(info.uploader))!;
  if (info.duration) out.duration = Math.ceil(info.duration);
  if (text(info.language)) out.language = text(info.language)!;
  return out;
}
