/**
 * `library.json`: every episode, in the library's order (newest first), with its title, date and
 * who speaks in it, for the library pages' filter (src/browser/library/filter.ts), which fetches
 * it the first time a reader uses the box. Rendered from the catalog alone, like the library
 * pages; the format (compact, links relative to the base) is src/browser/library/format.ts.
 */
import { catalog } from '../lib/catalog';
import { href } from '../lib/links';
import { personSlug } from '../domain/people';
import { encodeLibrary } from '../browser/library/format';

export async function GET() {
  const root = href();
  const relative = (path: string) => path.slice(root.length);
  const episodes = (await catalog()).map((e) => ({
    link: relative(href(e.id)),
    title: e.title,
    date: e.date,
    people: e.people.map((p) => ({ name: p.name, link: relative(href('people', personSlug(p.name))) })),
  }));
  return new Response(JSON.stringify(encodeLibrary(episodes)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
