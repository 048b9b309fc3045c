/**
 * What an episode's pages show of the whole library: the overview's entries in the index of names
 * and topics and its related episodes, each section page's entries. They depend on every other
 * episode, so they are written when the parts are joined, from the catalog (topic-index/entries.ts),
 * into the place each page keeps for them (INDEX_MARK): a page rendered on one machine, or taken
 * from the cache, stays valid however the rest of the library changes, and a build split over
 * machines gets the same pages as one machine.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { escapeAttribute, escapeText } from 'entities';
import type { CatalogEntry } from '../../contract/frontmatter.ts';
import { INDEX_MARK } from '../../contract/index-mark.ts';
import { pageSegment } from '../../domain/section-pages.ts';
import { entryPath, type EntryLink, type TopicIndex } from '../../domain/topic-index/entries.ts';
import { pagePath } from '../../domain/urls.ts';


/** Pages written at once: enough to keep the disk busy, few enough to keep memory flat. */
const AT_ONCE = 16;

export async function writeIndexLinks(site: string, catalog: readonly CatalogEntry[], index: TopicIndex, base: string): Promise<number> {
  const jobs: Array<{ file: string; html: string }> = [];
  const link = (e: EntryLink) => `<li><a href="${escapeAttribute(pagePath(base, ...entryPath(e.slug)))}">${escapeText(e.label)}</a></li>`;
  const entries = (id: string, links: readonly EntryLink[]) =>
    links.length ? `<nav class="entry-links" aria-labelledby="${id}" data-pagefind-ignore><h2 id="${id}">In the index</h2><ul>${links.map(link).join('')}</ul></nav>` : '';
  for (const episode of catalog) {
    const mine = index.episodes.get(episode.id);
    const related = mine?.related.length
      ? `<section class="related" aria-labelledby="related-episodes" data-pagefind-ignore><h2 id="related-episodes">Related episodes</h2><ul>${mine.related
          .map((r) => `<li><a href="${escapeAttribute(pagePath(base, r.id))}">${escapeText(r.title)}</a><span class="shared">Also about ${r.shared.map((e) => escapeText(e.label)).join(', ')}</span></li>`)
          .join('')}</ul></section>`
      : '';
    jobs.push({ file: path.join(site, episode.id, 'index.html'), html: entries('index-entries', mine?.entries ?? []) + related });
    for (const s of episode.sections) {
      const html = entries('section-entries', mine?.sections.get(s.section) ?? []);
      for (let k = 1; k <= s.pages; k++) jobs.push({ file: path.join(site, episode.id, s.section, pageSegment(k), 'index.html'), html });
    }
  }
  for (let i = 0; i < jobs.length; i += AT_ONCE) await Promise.all(jobs.slice(i, i + AT_ONCE).map(fill));
  return jobs.length;
}

async function fill({ file, html }: { file: string; html: string }): Promise<void> {
  const page = await readFile(file, 'utf8');
  const at = page.indexOf(INDEX_MARK);
  if (at < 0) throw new Error(`${file} has no place for the index's links (${INDEX_MARK}): it was rendered by other code than this build's`);
  // A new file in its place, never the old one rewritten: pages come out of the caches as hard
  // links (folder-cache.ts), and the cached page must keep its mark for the next build.
  const written = `${file}.index-links`;
  await writeFile(written, page.slice(0, at) + html + page.slice(at + INDEX_MARK.length));
  await rename(written, file);
}
