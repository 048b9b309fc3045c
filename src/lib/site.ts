/**
 * Everything a page needs, computed once per build from the generated collections, so pages and
 * components stay declarative (the same split as Starlight's routing data).
 */
import { getCollection, type CollectionEntry } from 'astro:content';

export type EpisodeEntry = CollectionEntry<'episodes'>;
export type SectionEntry = CollectionEntry<'sections'>;

export type Timeline = CollectionEntry<'timelines'>['data'];

export interface EpisodeData {
  entry: EpisodeEntry;
  sections: SectionEntry[];
  timeline: Timeline;
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
      .map((entry) => ({
        entry,
        sections: sections.filter((s) => s.data.episode === entry.data.slug).sort((a, b) => a.data.index - b.data.index),
        timeline: timelines.find((t) => t.data.episode === entry.data.slug)!.data,
      }));
  })();
  return cache;
}

let bySlug: Promise<Map<string, EpisodeData>> | undefined;

/** One episode's data by slug: components rendered once per paragraph look it up here. */
export async function episode(slug: string | undefined): Promise<EpisodeData | undefined> {
  bySlug ??= episodes().then((all) => new Map(all.map((e) => [e.entry.data.slug, e])));
  return slug === undefined ? undefined : (await bySlug).get(slug);
}

/** A path inside the site, with the configured base. */
export function href(...parts: Array<string | number>): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const rest = parts.map(String).filter(Boolean).join('/');
  return rest ? `${base}${rest}/`.replace(/\/+/g, '/') : base;
}

/** The base path alone, ending in `/`. */
export const baseUrl = (): string => import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** A media URL from a sidecar: absolute URLs as they are, relative paths from the site's root. */
export function mediaUrl(media: string): string {
  return /^https?:\/\//i.test(media) ? media : `${baseUrl()}${media.replace(/^\.?\//, '')}`;
}
