/**
 * The published limits of the hosts people publish static sites on, as their documentation states
 * them (checked 2026-12-05), and which of them a built site passes. The build warns with these;
 * the README's deploy section cites the same pages.
 */

export interface HostLimit {
  host: string;
  /** What is limited: the whole site's bytes, its number of files, or one file's bytes. */
  what: 'site bytes' | 'files' | 'file bytes';
  limit: number;
  /** How the documentation says it. */
  stated: string;
  source: string;
}

const GB = 1e9;
const MiB = 2 ** 20;

export const HOST_LIMITS: readonly HostLimit[] = [
  { host: 'GitHub Pages', what: 'site bytes', limit: 1 * GB, stated: 'published sites may be no larger than 1 GB', source: 'https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits' },
  { host: 'Cloudflare Pages (Free plan)', what: 'files', limit: 20_000, stated: '20,000 files per site', source: 'https://developers.cloudflare.com/pages/platform/limits/' },
  { host: 'Cloudflare Pages (paid plans)', what: 'files', limit: 100_000, stated: '100,000 files per site', source: 'https://developers.cloudflare.com/pages/platform/limits/' },
  { host: 'Cloudflare Pages', what: 'file bytes', limit: 25 * MiB, stated: 'each file at most 25 MiB', source: 'https://developers.cloudflare.com/pages/platform/limits/' },
];

export interface SiteSize {
  bytes: number;
  files: number;
  /** The largest file: its path below the site, and its bytes. */
  largest: { file: string; bytes: number };
}

/** The limits `site` passes, each with what the site has. */
export function passedLimits(site: SiteSize, limits: readonly HostLimit[] = HOST_LIMITS): Array<HostLimit & { measured: number }> {
  const measured = (l: HostLimit) => (l.what === 'site bytes' ? site.bytes : l.what === 'files' ? site.files : site.largest.bytes);
  return limits.filter((l) => measured(l) > l.limit).map((l) => ({ ...l, measured: measured(l) }));
}
