/**
 * Everything an episode's pages need, computed once per build from the generated collections, so
 * pages and components stay declarative (the same split as Starlight's routing data). The
 * site-wide pages read the catalog instead (catalog.ts).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { mediaKind, type MediaKind } from '../domain/media';
import { sectionMoments } from '../domain/moment-ref';
import { asset } from './links';

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

let cache: Promise<EpisodeData[]> | undefined;

/** Every episode of this render, each with its sections in order. */
export function episodes(): Promise<EpisodeData[]> {
  cache ??= (async () => {
    const [all, sections, timelines] = await Promise.all([getCollection('episodes'), getCollection('sections'), getCollection('timelines')]);
    const sectionsOf = Map.groupBy(sections, (s) => s.data.episode);
    const timelineOf = new Map(timelines.map((t) => [t.data.episode, t.data]));
    return all.map((entry) => {
      const { media } = entry.data;
      const own = (sectionsOf.get(entry.data.slug) ?? []).sort((a, b) => a.data.index - b.data.index);
      const timeline = timelineOf.get(entry.data.slug)!;
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

/** A media URL from a sidecar: absolute URLs as they are, relative paths from the site's root. */
function mediaUrl(media: string): string {
  return /^https?:\/\//i.test(media) ? media : asset(media.replace(/^\.?\//, ''));
}
