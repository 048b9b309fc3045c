/**
 * The archive's index of names and topics, like the index at the back of a book: from every
 * episode's candidates (episode-terms.ts), the terms that recur (in two sections or more, of one
 * episode or of several) become entries, at most ENTRIES_PER_EPISODE per episode of the library
 * plus a few, the most widely said first, leaving out what a large archive says everywhere. Each entry lists every section that says it, grouped by
 * episode in the library's order; each episode gets its main entries, each section its own, and up
 * to five related episodes: those sharing the most entries, rarer entries counting for more.
 *
 * Built from the episodes' catalog entries only, never from pages, so a build split over machines
 * gets the same index as one machine.
 */
import GithubSlugger from 'github-slugger';
// LETTER_ROUTE is never an entry's slug: "by" is a stop word, so no phrase starts with it.
import { byLetter, LETTER_ROUTE, letterSegment } from '../a-to-z.ts';
import type { EpisodeTerm, Mention } from './episode-terms.ts';

/** Entries per episode of the library (plus MIN_ENTRIES): bounds the index, so a big archive never gets a page per rare phrase. */
export const ENTRIES_PER_EPISODE = 1;
export const MIN_ENTRIES = 60;
/**
 * In a library of WIDE_FROM episodes or more, a term said in more than WIDE_SHARE of them is the
 * archive's subject rather than a subject of its episodes ("models" in a channel about AI): like
 * the book about whales whose index has no "whale", the index leaves it out.
 */
export const WIDE_FROM = 20;
export const WIDE_SHARE = 0.2;
/** Sections listed on one page of an entry: its later pages are `<entry>/2/`… */
export const ENTRY_PAGE_SECTIONS = 40;
/** Entries shown on an overview and on a section page. */
export const MAIN_ENTRIES = 8;
export const SECTION_ENTRIES = 5;
export const RELATED_EPISODES = 5;
/** Entries named for each related episode. */
const SHARED_NAMED = 4;
/** The index's folder (a name the site keeps: routes.ts). */
export const TOPICS_ROUTE = 'topics';

/** An entry's page `n` below the site: `topics/<slug>`, then `topics/<slug>/2`… */
export const entryPath = (slug: string, page = 1): string[] => (page > 1 ? [TOPICS_ROUTE, slug, String(page)] : [TOPICS_ROUTE, slug]);

/** What the index reads of an episode's catalog entry. */
export interface IndexedEpisode {
  id: string;
  title: string;
  date?: string | undefined;
  sections: ReadonlyArray<{ section: string; title: string }>;
  topics: readonly EpisodeTerm[];
}

export interface EntrySection {
  section: string;
  title: string;
  count: number;
  mentions: Mention[];
}

export interface Entry {
  slug: string;
  /** As it is said most often ("reinforcement learning", "OpenAI"). */
  label: string;
  key: string;
  name: boolean;
  /** Every episode that says it (the library's order), with every section that does. */
  episodes: Array<{ id: string; title: string; date?: string | undefined; sections: EntrySection[] }>;
  sectionCount: number;
  count: number;
}

export interface EntryLink {
  slug: string;
  label: string;
}

export interface TopicIndex {
  /** A to Z. */
  entries: Entry[];
  /** Per episode: its main entries, each section's, and its related episodes. */
  episodes: Map<string, {
    entries: EntryLink[];
    sections: Map<string, EntryLink[]>;
    related: Array<{ id: string; title: string; shared: EntryLink[] }>;
  }>;
}

const byLabel = (a: { label: string; slug: string }, b: { label: string; slug: string }) =>
  a.label.localeCompare(b.label, 'en', { sensitivity: 'base' }) || a.slug.localeCompare(b.slug);

/** `library`: every episode, in the library's order (newest first). */
export function topicIndex(library: readonly IndexedEpisode[]): TopicIndex {
  const gathered = new Map<string, { key: string; forms: Map<string, number>; names: number; count: number; episodes: Entry['episodes'] }>();
  for (const episode of library) {
    const titles = new Map(episode.sections.map((s) => [s.section, s.title]));
    for (const term of episode.topics) {
      const entry = gathered.get(term.key) ?? { key: term.key, forms: new Map<string, number>(), names: 0, count: 0, episodes: [] };
      for (const [form, n] of Object.entries(term.forms)) entry.forms.set(form, (entry.forms.get(form) ?? 0) + n);
      entry.count += term.count;
      if (term.name) entry.names++;
      entry.episodes.push({
        id: episode.id,
        title: episode.title,
        ...(episode.date ? { date: episode.date } : {}),
        sections: term.sections.map((s) => ({ section: s.section, title: titles.get(s.section) ?? s.section, count: s.count, mentions: s.mentions })),
      });
      gathered.set(term.key, entry);
    }
  }
  const limit = MIN_ENTRIES + ENTRIES_PER_EPISODE * library.length;
  const chosen = [...gathered.values()]
    .map((e) => ({ ...e, sectionCount: e.episodes.reduce((n, x) => n + x.sections.length, 0) }))
    // Recurring: in two sections or more; not the whole archive's subject.
    .filter((e) => e.sectionCount >= 2 && (library.length < WIDE_FROM || e.episodes.length <= WIDE_SHARE * library.length))
    .sort((a, b) => b.episodes.length - a.episodes.length || b.sectionCount - a.sectionCount || b.count - a.count || a.key.localeCompare(b.key))
    .slice(0, limit);
  const slugger = new GithubSlugger();
  const entries: Entry[] = chosen
    .map((e) => {
      const label = [...e.forms].sort((a, b) => b[1] - a[1] || lowerFirst(a[0], b[0]))[0]![0];
      return { e, label };
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'en', { sensitivity: 'base' }) || a.e.key.localeCompare(b.e.key))
    .map(({ e, label }) => ({
      slug: slugger.slug(label) || 'entry',
      label,
      key: e.key,
      // A name when most episodes that say it write it as one.
      name: e.names * 2 > e.episodes.length,
      episodes: e.episodes,
      sectionCount: e.sectionCount,
      count: e.count,
    }));
  return { entries: entries.sort(byLabel), episodes: perEpisode(library, entries) };
}

/**
 * The library with only the terms the index keeps: what the site-wide pages need to read (a
 * thousand episodes propose tens of thousands of terms, and keep about a thousand). The index of
 * the result is the index of `library`: the same entries, labels, pages and related episodes.
 */
export function indexedOnly<T extends IndexedEpisode>(library: readonly T[], index: TopicIndex): T[] {
  const kept = new Set(index.entries.map((e) => e.key));
  return library.map((episode) => ({ ...episode, topics: episode.topics.filter((t) => kept.has(t.key)) }));
}

/** "reinforcement learning" before "Reinforcement Learning" when both are said as often. */
const lowerFirst = (a: string, b: string) => (a === b ? 0 : a.toLowerCase() === a ? -1 : b.toLowerCase() === b ? 1 : a.localeCompare(b));

function perEpisode(library: readonly IndexedEpisode[], entries: readonly Entry[]): TopicIndex['episodes'] {
  const link = (e: Entry): EntryLink => ({ slug: e.slug, label: e.label });
  const ofEpisode = new Map<string, Array<{ entry: Entry; sections: EntrySection[] }>>();
  for (const entry of entries) {
    for (const x of entry.episodes) {
      const list = ofEpisode.get(x.id) ?? [];
      list.push({ entry, sections: x.sections });
      ofEpisode.set(x.id, list);
    }
  }
  // Rarer entries say more of what two episodes share: each weighs the log of its rarity.
  const weight = (e: Entry) => Math.log((library.length + 1) / e.episodes.length);
  const out: TopicIndex['episodes'] = new Map();
  for (const episode of library) {
    const mine = ofEpisode.get(episode.id) ?? [];
    // The episode's own order of its terms (strongest first, episode-terms.ts).
    const rank = new Map(episode.topics.map((t, i) => [t.key, i]));
    mine.sort((a, b) => rank.get(a.entry.key)! - rank.get(b.entry.key)!);
    const main = mine.slice(0, MAIN_ENTRIES).map((m) => m.entry);
    const sections = new Map<string, EntryLink[]>();
    for (const s of episode.sections) {
      const here = mine
        .flatMap((m) => m.sections.filter((x) => x.section === s.section).map((x) => ({ entry: m.entry, count: x.count })))
        .sort((a, b) => strength(b) - strength(a) || byLabel(a.entry, b.entry))
        .slice(0, SECTION_ENTRIES)
        .map((x) => link(x.entry));
      sections.set(s.section, here);
    }
    const shared = new Map<string, Entry[]>();
    for (const { entry } of mine) {
      for (const other of entry.episodes) if (other.id !== episode.id) shared.set(other.id, [...(shared.get(other.id) ?? []), entry]);
    }
    const titleOf = new Map(library.map((e) => [e.id, e.title]));
    const related = [...shared]
      .map(([id, list]) => ({ id, list, score: list.reduce((n, e) => n + weight(e), 0) }))
      .sort((a, b) => b.score - a.score || b.list.length - a.list.length || a.id.localeCompare(b.id))
      .slice(0, RELATED_EPISODES)
      .map(({ id, list }) => ({
        id,
        title: titleOf.get(id)!,
        shared: [...list].sort((a, b) => weight(b) - weight(a) || byLabel(a, b)).slice(0, SHARED_NAMED).map(link),
      }));
    out.set(episode.id, { entries: main.sort(byLabel).map(link), sections, related });
  }
  return out;
}

/** How much a section says of an entry: a phrase or a name counts for more than a single common word (as in episode-terms.ts). */
const strength = ({ entry, count }: { entry: Entry; count: number }) => count * (entry.name || entry.label.includes(' ') ? 3 : 1);

/** An entry's sections over its pages: the sections of each page, grouped by episode. */
export function entryPages(entry: Entry, size = ENTRY_PAGE_SECTIONS): Array<Entry['episodes']> {
  const pages: Array<Entry['episodes']> = [[]];
  let room = size;
  for (const episode of entry.episodes) {
    let rest = episode.sections;
    while (rest.length) {
      if (room === 0) {
        pages.push([]);
        room = size;
      }
      const part = rest.slice(0, room);
      pages.at(-1)!.push({ ...episode, sections: part });
      rest = rest.slice(part.length);
      room -= part.length;
    }
  }
  return pages;
}

/** A letter's page below the site: `topics/by-letter/a`, or `topics/by-letter/other` for "#". */
export const letterPath = (letter: string): string[] => [TOPICS_ROUTE, LETTER_ROUTE, letterSegment(letter)];

/** The index's letters, A to Z, with their entries. */
export const letters = (entries: readonly Entry[]): Array<{ letter: string; entries: Entry[] }> =>
  byLetter(entries, (e) => e.label).map(({ letter, items }) => ({ letter, entries: items }));
