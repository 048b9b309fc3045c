/**
 * Everyone who speaks by name across the library, from the catalog (never the rendered pages, so
 * the people pages come out the same however the build was split): each person with the episodes
 * they speak in, newest first.
 *
 * A person is everyone whose name has their slug (`personSlug`), so "ada lovelace" and "Ada
 * Lovelace" are one person; a misspelling that slugs differently is fixed in its episode's sidecar
 * (`speakers.names`). The person's name is the spelling most of their episodes use.
 */
import { personSlug } from '../domain/people';
import { catalog, type CatalogEntry } from './catalog';

type Part = CatalogEntry['people'][number];

export interface Person {
  name: string;
  slug: string;
  /** The episodes they speak in (the library's order), with their part in each. */
  episodes: Array<{ entry: CatalogEntry; part: Part }>;
  /** Seconds they talk, over all of them. */
  seconds: number;
}

let cache: Promise<Person[]> | undefined;

/**
 * The spelling to show for a person: the one most of their episodes use; on a tie, the first in
 * code-point order, which puts capitals first ("Ada Lovelace" before "ada lovelace").
 */
function displayName(spellings: readonly string[]): string {
  const count = new Map<string, number>();
  for (const name of spellings) count.set(name, (count.get(name) ?? 0) + 1);
  return [...count].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))[0]![0];
}

/** One episode's part of someone named two ways in it (as two speakers): their talk and moments together. */
const joined = (a: Part, b: Part): Part => ({
  name: a.name,
  seconds: a.seconds + b.seconds,
  share: a.share + b.share,
  moments: [...a.moments, ...b.moments].slice(0, Math.max(a.moments.length, b.moments.length)),
});

/** Every named person, A to Z. */
export function people(): Promise<Person[]> {
  const read = async () => {
    const bySlug = new Map<string, Person & { spellings: string[] }>();
    for (const entry of await catalog()) {
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
      .map(({ spellings, ...person }) => ({ ...person, name: displayName(spellings) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  };
  if (import.meta.env.DEV) return read();
  cache ??= read();
  return cache;
}
