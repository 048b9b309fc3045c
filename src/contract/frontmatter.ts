/**
 * What the MDX writer (mdx-pages.ts, write-episode.ts) puts in each generated file and what
 * the content collections (src/content.config.ts) read back: one definition, so the two cannot
 * drift apart. The writer's objects are typed by these schemas' input types.
 */
import { z } from 'astro/zod';

/** Whose words a summary or description is: the author's, an AI tool's, or sentences extracted from the transcript. */
const textSource = z.enum(['author', 'ai', 'extracted']);

/** An episode overview's frontmatter (`<slug>/index.mdx`). */
export const episodeFrontmatter = z.object({
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
  descriptionSource: textSource,
  disclaimer: z.string().optional(),
  media: z.string().optional(),
  sections: z.number(),
  sectionOrigin: z.enum(['ai', 'author', 'topics', 'parts']),
});

/** A section page's frontmatter (`<slug>/sections/NN-<section>.mdx`, and `NN-<section>.pK.mdx` for its page K ≥ 2). */
export const sectionFrontmatter = z.object({
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
  /** Whose words the summary is (mdx-pages.ts `summarySource`). */
  summarySource: textSource,
  words: z.number(),
  readingMinutes: z.number(),
  /** Which page of the section this is (1, 2…), of how many: long sections take several (src/domain/section-pages.ts). */
  page: z.number(),
  pages: z.number(),
});

/** What pages need besides the MDX (`<slug>/timeline.json`): see timelineData in write-episode.ts. */
export const timeline = z.object({
  episode: z.string(),
  speakers: z.array(z.string()),
  corrections: z.array(z.string()),
  sections: z.array(
    z.object({
      section: z.string(),
      paragraphs: z.array(z.tuple([z.number(), z.string()])),
      turns: z.array(z.tuple([z.number(), z.string(), z.string()])),
      /** Who speaks on each of its pages (the search filter of each page). */
      speakers: z.array(z.array(z.string())),
      /** Indices of the paragraphs that open its pages 2, 3… (src/domain/section-pages.ts). */
      pages: z.array(z.number()),
    }),
  ),
});

/**
 * The catalog: one entry per episode, what the site-wide pages (library, feed, llms.txt, sitemap)
 * show of it. The site-wide pages are rendered from it alone, never from the episodes' pages, so
 * they come out the same whether the episodes were rendered on one machine or on several.
 */
export const catalogEntry = z.object({
  /** The episode's slug, as the content layer's `file()` loader wants an `id`. */
  id: z.string(),
  title: z.string(),
  /** YYYY-MM-DD. */
  date: z.iso.date().optional(),
  channel: z.string().optional(),
  /** The transcript's language, and the episode's media (for the feed's transcript tags and enclosure). */
  language: z.string().optional(),
  media: z.string().optional(),
  duration: z.number(),
  words: z.number(),
  description: z.string(),
  descriptionSource: episodeFrontmatter.shape.descriptionSource,
  /**
   * The people who speak, by name, in order of first words (generic labels such as "Speaker 1" left
   * out): how long they talk, their share of the talking, and their key moments with the section
   * page that holds each (`page`: src/domain/section-pages.ts).
   */
  people: z.array(z.object({
    name: z.string(),
    seconds: z.number(),
    share: z.number(),
    moments: z.array(z.object({ text: z.string(), section: z.string(), page: z.number(), id: z.string(), time: z.number() })),
  })),
  /** Its candidates for the index of names and topics (src/domain/topic-index/episode-terms.ts). */
  topics: z.array(z.object({
    key: z.string(),
    forms: z.record(z.string(), z.number()),
    name: z.boolean(),
    count: z.number(),
    sections: z.array(z.object({
      section: z.string(),
      count: z.number(),
      mentions: z.array(z.object({ id: z.string(), time: z.number(), page: z.number(), speaker: z.string().optional(), excerpt: z.string(), mark: z.tuple([z.number(), z.number()]) })),
    })),
  })),
  /** `pages`: how many pages the section's transcript takes (src/domain/section-pages.ts). */
  sections: z.array(z.object({ section: z.string(), title: z.string(), start: z.number(), end: z.number(), summary: z.string(), pages: z.number() })),
});

export type EpisodeFrontmatter = z.input<typeof episodeFrontmatter>;
export type CatalogEntry = z.input<typeof catalogEntry>;
export type SectionFrontmatter = z.input<typeof sectionFrontmatter>;
export type Timeline = z.input<typeof timeline>;
