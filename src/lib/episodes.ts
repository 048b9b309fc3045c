/**
 * Everything an episode's pages need, computed once per build from the generated collections, so
 * pages and components stay declarative (the same split as Starlight's routing data). The
 * site-wide pages read the catalog instead (catalog.ts).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { mediaKind, type MediaKind } from '../domain/media';
import { sectionMoments } from '../domain/moment-ref';
import { pageOf, pageSegment } from '../domain/section-pages';
import { asset, href } from './links';

export type EpisodeEntry = CollectionEntry<'episodes'>;
export type SectionEntry = CollectionEntry<'sections'>;

export type Timeline = CollectionEntry<'timelines'>['data'];

export interface EpisodeData {
  entry: EpisodeEntry;
  sections: SectionEntry[];
  timeline: Timeline;
  /** The sidecar's media, its URL resolved against the base once for every page and paragraph. */
  media?: { url: string; kind: MediaKind };
  /** Every page of every section, in reading order: everything each shows about itself and its neighbours. */
  pages: SectionPage[];
  /** The sections by slug, for links to them (key points on the overview). */
  bySlug: Map<string, SectionEntry>;
  /** Where a paragraph is: the address of the section page holding it, with its anchor. */
  paragraphHref: (section: string, id: string) => string;
}

/** What one section page shows, computed once (as Starlight computes its per-route data). */
export interface SectionPage {
  /** The section's place in the episode (0, 1…). */
  index: number;
  /** Its section's first page (summary, title, range), and this page's own entry. */
  section: SectionEntry;
  entry: SectionEntry;
  /** 1, 2…, of `pages`: a long section's transcript goes over several (src/domain/section-pages.ts). */
  page: number;
  pages: number;
  /** This page's address. */
  href: string;
  /** Its part of the episode's timeline: this page's paragraphs and speaker turns. */
  timeline: Timeline['sections'][number];
  /** Who speaks on this page. */
  speakers: string[];
  /** The pages before and after it in reading order (of this section or a neighbour). */
  prev: SectionPage | undefined;
  next: SectionPage | undefined;
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
      const slug = entry.data.slug;
      const mine = Map.groupBy(sectionsOf.get(slug) ?? [], (s) => s.data.index);
      const own = [...mine.keys()].sort((a, b) => a - b).map((i) => mine.get(i)!.sort((a, b) => a.data.page - b.data.page));
      const timeline = timelineOf.get(slug)!;
      const pages: SectionPage[] = own.flatMap((entries, index) => {
        const t = timeline.sections[index]!;
        return entries.map((page) => {
          const [from, to] = [page.data.page > 1 ? t.pages[page.data.page - 2]! : 0, t.pages[page.data.page - 1] ?? t.paragraphs.length];
          const ids = new Set(t.paragraphs.slice(from, to).map(([, id]) => id));
          return {
            index,
            section: entries[0]!,
            entry: page,
            page: page.data.page,
            pages: entries.length,
            href: href(slug, t.section, pageSegment(page.data.page)),
            timeline: { ...t, paragraphs: t.paragraphs.slice(from, to), turns: t.turns.filter(([, id]) => ids.has(id)) },
            speakers: t.speakers[page.data.page - 1] ?? [],
            prev: undefined,
            next: undefined,
            nextWatch: own.slice(index + 1).find((s) => s[0]!.data.tag === 'watch')?.[0],
            moments: { from: 0 },
          };
        });
      });
      const paragraphs = pages.map((p) => p.timeline.paragraphs);
      pages.forEach((p, i) => {
        p.prev = pages[i - 1];
        p.next = pages[i + 1];
        p.moments = sectionMoments(paragraphs, i);
      });
      const byId = new Map(timeline.sections.map((t) => [t.section, t]));
      return {
        entry,
        sections: own.map((entries) => entries[0]!),
        timeline,
        ...(media ? { media: { url: mediaUrl(media), kind: mediaKind(media) } } : {}),
        pages,
        bySlug: new Map(own.map((entries) => [entries[0]!.data.section, entries[0]!])),
        paragraphHref: (section: string, id: string) => {
          const t = byId.get(section)!;
          const at = t.paragraphs.findIndex(([, p]) => p === id);
          return `${href(slug, section, pageSegment(pageOf(t.pages, at)))}#${id}`;
        },
      };
    });
  })();
  return cache;
}

/** A media URL from a sidecar: absolute URLs as they are, relative paths from the site's root. */
function mediaUrl(media: string): string {
  return /^https?:\/\//i.test(media) ? media : asset(media.replace(/^\.?\//, ''));
}
