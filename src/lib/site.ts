/**
 * Everything a page needs, computed once per build from the generated collections, so pages and
 * components stay declarative (the same split as Starlight's routing data).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { mediaKind, type MediaKind } from '../domain/media';
import { base } from '../scripts/base';

export type EpisodeEntry = CollectionEntry<'episodes'>;
export type SectionEntry = CollectionEntry<'sections'>;

export type Timeline = CollectionEntry<'timelines'>['data'];

export interface EpisodeData {
  entry: EpisodeEntry;
  sections: SectionEntry[];
  timeline: Timeline;
  /** The sidecar's media, its URL resolved against the base once for every page and paragraph. */
  media?: { url: string; kind: MediaKind };
}

/** transcript-site.yml, with defaults (src/domain/site-config.ts). */
export const config = __SITE_CONFIG__;
export const SITE_TITLE = config.title;

let cache: Promise<EpisodeData[]> | undefined;

/** Episodes newest first (then by title), each with its sections in order. */
export function episodes(): Promise<EpisodeData[]> {
  cache ??= (async () => {
    const [all, sections, timelines] = await Promise.all([getCollection('episodes'), getCollection('sections'), getCollection('timelines')]);
    return all
      // Newest first; undated episodes after the dated ones, by title.
      .sort((a, b) => (b.data.date?.getTime() ?? -Infinity) - (a.data.date?.getTime() ?? -Infinity) || a.data.title.localeCompare(b.data.title))
      .map((entry) => {
        const { media } = entry.data;
        return {
          entry,
          sections: sections.filter((s) => s.data.episode === entry.data.slug).sort((a, b) => a.data.index - b.data.index),
          timeline: timelines.find((t) => t.data.episode === entry.data.slug)!.data,
          ...(media ? { media: { url: mediaUrl(media), kind: mediaKind(media) } } : {}),
        };
      });
  })();
  return cache;
}

let bySlug: Promise<Map<string, EpisodeData>> | undefined;

/** One episode's data by slug: components rendered once per paragraph look it up here. */
export async function episode(slug: string | undefined): Promise<EpisodeData | undefined> {
  bySlug ??= episodes().then((all) => new Map(all.map((e) => [e.entry.data.slug, e])));
  return slug === undefined ? undefined : (await bySlug).get(slug);
}

/** A page inside the site, with the configured base: `href('ep', 'part')` is `/base/ep/part/`. */
export function href(...parts: Array<string | number>): string {
  const rest = parts.map(String).filter(Boolean).join('/');
  return rest ? `${base}${rest}/`.replace(/\/+/g, '/') : base;
}

/** A file inside the site, with the configured base: `asset('rss.xml')` is `/base/rss.xml`. */
export const asset = (file: string): string => `${base}${file}`;

/** A media URL from a sidecar: absolute URLs as they are, relative paths from the site's root. */
function mediaUrl(media: string): string {
  return /^https?:\/\//i.test(media) ? media : asset(media.replace(/^\.?\//, ''));
}
