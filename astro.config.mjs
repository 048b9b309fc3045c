// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { fileURLToPath } from 'node:url';
import { loadSiteConfig } from './src/domain/site-config.ts';
import themeInit from './src/build/astro/theme-init.ts';
import finish from './src/build/astro/finish.ts';
import { siteConfigModule } from './src/build/astro/site-config-module.ts';
import { MDX_FEATURES } from './src/contract/mdx-syntax.ts';

// transcript-site.yml: in a build's private root, the build's settings with the command line's
// --site, --base, --downloads… over the file's (src/build/render/private-root.ts).
const config = loadSiteConfig(fileURLToPath(new URL('.', import.meta.url)));

export default defineConfig({
  ...(config.site ? { site: config.site } : {}),
  base: config.base,
  // A Content-Security-Policy <meta> on every page: scripts only from this site or by hash
  // (Astro hashes the inline ones it renders), no plugins, no framing of forms elsewhere.
  // Pagefind compiles WebAssembly ('wasm-unsafe-eval') and fetches its index (connect-src).
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "media-src 'self' https: http:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // Directory pages (`/episode/section/`) so links work on any static host.
  trailingSlash: 'always',
  // Stylesheets as files: an inlined <style> would put its hash in every page's CSP.
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: {
    // Transcripts have no code blocks, and Shiki's inline styles would need CSP exceptions.
    syntaxHighlight: false,
    // The syntax the MDX writer proves its pages against (src/contract/mdx-syntax.ts): no GFM, no
    // smart punctuation, which would rewrite the speakers' words (quotes, dashes, ellipses).
    processor: satteri({ features: { ...MDX_FEATURES } }),
  },
  integrations: [
    themeInit(),
    mdx(),
    // Each page's CSP trimmed to its own inline code, then the Pagefind index (src/build/astro/finish.ts).
    finish(),
  ],
  vite: {
    plugins: [siteConfigModule(config)],
    // The search UI is built like a worker (its own bundle, see Base.astro) but runs as a module.
    worker: { format: 'es' },
    build: {
      // Page scripts as files under 'self' rather than inline: every inline script is a hash in
      // every page's CSP, which would cost more bytes than the scripts themselves.
      assetsInlineLimit: 0,
      rollupOptions: {
        // Assets named by their content alone: a stylesheet is then one file whichever render
        // (a shard, the site-wide pages) bundled it first, and readers fetch it once.
        output: { assetFileNames: '_astro/[hash][extname]' },
        // Every .mdx entry triggers this known, harmless Rolldown warning (withastro/astro#18087).
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
