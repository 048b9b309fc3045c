/** The site's llms.txt (llmstxt.org), from the catalog: every episode and section, with links and summaries. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { libraryOrder } from '../../contract/catalog.ts';
import type { CatalogEntry } from '../../contract/frontmatter.ts';
import { llmsTxt } from '../../domain/exports/llms.ts';
import { urlMaker } from '../prepare/downloads.ts';

export async function writeLlmsTxt(dir: string, catalog: readonly CatalogEntry[], settings: { title: string; description: string; base: string; site?: string | undefined }): Promise<void> {
  const episodes = libraryOrder(catalog).map((e) => ({ slug: e.id, title: e.title, sections: e.sections.map((s) => ({ ...s, slug: s.section })) }));
  await writeFile(path.join(dir, 'llms.txt'), llmsTxt(settings.title, settings.description, episodes, urlMaker(settings)));
}
