/** Each episode's downloads. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { srt, webvtt } from '../../domain/exports/captions.ts';
import { cues } from '../../domain/exports/cues.ts';
import { chaptersJson, transcriptJson, youtubeChapters } from '../../domain/exports/podcast.ts';
import type { DownloadFile } from '../../domain/exports/index.ts';
import { markdown, plainText } from '../../domain/exports/text.ts';
import type { Episode } from '../../domain/types.ts';
import { pageSegment } from '../../domain/section-pages.ts';
import { absoluteUrl, pagePath } from '../../domain/urls.ts';

/** The settings that reach an episode's files: where the site is served, and which downloads it offers. */
export interface EpisodeSettings {
  base: string;
  site?: string | undefined;
  downloads: readonly DownloadFile[];
}

/** Page URLs as downloads and llms.txt write them: absolute when the site's URL is known (the files leave the site). */
export const urlMaker = ({ base, site }: Pick<EpisodeSettings, 'base' | 'site'>) => (...parts: string[]) => absoluteUrl(pagePath(base, ...parts), site);

/** Write the episode's download files the settings ask for into `dir`. */
export async function writeEpisodeDownloads(e: Episode, dir: string, settings: EpisodeSettings): Promise<void> {
  const url = urlMaker(settings);
  const section = (slug: string) => url(e.slug, slug);
  let captions: ReturnType<typeof cues> | undefined;
  const captionsOf = () => (captions ??= cues(e));
  const write: Record<DownloadFile, () => string> = {
    'transcript.txt': () => plainText(e, url(e.slug)),
    'transcript.md': () => markdown(e, (slug, page) => url(e.slug, slug, pageSegment(page))),
    'captions.vtt': () => webvtt(e, captionsOf()),
    'captions.srt': () => srt(e, captionsOf()),
    'transcript.json': () => transcriptJson(e),
    'chapters.json': () => chaptersJson(e, section),
    'youtube-chapters.txt': () => youtubeChapters(e),
  };
  await mkdir(dir, { recursive: true });
  await Promise.all(settings.downloads.map((name) => writeFile(path.join(dir, name), write[name]())));
}
