/**
 * Lists from A to Z (the index of names and topics, the people): grouped by first letter, and,
 * past ONE_PAGE_LIST items, a page per letter at `<list>/by-letter/<letter>/`, so a list page
 * weighs the same at any library size.
 */

/** Past this many items, a list is a page per letter. */
export const ONE_PAGE_LIST = 300;
/** Where letter pages live below a list (never an entry's or a person's slug: see their slugs). */
export const LETTER_ROUTE = 'by-letter';

/** The letter an item is filed under: A–Z (accents aside), or "#" for anything else. */
export function letterOf(label: string): string {
  const first = label.normalize('NFD').replace(/\p{M}/gu, '').charAt(0).toUpperCase();
  return /[A-Z]/.test(first) ? first : '#';
}

/** The letters of a list (in its order), A to Z then "#", with their items. */
export function byLetter<T>(items: readonly T[], labelOf: (item: T) => string): Array<{ letter: string; items: T[] }> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const letter = letterOf(labelOf(item));
    groups.set(letter, [...(groups.get(letter) ?? []), item]);
  }
  return [...groups].sort((a, b) => (a[0] === '#' ? 1 : b[0] === '#' ? -1 : a[0].localeCompare(b[0]))).map(([letter, list]) => ({ letter, items: list }));
}

/** A letter's last path segment: `a`, or `other` for "#"; also its anchor on a one-page list (`letter-a`). */
export const letterSegment = (letter: string): string => (letter === '#' ? 'other' : letter.toLowerCase());
