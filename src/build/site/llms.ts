/** The site's llms.txt (llmstxt.org), from the catalog: every episode and section, with links and summaries, then the people and the index's entries. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { libraryOrder } from '../../contract/catalog.ts';
import type { CatalogEntry } from '../../contract/frontmatter.ts';
import { llmsTxt } from '../../domain/exports/llms.ts';
import { libraryPeople } from '../../domain/people.ts';
import { entryPath, type TopicIndex } from '../../domain/topic-index/entries.ts';
import { urlMaker } from '../prepare/downloads.ts';

export async function writeLlmsTxt(dir: string, catalog: readonly CatalogEntry[], settings: { title: string; description: string; base: string; site?: string | undefined }, index: TopicIndex): Promise<void> {
  const episodes = libraryOrder(catalog).map((e) => ({ slug: e.id, title: e.title, sections: e.sections.map((s) => ({ ...s, slug: s.section })) }));

  const lists = [
    { heading: 'People', pages: libraryPeople(catalog).map((p) => ({ title: p.name, parts: ['people', p.slug] })) },
    { heading: 'Index of names and topics', pages: index.entries.map((e) => ({ title: e.label, parts: entryPath(e.slug) })) },
  ];
  await writeFile(path.join(dir, 'llms.txt'), llmsTxt(settings.title, settings.description, episodes, urlMaker(settings), lists));
}
