/** llms.txt (llmstxt.org): the site's episodes and sections as a Markdown index with links. */
import { remark } from 'remark';
import type { List, Root, RootContent } from 'mdast';
import { formatRange } from '../time.ts';
import type { Section } from '../types.ts';

/** What llms.txt needs of an episode. */
export interface LlmsEpisode {
  slug: string;
  title: string;
  sections: ReadonlyArray<Pick<Section, 'slug' | 'title' | 'start' | 'end' | 'summary'>>;
}

/** Lists of pages after the episodes (the people, the index of names and topics): a heading, and each page's title and path. */
export interface LlmsList {
  heading: string;
  pages: ReadonlyArray<{ title: string; parts: string[] }>;
}

export function llmsTxt(title: string, description: string, episodes: readonly LlmsEpisode[], url: (...parts: string[]) => string, lists: readonly LlmsList[] = []): string {
  const children: RootContent[] = [
    { type: 'heading', depth: 1, children: [{ type: 'text', value: title }] },
    { type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'text', value: description }] }] },
  ];
  for (const e of episodes) {
    children.push({ type: 'heading', depth: 2, children: [{ type: 'link', url: url(e.slug), children: [{ type: 'text', value: e.title }] }] });
    const list: List = {
      type: 'list',
      ordered: false,
      spread: false,
      children: e.sections.map((s) => ({
        type: 'listItem',
        spread: false,
        children: [{
          type: 'paragraph',
          children: [
            { type: 'link', url: url(e.slug, s.slug), children: [{ type: 'text', value: s.title }] },
            { type: 'text', value: `: ${formatRange(s.start, s.end)}${s.summary ? `. ${s.summary}` : ''}` },
          ],
        }],
      })),
    };
    children.push(list);
  }
  for (const l of lists.filter((x) => x.pages.length)) {
    children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: l.heading }] }, {
      type: 'list',
      ordered: false,
      spread: false,
      children: l.pages.map((p) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'link', url: url(...p.parts), children: [{ type: 'text', value: p.title }] }] }] })),
    });
  }
  return remark().stringify({ type: 'root', children } satisfies Root);
}
