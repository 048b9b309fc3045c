/**
 * Everyone who speaks by name across the library, from the catalog (never the rendered pages, so
 * the people pages come out the same however the build was split): each person with the episodes
 * they speak in, newest first.
 *
 * A person is everyone whose name has their slug (`personSlug`), so "ada lovelace" and "Ada
 * Lovelace" are one person; a misspelling that slugs differently is fixed in its episode's sidecar
 * (`speakers.names`). The person's name is the spelling most of their episodes use.
 */
import { libraryPeople, type LibraryPerson } from '../domain/people';
import { catalog, type CatalogEntry } from './catalog';

export type Person = LibraryPerson<CatalogEntry>;

let cache: Promise<Person[]> | undefined;

/** Every named person, A to Z (src/domain/people.ts). */
export function people(): Promise<Person[]> {
  const read = async () => libraryPeople(await catalog());
  if (import.meta.env.DEV) return read();
  cache ??= read();
  return cache;
}
