/** transcript.txt (plain text) and transcript.md (Markdown through remark, so text is escaped). */
import type { Root, RootContent } from 'mdast';
import { remark } from 'remark';
import { pageOf } from '../section-pages.ts';
import { formatClock, formatRange } from '../time.ts';
import type { Episode } from '../types.ts';

export function plainText(episode: Episode, overviewUrl: string): string {
  const parts = [episode.source.title, overviewUrl, ''];
  for (const s of episode.sections) {
    parts.push(`== ${s.title} (${formatRange(s.start, s.end)}) ==`, '');
    for (const p of s.paragraphs) parts.push(`[${formatClock(p.time)}] ${p.turn && p.speaker ? `${p.speaker}: ` : ''}${p.text}`, '');
  }
  return `${parts.join('\n').trimEnd()}\n`;
}

/** `pageUrl(section, page)`: the address of a section's page (1, 2…: src/domain/section-pages.ts). */
export function markdown(episode: Episode, pageUrl: (slug: string, page: number) => string): string {
  const children: RootContent[] = [{ type: 'heading', depth: 1, children: [{ type: 'text', value: episode.source.title }] }];
  for (const s of episode.sections) {
    children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: `${s.title} (${formatRange(s.start, s.end)})` }] });
    for (const [i, p] of s.paragraphs.entries()) {
      children.push({
        type: 'paragraph',
        children: [
          { type: 'link', url: `${pageUrl(s.slug, pageOf(s.pageStarts, i))}#${p.id}`, children: [{ type: 'text', value: formatClock(p.time) }] },
          { type: 'text', value: ' ' },
          ...(p.turn && p.speaker ? [{ type: 'strong' as const, children: [{ type: 'text' as const, value: `${p.speaker}:` }] }, { type: 'text' as const, value: ' ' }] : []),
          { type: 'text', value: p.text },
        ],
      });
    }
  }
  return remark().stringify({ type: 'root', children } satisfies Root);
}
