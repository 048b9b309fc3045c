/**
 * Per-paragraph "Copy link" and "Cite" buttons, added here rather than in the HTML because they
 * only work with JavaScript; and, where the page has a player, each paragraph's ▶ (the player's:
 * ./listen.ts), made here rather than sent on every paragraph of every page.
 */
import { titleParts } from '../domain/para-title';
const paragraphs = document.querySelectorAll<HTMLElement>('.para');
// Every page's layout has the live region (Base.astro).
const announcer = document.getElementById('announcer')!;
// Paragraphs are only on section pages, whose article names the episode.
const article = document.querySelector<HTMLElement>('[data-episode-title]');
// The section's own link to its media at its start (src/components/Listen.astro's, or the section
// page's for media it cannot play). Media links end with the second (mediaAt), and a paragraph's
// anchor starts with it (anchorId): swapped, a paragraph's ▶.
const media = document.querySelector<HTMLAnchorElement>('a[data-t]');

function firstSentence(text: string): string {
  // Every page's <html> has its lang (the layout's).
  const segments = new Intl.Segmenter(document.documentElement.lang, { granularity: 'sentence' }).segment(text);
  for (const { segment } of segments) return segment.trim();
  return text;
}

function citation(para: HTMLElement, url: string): string {
  const selection = getSelection();
  const selected = selection && !selection.isCollapsed && para.contains(selection.anchorNode) ? selection.toString().trim() : '';
  const quote = selected || firstSentence(para.querySelector('p')?.textContent ?? '');
  const [clock, speaker] = titleParts(para.dataset.pagefindTitle!);
  return `“${quote}” — ${speaker ? `${speaker}, ` : ''}${article!.dataset.episodeTitle}, at ${clock}. ${url}`;
}

if (paragraphs.length) {
  const template = document.createElement('span');
  template.className = 'para-tools';
  // No form holds a paragraph, so a button's default type (submit) does nothing: no `type` needed.
  template.innerHTML = '<button data-act="link">Copy link</button><button data-act="cite">Cite</button>';
  for (const para of paragraphs) {
    const tools = template.cloneNode(true) as HTMLElement;
    const [clock] = titleParts(para.dataset.pagefindTitle!);
    (tools.firstChild as HTMLElement).ariaLabel = `Copy link to ${clock}`;
    (tools.lastChild as HTMLElement).ariaLabel = `Cite ${clock}`;
    para.append(tools);
    if (media) {
      para.firstChild!.after(Object.assign(document.createElement('a'), {
        className: 'play', textContent: '▶', ariaLabel: `Play from ${clock}`, href: media.href.replace(/\d+$/, para.id.split('-')[1]!),
      }));
    }
  }
  document.addEventListener('click', async (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('.para-tools button');
    if (!button) return;
    const para = button.closest<HTMLElement>('.para')!;
    const url = `${location.origin}${location.pathname}#${para.id}`;
    const link = button.dataset.act === 'link';
    // The Clipboard API only: sites are served over HTTPS or from localhost, where it exists. (The
    // old `execCommand('copy')` fallback is deprecated, and its bytes would be on every page.)
    let ok = true;
    try {
      await navigator.clipboard.writeText(link ? url : citation(para, url));
    } catch {
      ok = false;
    }
    const label = button.textContent;
    button.textContent = ok ? 'Copied' : 'Copy failed';
    announcer.textContent = ok ? (link ? 'Link copied' : 'Citation copied') : 'Copy failed';
    setTimeout(() => (button.textContent = label), 1500);
  });
}
