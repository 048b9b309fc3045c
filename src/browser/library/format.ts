/**
 * `library.json`, the list the library filter (./filter.ts) searches: written by the site
 * (src/pages/library.json.ts, from the catalog) and read in the browser. Compact, since a large
 * library's list is one download: about 30 KB gzipped per 1,000 episodes.
 *
 * - Every name once, in `people`; episodes point at them by index.
 * - Links are relative to the site's base, where the file is (the browser resolves them against
 *   the file's own address), and most are left out: where a link is what `guessSlug` makes of
 *   the title or name, the file says so (0 for the whole guess, n for its first n characters, as
 *   for a long title cut short); only the others are written out. The writer checks each guess
 *   against the real link, so a wrong guess costs bytes, never a wrong link.
 */

export interface LibraryIndex {
  /** `[name]` when the person's page is `people/<guessSlug(name)>/`, else `[name, link]`. */
  people: Array<[name: string, link?: string]>;
  /** Newest first. `date`: YYYY-MM-DD or ''. `people`: indices into `people`, left out when none. */
  episodes: Array<[link: string | number, title: string, date: string, people?: number[]]>;
}

export interface FilterEpisode {
  /** Relative to the site's base, like every link here. */
  link: string;
  title: string;
  date?: string | undefined;
  people: Array<{ name: string; link: string }>;
}

/**
 * What github-slugger (which names the episodes and people pages) makes of most titles and names:
 * lower case, punctuation dropped, spaces as hyphens. Only a guess: see above.
 */
export const guessSlug = (text: string): string =>
  text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');

/** A page's link relative to the base, as src/domain/urls.ts's pagePath writes it. */
const pageLink = (...parts: string[]): string => parts.map((p) => `${encodeURIComponent(p)}/`).join('');
const PEOPLE = 'people';

/** How `link` is written for a page named after `text` (`at`: its folder's parts before the slug). */
function linkCode(text: string, link: string, at: string[] = []): string | number {
  const guess = guessSlug(text);
  if (pageLink(...at, guess) === link) return 0;
  for (let n = guess.length - 1; n > 0; n--) if (pageLink(...at, guess.slice(0, n)) === link) return n;
  return link;
}

const linkFrom = (code: string | number | undefined, text: string, at: string[] = []): string =>
  typeof code === 'string' ? code : pageLink(...at, code ? guessSlug(text).slice(0, code) : guessSlug(text));

export function encodeLibrary(episodes: readonly FilterEpisode[]): LibraryIndex {
  const people: LibraryIndex['people'] = [];
  const known = new Map<string, number>();
  const person = ({ name, link }: FilterEpisode['people'][number]) => {
    let index = known.get(name);
    if (index === undefined) {
      const code = linkCode(name, link, [PEOPLE]);
      index = people.push(code === 0 ? [name] : [name, link]) - 1;
      known.set(name, index);
    }
    return index;
  };
  return {
    people,
    episodes: episodes.map((e) => {
      const link = linkCode(e.title, e.link);
      return e.people.length ? [link, e.title, e.date ?? '', e.people.map(person)] : [link, e.title, e.date ?? ''];
    }),
  };
}

export function decodeLibrary({ people, episodes }: LibraryIndex): FilterEpisode[] {
  const named = people.map(([name, link]) => ({ name, link: linkFrom(link, name, [PEOPLE]) }));
  return episodes.map(([link, title, date, who = []]) => ({ link: linkFrom(link, title), title, date, people: who.map((i) => named[i]!) }));
}
