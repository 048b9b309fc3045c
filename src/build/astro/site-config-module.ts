/**
 * transcript-site.yml, as a typed module the Astro side imports (`virtual:transcript-site/config`,
 * declared in src/types/site-config.d.ts): read once by astro.config.mjs, handed to the pages
 * explicitly rather than through a build-time define or the environment.
 */
import type { Plugin } from 'vite';
import type { SiteConfig } from '../../domain/site-config.ts';

export const SITE_CONFIG_MODULE = 'virtual:transcript-site/config';
const RESOLVED = `\0${SITE_CONFIG_MODULE}`;

export function siteConfigModule(config: SiteConfig): Plugin {
  return {
    name: 'transcript-site:config',
    resolveId: (id) => (id === SITE_CONFIG_MODULE ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? `export default ${JSON.stringify(config)};` : undefined),
  };
}
