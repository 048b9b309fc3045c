/** Each episode's downloads, and the site's llms.txt. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { srt, webvtt } from '../../domain/exports/captions.ts';
import { cues } from '../../domain/exports/cues.ts';
import { llmsTxt, type LlmsEpisode } from '../../domain/exports/llms.ts';
import { chaptersJson, transcriptJson, youtubeChapters } from '../../domain/exports/podcast.ts';
import { markdown, plainText } from '../../domain/exports/text.ts';
import type { Episode } from '../../domain/types.ts';

export interface SiteUrls {
  base: string;
  site: string | undefined;
  title: string;
  description: string;
}

/** Absolute URLs when the site's URL is known (files leave the site), else paths from the root. */
export function urlMaker({ base, site }: SiteUrls) {
  const prefix = base.replace(/\/?$/, '/');
  return (...parts: string[]) => {
    const p = `${prefix}${parts.map((x) => `${encodeURIComponent(x)}/`).join('')}`;
    return site ? new URL(p, site).href : p;
  };
}

/** Write an episode's download files into `dir`; returns how many. */
export async function writeEpisodeDownloads(e: Episode, dir: string, urls: SiteUrls): Promise<number> {
  const url = urlMaker(urls);
  const section = (slug: string) => url(e.slug, slug);
  const captions = cues(e);
  const out: Record<string, string> = {
    'transcript.txt': plainText(e, url(e.slug)),
    'transcript.md': markdown(e, section),
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

export async function writeLlmsTxt(episodes: readonly LlmsEpisode[], dir: string, urls: SiteUrls): Promise<void> {
  await writeFile(path.join(dir, 'llms.txt'), llmsTxt(urls.title, urls.description, episodes, urlMaker(urls)));
}
