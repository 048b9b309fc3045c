/**
 * Links inside the site and its settings: what every page and component needs, whichever part of
 * the site it belongs to (an episode's pages or the site-wide ones).
 */
import config from 'virtual:transcript-site/config';
import { base } from '../browser/base';
import { filePath, pagePath } from '../domain/urls';

/** transcript-site.yml, with defaults (src/domain/site-config.ts). */
export { config };
export const SITE_TITLE = config.title;

/** A page inside the site, with the configured base: `href('ep', 'part')` is `/base/ep/part/`. */
export const href = (...parts: Array<string | number>): string => pagePath(base, ...parts);

/** A file inside the site, with the configured base: `asset('rss.xml')` is `/base/rss.xml`. */
export const asset = (file: string): string => filePath(base, file);
