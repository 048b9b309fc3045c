/** Each episode's downloads. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { srt, webvtt } from '../../domain/exports/captions.ts';
import { cues } from '../../domain/exports/cues.ts';
import { chaptersJson, transcriptJson, youtubeChapters } from '../../domain/exports/podcast.ts';
import { markdown, plainText } from '../../domain/exports/text.ts';
import type { Episode } from '../../domain/types.ts';
import { pageSegment } from '../../domain/section-pages.ts';
import { absoluteUrl, pagePath } from '../../domain/urls.ts';

/** The settings that reach an episode's files: where the site is served. */
export interface EpisodeUrls {
  base: string;
  site?: string | undefined;
}

/** Page URLs as downloads and llms.txt write them: absolute when the site's URL is known (the files leave the site). */
export const urlMaker = ({ base, site }: EpisodeUrls) => (...parts: string[]) => absoluteUrl(pagePath(base, ...parts), site);

/** Write an episode's download files into `dir`; returns how many. */
export async function writeEpisodeDownloads(e: Episode, dir: string, urls: EpisodeUrls): Promise<number> {
  const url = urlMaker(urls);
  const section = (slug: string) => url(e.slug, slug);
  const captions = cues(e);
  const out: Record<string, string> = {
    'transcript.txt': plainText(e, url(e.slug)),
    'transcript.md': markdown(e, (slug, page) => url(e.slug, slug, pageSegment(page))),
    'captions.vtt': webvtt(e, captions),
    'captions.srt': srt(e, captions),
    'transcript.json': transcriptJson(e),
    'chapters.json': chaptersJson(e, section),
    'youtube-chapters.txt': youtubeChapters(e),
  };
  await mkdir(dir, { recursive: true });
  await Promise.all(Object.entries(out).map(([name, content]) => writeFile(path.join(dir, name), content)));
  return Object.keys(out).length;
}
