/** `rss.xml`: the episodes as an RSS feed, written only when the site's URL is configured. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { teaser } from '../domain/description';
import { absoluteUrl } from '../domain/urls';
import { catalog, dateOf } from '../lib/catalog';
import { config, href } from '../lib/links';

export function getStaticPaths() {
  return import.meta.env.SITE ? [{ params: { feed: 'rss' } }] : [];
}

export async function GET(context: APIContext) {
  const all = await catalog();
  return rss({
    title: config.title,
    description: config.description,
    site: absoluteUrl(href(), context.site),
    items: all.map((e) => {
      const date = dateOf(e);
      return {
        title: e.title,
        link: href(e.id),
        description: teaser(e.description, 500),
        ...(date ? { pubDate: date } : {}),
      };
    }),
    customData: `<language>${config.language}</language>`,
  });
}
