/**
 * Everyone who speaks by name across the library, from the catalog (never the rendered pages, so
 * the people pages come out the same however the build was split): each person with the episodes
 * they speak in, newest first.
 */
import { personSlug } from '../domain/people';
import { catalog, type CatalogEntry } from './catalog';

export interface Person {
  name: string;
  slug: string;
  /** The episodes they speak in (the library's order), with their part in each. */
  episodes: Array<{ entry: CatalogEntry; part: CatalogEntry['people'][number] }>;
  /** Seconds they talk, over all of them. */
  seconds: number;
}

let cache: Promise<Person[]> | undefined;

/** Every named person, A to Z. */
export function people(): Promise<Person[]> {
  const read = async () => {
    const bySlug = new Map<string, Person>();
    for (const entry of await catalog()) {
      for (const part of entry.people) {
        const slug = personSlug(part.name);
        const person = bySlug.get(slug) ?? { name: part.name, slug, episodes: [], seconds: 0 };
        person.episodes.push({ entry, part });
        person.seconds += part.seconds;
        bySlug.set(slug, person);
      }
    }
    return [...bySlug.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  };
  if (import.meta.env.DEV) return read();
  cache ??= read();
  return cache;
}
