/**
 * Names the site itself uses, that an episode or section address must never take: at the top
 * level the search page, Pagefind's bundle, Astro's assets, the 404 page, the library's later
 * pages, the people pages and the index of names and topics; inside an episode's
 * folder the moment resolver. (Files such as rss.xml, llms.txt and the downloads have a dot in
 * their name, which no slug has.) A title that would take one gets the next free form of it,
 * as a second section of the same title does: "search-1", "at-1".
 */
export const SITE_ROUTES: readonly string[] = ['search', 'pagefind', '_astro', '404', 'library', 'people', 'topics'];
export const EPISODE_ROUTES: readonly string[] = ['at'];
