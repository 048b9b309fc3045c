/** `rss.xml`: the episodes as an RSS feed, written only when the site's URL is configured. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { teaser } from '../domain/description';
import { config, episodes, href } from '../lib/site';

export function getStaticPaths() {
  return import.meta.env.SITE ? [{ params: { feed: 'rss' } }] : [];
}

export async function GET(context: APIContext) {
  const all = await episodes();
  return rss({
    title: config.title,
    description: config.description,
    site: new URL(href(), context.site!).href,
    items: all.map(({ entry }) => ({
      title: entry.data.title,
      link: href(entry.data.slug),
      description: teaser(entry.data.description, 500),
      ...(entry.data.date ? { pubDate: entry.data.date } : {}),
    })),
    customData: `<language>${config.language}</language>`,
  });
}
