/**
 * The catalog's writer: an episode's entry (its schema is `catalogEntry` in frontmatter.ts), kept
 * as `<slug>/catalog.json` beside its pages' files, and the library's order.
 */
import { pageOf } from '../domain/section-pages.ts';
import { episodePeople } from '../domain/people.ts';
import type { Episode } from '../domain/types.ts';
import type { CatalogEntry, EpisodeFrontmatter } from './frontmatter.ts';
import { overviewFrontmatter } from './mdx-pages.ts';

/** `f`: the overview's frontmatter (overviewFrontmatter), which says most of it. */
export function catalogEntryOf(episode: Episode, f: EpisodeFrontmatter = overviewFrontmatter(episode)): CatalogEntry {
  return {
    id: f.slug,
    title: f.title,
    ...(episode.source.metadata.date ? { date: episode.source.metadata.date } : {}),
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.language ? { language: f.language } : {}),
    ...(f.media ? { media: f.media } : {}),
    duration: f.duration,
    words: f.words,
    description: f.description,
    descriptionSource: f.descriptionSource,
    people: episodePeople(episode).map((p) => ({ ...p, moments: p.moments.map((m) => ({ ...m, page: pageOfParagraph(episode, m.section, m.id) })) })),
    topics: episode.terms,
    sections: episode.sections.map((s) => ({ section: s.slug, title: s.title, start: s.start, end: s.end, summary: s.summary, pages: s.pageStarts.length + 1 })),
  };
}

const time = (e: CatalogEntry) => (e.date === undefined ? -Infinity : Date.parse(e.date));

/** Newest first; undated episodes after the dated ones, by title: the library's order, everywhere. */
export function libraryOrder(entries: readonly CatalogEntry[]): CatalogEntry[] {
  return [...entries].sort((a, b) => time(b) - time(a) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

/** Where an episode's entry is written, in its prepared folder (and in the site-wide pages' root). */
export const CATALOG_FILE = 'catalog.json';

/** The page of section `slug` that holds paragraph `id`. */
function pageOfParagraph(episode: Episode, slug: string, id: string): number {
  const section = episode.sections.find((s) => s.slug === slug)!;
  return pageOf(section.pageStarts, section.paragraphs.findIndex((p) => p.id === id));
}
