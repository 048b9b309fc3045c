/**
 * The site-wide pages (library, people, topics, search, 404, feed) rendered from a catalog the
 * test writes, by the build's own siteWidePages, as `build` and `join` run it, without preparing
 * or rendering a single episode: seconds for a library of hundreds, which would take minutes to
 * build for real.
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { scratch } from '../../src/build/render/private-root.ts';
import { resolveSettings, type Settings } from '../../src/build/settings.ts';
import { siteWidePages } from '../../src/build/shards/join.ts';
import type { CatalogEntry } from '../../src/contract/frontmatter.ts';
import { root, tempDir } from './build.ts';

/** An episode's catalog entry of one short section, nobody named and no topics: what a card, a feed item and the sitemap need. */
export function catalogEntry(e: { id: string; title: string; date?: string; media?: string }): CatalogEntry {
  return {
    ...e,
    duration: 600,
    words: 1500,
    description: `${e.title}: a conversation about gardens.`,
    descriptionSource: 'author',
    people: [],
    topics: [],
    sections: [{ section: 'intro', title: 'Intro', start: 0, end: 600, summary: 'Where the talk starts.', pages: 1 }],
  };
}

/** Renders the site-wide pages of `catalog` (in any order) into a new folder, which it returns. */
export async function renderSiteWide(catalog: readonly CatalogEntry[], options: { site?: string; base?: string; downloads?: Settings['downloads'] } = {}): Promise<string> {
  const settings = resolveSettings(root, options);
  const work = scratch(root, settings);
  try {
    const { out } = await siteWidePages({ root, scratch: work, settings, verbose: false }, catalog);
    const dir = path.join(tempDir('site-wide'), 'dist');
    cpSync(out, dir, { recursive: true });
    return dir;
  } finally {
    work.remove();
  }
}
