/**
 * The feed over documents of a fixed size, so that it weighs the same at any library size:
 * `rss.xml` holds the newest FEED_PAGE_SIZE episodes (in the library's order: libraryOrder in
 * src/contract/catalog.ts), `rss-2.xml`, `rss-3.xml`… the older ones, as many a document. A library
 * of FEED_PAGE_SIZE episodes or fewer has `rss.xml` alone.
 *
 * The archive documents sit beside `rss.xml` at the site's root, named by the route's parameter
 * (src/pages/[feed].xml.ts): a name with a dot, which no episode's slug takes (routes.ts), where a
 * folder `rss/` would be an episode's address too.
 *
 * The documents are a paged feed as RFC 5005 ("Feed Paging and Archiving") section 3 defines it,
 * tied together by Atom link relations in each channel
 * (https://datatracker.ietf.org/doc/html/rfc5005#section-3):
 *   "first": the furthest preceding document in the series (rss.xml, the newest episodes);
 *   "last": the furthest following one (the oldest episodes);
 *   "previous": the immediately preceding one (newer episodes);
 *   "next": the immediately following one (older episodes).
 * A paged feed document must carry at least one of them, and should carry as many as apply. A
 * library in one document is no paged feed: that document names only itself ("self", RFC 4287
 * section 4.2.7.2).
 */
import { libraryPages } from './library-pages.ts';

/** Episodes per feed document: the newest in rss.xml, as many in each archive document. */
export const FEED_PAGE_SIZE = 100;

/** The feed's name: `rss.xml`, then `rss-2.xml`, `rss-3.xml`… */
const FEED_NAME = 'rss';

/** `entries` (in the library's order) cut into the feed's documents: the first is rss.xml. */
export const feedPages = <T>(entries: readonly T[]): T[][] => libraryPages(entries, FEED_PAGE_SIZE);

/** Document `page`'s name without `.xml`, the route's parameter: `rss`, `rss-2`… */
export const feedName = (page: number): string => (page > 1 ? `${FEED_NAME}-${page}` : FEED_NAME);

/** Document `page`'s file at the site's root: `rss.xml`, `rss-2.xml`… */
export const feedFile = (page: number): string => `${feedName(page)}.xml`;

type FeedRel = 'self' | 'first' | 'last' | 'previous' | 'next';

/** The documents document `page` (of `pages`) links to, by relation (RFC 5005 section 3, see above). */
export function feedLinks(page: number, pages: number): Array<{ rel: FeedRel; page: number }> {
  if (pages <= 1) return [{ rel: 'self', page }];
  return [
    { rel: 'self', page },
    { rel: 'first', page: 1 },
    { rel: 'last', page: pages },
    ...(page > 1 ? [{ rel: 'previous' as const, page: page - 1 }] : []),
    ...(page < pages ? [{ rel: 'next' as const, page: page + 1 }] : []),
  ];
}
