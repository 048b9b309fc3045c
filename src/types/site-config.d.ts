// Defined by astro.config.mjs from transcript-site.yml (see src/domain/site-config.ts).
declare const __SITE_CONFIG__: import('../domain/site-config.ts').SiteConfig;
