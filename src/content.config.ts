import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { episodeFrontmatter, sectionFrontmatter, timeline } from './contract/frontmatter';

// The build writes here, in its own root (src/build/render/private-root.ts); `npm run dev` in the checkout's.
const base = './src/generated';

const episodes = defineCollection({
  loader: glob({ pattern: '*/index.mdx', base, retainBody: false }),
  schema: episodeFrontmatter,
});

const sections = defineCollection({
  loader: glob({ pattern: '*/sections/*.mdx', base, retainBody: false }),
  schema: sectionFrontmatter,
});

const timelines = defineCollection({
  loader: glob({ pattern: '*/timeline.json', base }),
  schema: timeline,
});

export const collections = { episodes, sections, timelines };
