/**
 * Everything a page needs, computed once per build from the generated collections, so pages and
 * components stay declarative (the same split as Starlight's routing data).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { mediaKind, type MediaKind } from '../domain/media';
import { sectionMoments } from '../domain/moment-ref';
import config from 'virtual:transcript-site/config';
import { base } from '../browser/base';

export type EpisodeEntry = CollectionEntry<'episodes'>;
export type SectionEntry = CollectionEntry<'sections'>;

export type Timeline = CollectionEntry<'timelines'>['data'];

export interface EpisodeData {
  entry: EpisodeEntry;
  sections: SectionEntry[];
  timeline: Timeline;
  /** The sidecar's media, its URL resolved against the base once for every page and paragraph. */
  media?: { url: string; kind: MediaKind };
  /** Each section's page, in order: everything it shows about itself and its neighbours. */
  pages: SectionPage[];
  /** The sections by slug, for links to them (key points on the overview). */
  bySlug: Map<string, SectionEntry>;
}

/** What one section's page shows, computed once (as Starlight computes its per-route data). */
export interface SectionPage {
  index: number;
  entry: SectionEntry;
  /** Its part of the episode's timeline: paragraphs, speaker turns, speakers. */
  timeline: Timeline['sections'][number];
  prev: SectionEntry | undefined;
  next: SectionEntry | undefined;
  /** The next section tagged "watch", for readers short on time. */
  nextWatch: SectionEntry | undefined;
  /** The moments its player plays (see sectionMoments). */
  moments: { from?: number; until?: number };
}

/** transcript-site.yml, with defaults (src/domain/site-config.ts). */
export { config };
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
        const own = sections.filter((s) => s.data.episode === entry.data.slug).sort((a, b) => a.data.index - b.data.index);
        const timeline = timelines.find((t) => t.data.episode === entry.data.slug)!.data;
        const paragraphs = timeline.sections.map((s) => s.paragraphs);
        return {
          entry,
          sections: own,
          timeline,
          ...(media ? { media: { url: mediaUrl(media), kind: mediaKind(media) } } : {}),
          pages: own.map((section, index) => ({
            index,
            entry: section,
            timeline: timeline.sections[index]!,
            prev: own[index - 1],
            next: own[index + 1],
            nextWatch: own.slice(index + 1).find((s) => s.data.tag === 'watch'),
            moments: sectionMoments(paragraphs, index),
          })),
          bySlug: new Map(own.map((s) => [s.data.section, s])),
        };
      });
  })();
  return cache;
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
