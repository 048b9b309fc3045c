/**
 * The people of an episode: everyone who speaks by name (generic labels such as "Speaker 1" are
 * nobody to list), with the time they talk and their most central moments, for the people pages.
 */
import GithubSlugger from 'github-slugger';
import { LETTER_ROUTE } from './a-to-z.ts';
import { episodeSpeakers, isGenericSpeaker } from './speakers.ts';
import type { Episode, Fragment } from './types.ts';

/** Moments listed per person per episode. */
const MOMENTS_PER_EPISODE = 3;

export interface PersonInEpisode {
  name: string;
  /** Seconds of the episode in which they speak, and that as a share of all speaking time. */
  seconds: number;
  share: number;
  /** Their most central sentences in this episode (summary sentences, then key moments): sentence, section and paragraph. */
  moments: Array<{ text: string; section: string; id: string; time: number }>;
}

/** Episodes listed on one page of a person's: a channel's host speaks in hundreds. */
export const PERSON_PAGE_EPISODES = 30;

/** A person's address below `people/`: the slug of their name (never the letter pages' folder). */
export const personSlug = (name: string): string => {
  const slug = new GithubSlugger().slug(name) || 'person';
  return slug === LETTER_ROUTE ? `${slug}-1` : slug;
};

/** A person's page `n` below the site: `people/<slug>`, then `people/<slug>/2`… */
export const personPagePath = (slug: string, page = 1): string[] => (page > 1 ? ['people', slug, String(page)] : ['people', slug]);

/** How long each speaker talks: each fragment lasts until the next starts (or its own end). */
export function talkSeconds(fragments: readonly Fragment[]): Map<string, number> {
  const seconds = new Map<string, number>();
  fragments.forEach((f, i) => {
    if (!f.speaker) return;
    const next = fragments[i + 1]?.time;
    const end = Math.min(f.end ?? Infinity, next ?? Infinity);
    const length = Number.isFinite(end) ? Math.max(0, end - f.time) : 0;
    seconds.set(f.speaker, (seconds.get(f.speaker) ?? 0) + length);
  });
  return seconds;
}

export function episodePeople(episode: Episode): PersonInEpisode[] {
  const seconds = talkSeconds(episode.source.fragments);
  const total = [...seconds.values()].reduce((n, s) => n + s, 0);
  const speakerOf = new Map(episode.sections.flatMap((s) => s.paragraphs.map((p) => [`${s.slug}#${p.id}`, p.speaker] as const)));
  // The sections' extracted summaries are their most central sentences; their key moments come next.
  const moments = episode.sections.flatMap((s) => [...(s.extracted?.summary ?? []), ...s.moments].map((m) => ({ ...m, section: s.slug, speaker: speakerOf.get(`${s.slug}#${m.id}`) })));
  return episodeSpeakers(episode)
    .filter((name) => !isGenericSpeaker(name))
    .map((name) => ({
      name,
      seconds: Math.round(seconds.get(name) ?? 0),
      share: total > 0 ? (seconds.get(name) ?? 0) / total : 0,
      moments: moments.filter((m) => m.speaker === name).slice(0, MOMENTS_PER_EPISODE).map(({ text, section, id, time }) => ({ text, section, id, time })),
    }));
}

/** A person's part in an episode, as the catalog keeps it (PersonInEpisode, its moments with their page). */
interface Part {
  name: string;
  seconds: number;
  share: number;
  moments: readonly object[];
}

/** A person of the library: everyone whose name has their slug, with their part in each episode. */
export interface LibraryPerson<E extends { people: readonly Part[] }> {
  /** The spelling most of their episodes use; on a tie, the first in code-point order (capitals first). */
  name: string;
  slug: string;
  /** The episodes they speak in, in the order given, with their part in each. */
  episodes: Array<{ entry: E; part: E['people'][number] }>;
  /** Seconds they talk, over all of them. */
  seconds: number;
}

/**
 * Everyone who speaks by name in `entries` (the library's order), A to Z: "ada lovelace" and "Ada
 * Lovelace" are one person (one slug); an episode naming someone both ways lists them once, their
 * talk and moments together. The people pages, the sitemap and llms.txt all list these.
 */
export function libraryPeople<E extends { people: readonly Part[] }>(entries: readonly E[]): Array<LibraryPerson<E>> {
  const bySlug = new Map<string, LibraryPerson<E> & { spellings: string[] }>();
  for (const entry of entries) {
    for (const part of entry.people) {
      const slug = personSlug(part.name);
      const person = bySlug.get(slug) ?? { name: part.name, slug, episodes: [], seconds: 0, spellings: [] };
      const same = person.episodes.at(-1);
      if (same?.entry === entry) same.part = joined(same.part, part);
      else person.episodes.push({ entry, part });
      person.spellings.push(part.name);
      person.seconds += part.seconds;
      bySlug.set(slug, person);
    }
  }
  return [...bySlug.values()]
    .map(({ spellings, ...person }) => ({ ...person, name: commonest(spellings) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

function commonest(spellings: readonly string[]): string {
  const count = new Map<string, number>();
  for (const name of spellings) count.set(name, (count.get(name) ?? 0) + 1);
  return [...count].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))[0]![0];
}

/** One episode's part of someone named two ways in it (as two speakers): their talk and moments together. */
function joined<P extends Part>(a: P, b: P): P {
  return { ...a, seconds: a.seconds + b.seconds, share: a.share + b.share, moments: [...a.moments, ...b.moments].slice(0, Math.max(a.moments.length, b.moments.length)) };
}
