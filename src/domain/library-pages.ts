/**
 * The library over pages of a fixed size, newest first, so a library page weighs the same at any
 * library size: page 1 at the site's root, pages 2, 3… at `library/2/`… Each year's first episode
 * is a place to jump to: the page it is on and its card's anchor.
 */

/** Episodes per library page: about 10 KB gzipped of cards, well inside the page's 30 KB. */
export const LIBRARY_PAGE_SIZE = 50;

/** The folder the library's later pages live in (a name the site keeps: routes.ts). */
export const LIBRARY_ROUTE = 'library';

/** `entries` (in the library's order) cut into pages. */
export function libraryPages<T>(entries: readonly T[], size = LIBRARY_PAGE_SIZE): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < entries.length; i += size) pages.push(entries.slice(i, i + size));
  return pages.length ? pages : [[]];
}

/** A library page's path segments below the site: none for the first, `library/2` for the second. */
export const libraryPagePath = (page: number): string[] => (page > 1 ? [LIBRARY_ROUTE, String(page)] : []);

/** Each year the library holds (newest first) with its episode count and where its first episode is. */
export function libraryYears(dates: ReadonlyArray<string | undefined>, size = LIBRARY_PAGE_SIZE): Array<{ year: string; count: number; page: number; index: number }> {
  const years: Array<{ year: string; count: number; page: number; index: number }> = [];
  dates.forEach((date, index) => {
    const year = date?.slice(0, 4) ?? 'Undated';
    const known = years.find((y) => y.year === year);
    if (known) known.count++;
    else years.push({ year, count: 1, page: Math.floor(index / size) + 1, index });
  });
  return years;
}

/** The anchor of a year's first card on its library page. */
export const yearAnchor = (year: string): string => `year-${year.toLowerCase()}`;
