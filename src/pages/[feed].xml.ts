/**
 * `rss.xml`: the episodes as an RSS feed, written only when the site's URL is configured: the
 * newest FEED_PAGE_SIZE, the older ones in `rss-2.xml`, `rss-3.xml`…, each document linked to the
 * others as RFC 5005's paged feeds are (src/domain/feed-pages.ts). Each item carries the
 * Podcasting 2.0 tags podcast apps and indexes read (namespace
 * https://podcastindex.org/namespace/1.0): `<podcast:transcript>` for the captions (WebVTT and
 * SRT, `rel="captions"`) and the JSON transcript, `<podcast:chapters>` for the chapters, and the
 * episode's audio or video file as the `<enclosure>` (not a YouTube page, which is no file).
 */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { escapeAttribute } from 'entities';
import { teaser } from '../domain/description';
import { downloadsOf, type DownloadFile } from '../domain/exports/index';
import { feedFile, feedLinks, feedName, feedPages } from '../domain/feed-pages';
import { languageCode, mediaType } from '../domain/media';
import { absoluteUrl } from '../domain/urls';
import { catalog, dateOf, type CatalogEntry } from '../lib/catalog';
import { asset, config, href } from '../lib/links';

interface Props {
  entries: CatalogEntry[];
  /** Which document this is (1: rss.xml), of how many. */
  page: number;
  pages: number;
}

export async function getStaticPaths() {
  if (!import.meta.env.SITE) return [];
  const pages = feedPages(await catalog());
  return pages.map((entries, k) => ({ params: { feed: feedName(k + 1) }, props: { entries, page: k + 1, pages: pages.length } satisfies Props }));
}

/** The downloads a podcast app reads as transcripts, and how (captions carry `rel="captions"`); their types are the downloads'. */
const TRANSCRIPT_RELS: Partial<Record<DownloadFile, string | undefined>> = { 'captions.vtt': 'captions', 'captions.srt': 'captions', 'transcript.json': undefined };
/** Those the site writes (the `downloads` setting). */
const written = downloadsOf(config.downloads);
const TRANSCRIPTS = written.filter((d) => d.file in TRANSCRIPT_RELS);
const CHAPTERS = written.find((d) => d.file === 'chapters.json');

function podcastTags(e: CatalogEntry, site: URL | undefined): string {
  const url = (file: string) => escapeAttribute(absoluteUrl(`${href(e.id)}${file}`, site));
  const language = escapeAttribute((e.language && languageCode(e.language)) ?? config.language);
  const transcripts = TRANSCRIPTS.map((t) => {
    const rel = TRANSCRIPT_RELS[t.file];
    return `<podcast:transcript url="${url(t.file)}" type="${t.type}" language="${language}"${rel ? ` rel="${rel}"` : ''}/>`;
  });
  return [...transcripts, ...(CHAPTERS ? [`<podcast:chapters url="${url(CHAPTERS.file)}" type="${CHAPTERS.type}"/>`] : [])].join('');
}

/** The episode's own audio or video file, absolute (a path of the site is served from its root). */
function enclosure(e: CatalogEntry, site: URL | undefined): { url: string; length: number; type: string } | undefined {
  const type = e.media ? mediaType(e.media) : undefined;
  if (!e.media || !type) return undefined;
  const url = /^https?:\/\//i.test(e.media) ? e.media : absoluteUrl(asset(e.media.replace(/^\//, '')), site);
  // The file's length is unknown here; RSS asks for the attribute, and apps read 0 as unknown.
  return { url, length: 0, type };
}

/** The channel's `<atom:link>`s to this document and the others of the feed, absolute. */
function pageLinks(page: number, pages: number, site: URL | undefined): string {
  return feedLinks(page, pages)
    .map((l) => `<atom:link rel="${l.rel}" href="${escapeAttribute(absoluteUrl(asset(feedFile(l.page)), site))}" type="application/rss+xml"/>`)
    .join('');
}

export async function GET(context: APIContext) {
  const { entries, page, pages } = context.props as Props;
  return rss({
    title: config.title,
    description: config.description,
    site: absoluteUrl(href(), context.site),
    xmlns: { atom: 'http://www.w3.org/2005/Atom', podcast: 'https://podcastindex.org/namespace/1.0' },
    items: entries.map((e) => {
      const date = dateOf(e);
      const media = enclosure(e, context.site);
      return {
        title: e.title,
        link: href(e.id),
        description: teaser(e.description, 500),
        ...(date ? { pubDate: date } : {}),
        ...(media ? { enclosure: media } : {}),
        customData: podcastTags(e, context.site),
      };
    }),
    customData: `<language>${config.language}</language>${pageLinks(page, pages, context.site)}`,
  });
}
