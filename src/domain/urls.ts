/**
 * The site's addresses: one definition for the pages (built by Astro), the downloads and feeds
 * (built by the build), so a link means the same wherever it is written.
 */

/** The base path as the site is served under it, starting and ending with `/`. */
export const basePath = (base: string): string => `/${base}/`.replace(/\/+/g, '/');

/**
 * A page of the site: `pagePath('/b/', 'ep', 'part')` is `/b/ep/part/`, the library `/b/`. Each
 * part is a path segment (encoded): pages are folders, so their addresses end in `/`.
 */
export function pagePath(base: string, ...parts: Array<string | number>): string {
  const segments = parts.map(String).filter(Boolean).map((p) => `${encodeURIComponent(p)}/`);
  return `${basePath(base)}${segments.join('')}`;
}

/** A file at the site's root: `filePath('/b/', 'rss.xml')` is `/b/rss.xml`. */
export const filePath = (base: string, file: string): string => `${basePath(base)}${file}`;

/** A path of the site as a full URL when the site's URL is known, else as it is. */
export const absoluteUrl = (path: string, site: string | URL | undefined): string => (site ? new URL(path, site).href : path);
