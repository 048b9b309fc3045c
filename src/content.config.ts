import { existsSync, readdirSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { catalogEntry, episodeFrontmatter, sectionFrontmatter, timeline } from './contract/frontmatter';

// The build writes here, in each render's own root (src/build/render/private-root.ts): a shard's
// root holds its episodes' prepared folders, the site's root each episode's catalog.json alone;
// `npm run dev` writes the whole of them into the checkout's. A collection whose files a root does
// not have is empty, without a warning.
const base = './src/generated';
const generated = new URL('./generated/', import.meta.url);
const has = (file: string) => () => existsSync(generated) && readdirSync(generated).some((d) => existsSync(new URL(`${d}/${file}`, generated)));

/** The glob loader, when this root has the files it reads. */
function generatedFiles(pattern: string, present: () => boolean, options: { retainBody?: boolean; generateId?: (o: { data: Record<string, unknown> }) => string } = {}) {
  const loader = glob({ pattern, base, ...options });
  return { ...loader, load: async (context: Parameters<typeof loader.load>[0]) => (present() ? loader.load(context) : undefined) };
}
const episodePages = has('index.mdx');

const episodes = defineCollection({
  loader: generatedFiles('*/index.mdx', episodePages, { retainBody: false }),
  schema: episodeFrontmatter,
});

const sections = defineCollection({
  loader: generatedFiles('*/sections/*.mdx', episodePages, { retainBody: false }),
  schema: sectionFrontmatter,
});

const timelines = defineCollection({
  loader: generatedFiles('*/timeline.json', episodePages),
  schema: timeline,
});

/** Each episode's catalog entry (src/contract/catalog.ts), for the site-wide pages. */
const catalog = defineCollection({
  loader: generatedFiles('*/catalog.json', has('catalog.json'), { generateId: ({ data }) => String(data.id) }),
  schema: catalogEntry,
});

export const collections = { episodes, sections, timelines, catalog };
