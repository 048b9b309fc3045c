// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { fileURLToPath } from 'node:url';
import { loadSiteConfig } from './src/domain/site-config.ts';
import pagefindIndex from './src/integrations/pagefind.ts';

// transcript-site.yml; `npm run build -- --site … --base …` overrides site and base.
const config = loadSiteConfig(fileURLToPath(new URL('.', import.meta.url)));

export default defineConfig({
  ...(config.site ? { site: config.site } : {}),
  base: config.base,
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
    // Needs a site URL; the resolver and search pages are not content.
    ...(config.site ? [sitemapFor()] : []),
    pagefindIndex(),
  ],
  vite: {
    define: { __SITE_CONFIG__: JSON.stringify(config) },
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

export function sitemapFor() {
  return sitemap({ filter: (page) => !/\/(at|search)\/$/.test(page) });
}
