// transcript-site.yml with its defaults, provided by astro.config.mjs (src/build/astro/site-config-module.ts).
declare module 'virtual:transcript-site/config' {
  const config: import('../domain/site-config.ts').SiteConfig;
  export default config;
}
