import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

// The build writes here, in its own root (scripts/lib/private-root.ts); `npm run dev` in the checkout's.
const base = './src/generated';

const episodes = defineCollection({
  loader: glob({ pattern: '*/index.mdx', base, retainBody: false }),
  schema: z.object({
    slug: z.string(),
    title: z.string(),
    format: z.string(),
    file: z.string(),
    duration: z.number(),
    words: z.number(),
    readingMinutes: z.number(),
    language: z.string().optional(),
    date: z.coerce.date().optional(),
    channel: z.string().optional(),
    description: z.string(),
    /** Whose words the description is: the author's, an AI tool's, or extracted from the transcript. */
    descriptionSource: z.enum(['author', 'ai', 'extracted']),
    disclaimer: z.string().optional(),
    media: z.string().optional(),
    sections: z.number(),
    sectionOrigin: z.enum(['ai', 'author', 'topics', 'parts']),
  }),
});

const sections = defineCollection({
  loader: glob({ pattern: '*/sections/*.mdx', base, retainBody: false }),
  schema: z.object({
    episode: z.string(),
    section: z.string(),
    index: z.number(),
    title: z.string(),
    start: z.number(),
    end: z.number(),
    tag: z.enum(['watch', 'optional']).optional(),
    summary: z.string(),
    origin: z.enum(['ai', 'author', 'topics', 'parts']),
    titleExtracted: z.boolean(),
    words: z.number(),
  }),
});

const timelines = defineCollection({
  loader: glob({ pattern: '*/timeline.json', base }),
  schema: z.object({
    episode: z.string(),
    speakers: z.array(z.string()),
    corrections: z.array(z.string()),
    sections: z.array(
      z.object({
        section: z.string(),
        paragraphs: z.array(z.tuple([z.number(), z.string()])),
        turns: z.array(z.tuple([z.number(), z.string(), z.string()])),
        speakers: z.array(z.string()),
      }),
    ),
  }),
});

export const collections = { episodes, sections, timelines };
