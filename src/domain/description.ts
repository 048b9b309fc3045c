/**
 * An author's description as pages show it. yt-dlp's descriptions are YouTube's: several
 * paragraphs, links, hashtags. Pages show its paragraphs with their lines and links; the library
 * card, the feed and the page's metadata take its first paragraph, cut short at a word.
 */

/** Paragraphs (split at blank lines), each a list of lines. */
export function descriptionParagraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean))
    .filter((p) => p.length > 0);
}

/** The first paragraph, on one line, at most `max` characters (cut at a word, with an ellipsis). */
export function teaser(text: string, max = 200): string {
  const first = (descriptionParagraphs(text)[0] ?? []).join(' ');
  if (first.length <= max) return first;
  const cut = first.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:.—–-]+$/, '')}…`;
}

/** A line cut into text and web links (`https://…`), so only a web address ever becomes a link. */
export function linkParts(line: string): Array<{ text: string; href?: string }> {
  const parts: Array<{ text: string; href?: string }> = [];
  let at = 0;
  for (const m of line.matchAll(/https?:\/\/[^\s<>"'{}|\\^`]+/g)) {
    // Sentence punctuation after a link is not part of it.
    const url = m[0].replace(/[.,;:!?)\]]+$/, '');
    if (m.index > at) parts.push({ text: line.slice(at, m.index) });
    parts.push({ text: url, href: url });
    at = m.index + url.length;
  }
  if (at < line.length) parts.push({ text: line.slice(at) });
  return parts;
}
