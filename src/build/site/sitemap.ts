/**
 * The sitemap, from the catalog: the library's pages, every episode's overview and section pages
 * (every page of a long section), the people pages and the index of names and topics; not the moment resolvers or the search
 * page, which are not content. Written by the `sitemap` package, as sitemap-index.xml and
 * sitemap-0.xml, sitemap-1.xml… of at most 45,000 URLs each.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { libraryPagePath, libraryPages } from '../../domain/library-pages.ts';
import { libraryPeople, personPagePath, PERSON_PAGE_EPISODES } from '../../domain/people.ts';
import { byLetter, LETTER_ROUTE, letterSegment, ONE_PAGE_LIST } from '../../domain/a-to-z.ts';
import { pageSegment } from '../../domain/section-pages.ts';
import { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap';
import { libraryOrder } from '../../contract/catalog.ts';
import type { CatalogEntry } from '../../contract/frontmatter.ts';
import { absoluteUrl, filePath, pagePath } from '../../domain/urls.ts';
import { entryPages, entryPath, letterPath, letters, TOPICS_ROUTE, type TopicIndex } from '../../domain/topic-index/entries.ts';

/** URLs per sitemap file (the protocol allows 50,000). */
const LIMIT = 45_000;

/** The site's page URLs, in the library's order. */
export function pageUrls(catalog: readonly CatalogEntry[], base: string, site: string, index: TopicIndex): string[] {
  const url = (...parts: string[]) => absoluteUrl(pagePath(base, ...parts), site);
  const pages = (id: string, s: CatalogEntry['sections'][number]) => Array.from({ length: s.pages }, (_, k) => url(id, s.section, pageSegment(k + 1)));
  const ordered = libraryOrder(catalog);
  const library = libraryPages(ordered).map((_, k) => url(...libraryPagePath(k + 1)));
  // Each person's pages (PERSON_PAGE_EPISODES episodes a page), and the letter pages of a long list.
  const named = libraryPeople(ordered);
  const people = named.length
    ? [
        url('people'),
        ...(named.length > ONE_PAGE_LIST ? byLetter(named, (p) => p.name).map((l) => url('people', LETTER_ROUTE, letterSegment(l.letter))) : []),
        ...[...named].sort((a, b) => (a.slug < b.slug ? -1 : 1)).flatMap((p) => Array.from({ length: Math.ceil(p.episodes.length / PERSON_PAGE_EPISODES) }, (_, k) => url(...personPagePath(p.slug, k + 1)))),
      ]
    : [];
  const topics = index.entries.length
    ? [
        url(TOPICS_ROUTE),
        ...(index.entries.length > ONE_PAGE_LIST ? letters(index.entries).map((l) => url(...letterPath(l.letter))) : []),
        ...index.entries.flatMap((e) => entryPages(e).map((_, k) => url(...entryPath(e.slug, k + 1)))),
      ]
    : [];
  return [...library, ...ordered.flatMap((e) => [url(e.id), ...e.sections.flatMap((s) => pages(e.id, s))]), ...people, ...topics];
}

export async function writeSitemap(dir: string, catalog: readonly CatalogEntry[], base: string, site: string, index: TopicIndex): Promise<number> {
  const urls = pageUrls(catalog, base, site, index);
  const files: string[] = [];
  for (let i = 0; i * LIMIT < urls.length; i++) {
    const stream = new SitemapStream();
    for (const url of urls.slice(i * LIMIT, (i + 1) * LIMIT)) stream.write({ url });
    stream.end();
    const name = `sitemap-${i}.xml`;
    await writeFile(path.join(dir, name), await streamToPromise(stream));
    files.push(name);
  }
  const list = new SitemapIndexStream();
  for (const name of files) list.write({ url: absoluteUrl(filePath(base, name), site) });
  list.end();
  await writeFile(path.join(dir, 'sitemap-index.xml'), await streamToPromise(list));
  return urls.length;
}
