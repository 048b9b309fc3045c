/**
 * The MDX syntax the pages are written in and rendered with: no GFM (the writer serializes without
 * it) and no smart punctuation (it would rewrite the speakers' words). astro.config.mjs gives these
 * to Sätteri, and the MDX writer's round-trip proof (src/contract/mdx-serialize.ts) parses its
 * output with the same parser and the same options, so what it proves is what Astro reads.
 */
export const MDX_FEATURES = { gfm: false, smartPunctuation: false } as const;
