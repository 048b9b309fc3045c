/**
 * `rss.xml`: the episodes as an RSS feed, written only when the site's URL is configured. Each
 * item carries the Podcasting 2.0 tags podcast apps and indexes read (namespace
 * https://podcastindex.org/namespace/1.0): `<podcast:transcript>` for the captions (WebVTT and
 * SRT, `rel="captions"`) and the JSON transcript, `<podcast:chapters>` for the chapters, and the
 * episode's audio or video file as the `<enclosure>` (not a YouTube page, which is no file).
 */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { escapeAttribute } from 'entities';
import { teaser } from '../domain/description';
import { languageCode, mediaType } from '../domain/media';
import { absoluteUrl } from '../domain/urls';
import { catalog, dateOf, type CatalogEntry } from '../lib/catalog';
import { asset, config, href } from '../lib/links';

export function getStaticPaths() {
  return import.meta.env.SITE ? [{ params: { feed: 'rss' } }] : [];
}

/** The downloads a podcast app reads, as the namespace names their types. */
const TRANSCRIPTS = [
  { file: 'captions.vtt', type: 'text/vtt', rel: 'captions' },
  { file: 'captions.srt', type: 'application/x-subrip', rel: 'captions' },
  { file: 'transcript.json', type: 'application/json' },
] as const;

function podcastTags(e: CatalogEntry, site: URL | undefined): string {
  const url = (file: string) => escapeAttribute(absoluteUrl(`${href(e.id)}${file}`, site));
  const language = escapeAttribute((e.language && languageCode(e.language)) ?? config.language);
  const transcripts = TRANSCRIPTS.map((t) => `<podcast:transcript url="${url(t.file)}" type="${t.type}" language="${language}"${'rel' in t ? ` rel="${t.rel}"` : ''}/>`);
  return [...transcripts, `<podcast:chapters url="${url('chapters.json')}" type="application/json+chapters"/>`].join('');
}

/** The episode's own audio or video file, absolute (a path of the site is served from its root). */
function enclosure(e: CatalogEntry, site: URL | undefined): { url: string; length: number; type: string } | undefined {
  const type = e.media ? mediaType(e.media) : undefined;
  if (!e.media || !type) return undefined;
  const url = /^https?:\/\//i.test(e.media) ? e.media : absoluteUrl(asset(e.media.replace(/^\//, '')), site);
  // The file's length is unknown here; RSS asks for the attribute, and apps read 0 as unknown.
  return { url, length: 0, type };
}

export async function GET(context: APIContext) {
  const all = await catalog();
  return rss({
    title: config.title,
    description: config.description,
    site: absoluteUrl(href(), context.site),
    xmlns: { podcast: 'https://podcastindex.org/namespace/1.0' },
    items: all.map((e) => {
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
    customData: `<language>${config.language}</language>`,
  });
}
