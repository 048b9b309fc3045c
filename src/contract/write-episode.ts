/**
 * The page contract's writer: one episode's generated files (the overview's and each section's
 * MDX, timeline.json and its catalog entry), in the shape frontmatter.ts defines for their readers.
 */
import { contentsTurns } from '../domain/contents-turns.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { episodeSpeakers } from '../domain/speakers.ts';
import type { Episode } from '../domain/types.ts';
import type { CatalogEntry, Timeline } from './frontmatter.ts';
import { overviewFrontmatter, overviewTree, sectionTree } from './mdx-pages.ts';
import { serializeMdx } from './mdx-serialize.ts';
import { CATALOG_FILE, catalogEntryOf } from './catalog.ts';

/**
 * What pages need besides the MDX: every paragraph's start (for the moment resolver), every
 * speaker turn's first words (for the section contents) and the speakers' names (paragraphs
 * refer to them by index). Data, rendered by Astro with escaping.
 */
export function timelineData(episode: Episode): Timeline {
  const speakers = episodeSpeakers(episode);
  return {
    episode: episode.slug,
    speakers,
    corrections: episode.corrections,
    sections: episode.sections.map((s) => {
      const pages = s.pageStarts;
      const onPage = [0, ...pages].map((from, k) => s.paragraphs.slice(from, pages[k]));
      return {
        section: s.slug,
        paragraphs: s.paragraphs.map((p) => [p.time, p.id] as const),
        turns: contentsTurns(s.paragraphs).map((p) => [p.time, p.id, firstWords(p.text)] as const),
        speakers: onPage.map((list) => [...new Set(list.flatMap((p) => (p.speaker ? [p.speaker] : [])))]),
        pages,
      };
    }),
  };
}


function firstWords(text: string, count = 6): string {
  const words = text.split(/\s+/);
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : text;
}

/** Write one episode's MDX and timeline into `outDir/<slug>/`. */
/** Returns the episode's catalog entry, which it also writes. */
export async function writeEpisodeMdx(episode: Episode, outDir: string): Promise<CatalogEntry> {
  const dir = path.join(outDir, episode.slug);
  const timeline = timelineData(episode);
  const frontmatter = overviewFrontmatter(episode);
  const catalog = catalogEntryOf(episode, frontmatter);
  const files: Array<[string, string]> = [
    [path.join(dir, 'index.mdx'), serializeMdx(overviewTree(episode, frontmatter), `${episode.slug} overview`)],
    [path.join(dir, 'timeline.json'), `${JSON.stringify(timeline)}\n`],
    [path.join(dir, CATALOG_FILE), `${JSON.stringify(catalog)}\n`],
  ];
  for (const section of episode.sections) {
    for (let page = 1; page <= section.pageStarts.length + 1; page++) {
      const name = `${String(section.index + 1).padStart(2, '0')}-${section.slug}${page > 1 ? `.p${page}` : ''}.mdx`;
      const tree = sectionTree(episode, section, timeline.speakers, page);
      files.push([path.join(dir, 'sections', name), serializeMdx(tree, `${episode.slug}/${section.slug}${page > 1 ? `/${page}` : ''}`)]);
    }
  }
  // Written together: one after another, each small write waits its turn in the I/O threads.
  await mkdir(path.join(dir, 'sections'), { recursive: true });
  await Promise.all(files.map(([file, text]) => writeFile(file, text)));
  return catalog;
}
