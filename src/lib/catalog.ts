/**
 * The catalog of every episode, for the site-wide pages (library, feed): each episode's entry
 * (src/contract/catalog.ts), never its pages, so that the site-wide pages can be rendered on
 * their own, from every part of a build split over machines.
 */
import { getCollection } from 'astro:content';
import { libraryOrder } from '../contract/catalog';
import type { CatalogEntry } from '../contract/frontmatter';

export type { CatalogEntry };

let cache: Promise<CatalogEntry[]> | undefined;

/** Every episode, newest first. Once per build; in the dev server afresh, since the catalog changes as you edit. */
export function catalog(): Promise<CatalogEntry[]> {
  const read = () => getCollection('catalog').then((entries) => libraryOrder(entries.map((e) => e.data)));
  if (import.meta.env.DEV) return read();
  cache ??= read();
  return cache;
}

/** A catalog date (YYYY-MM-DD) as a Date at UTC midnight. */
export const dateOf = (entry: { date?: string | undefined }): Date | undefined => (entry.date ? new Date(`${entry.date}T00:00:00Z`) : undefined);

const shortDate = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
/** A catalog date as cards show it: "Jun 1, 2024" (empty when undated). */
export const cardDate = (entry: { date?: string | undefined }): string => (entry.date ? shortDate.format(dateOf(entry)) : '');
