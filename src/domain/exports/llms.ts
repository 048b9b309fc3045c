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

export function llmsTxt(title: string, description: string, episodes: readonly LlmsEpisode[], url: (...parts: string[]) => string): string {
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
  return remark().stringify({ type: 'root', children } satisfies Root);
}
