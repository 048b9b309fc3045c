// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import pagefindIndex from './src/integrations/pagefind.ts';

export default defineConfig({
  // Directory pages (`/episode/section/`) so links work on any static host.
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // The MDX writer serializes without GFM, so the renderer must read without it; smart
    // punctuation would rewrite the speakers' words (quotes, dashes, ellipses).
    processor: satteri({ features: { gfm: false, smartPunctuation: false } }),
  },
  integrations: [
    mdx(),
    // Only with a site URL (`--site`); the resolver and search pages are not content.
    sitemap({ filter: (page) => !/\/(at|search)\/$/.test(page) }),
    pagefindIndex(),
  ],
  vite: {
    // The search UI is built like a worker (its own bundle, see Base.astro) but runs as a module.
    worker: { format: 'es' },
    build: {
      rollupOptions: {
        // Every .mdx entry triggers this known, harmless Rolldown warning (withastro/astro#18087).
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
