/**
 * A long section's transcript over several pages, so that every section page stays inside its
 * budget (14 KB gzipped on load, however long the section): page 1 has the section's summary, key
 * points and the first part of its transcript, pages 2, 3… (`<section>/2/`) the rest. A page
 * holds at most about PAGE_CHARS characters of transcript, cut between paragraphs into parts of
 * equal length, so a section just over the limit becomes two halves, not a page and a stub.
 */

/**
 * Characters of transcript on one page. Measured on the bundled episode with YouTube media: the
 * page around the transcript costs about 8.4 KB gzipped (HTML, CSS and JavaScript), and the
 * transcript about 0.4 bytes per character with its markup, so 12,000 characters (about 2,100
 * words) keep a page near 13 KB, with room for a long summary and many speaker turns.
 */
export const PAGE_CHARS = 12_000;

/** Indices of the paragraphs that open pages 2, 3…: none for a section that fits on one. */
export function pageStarts(paragraphs: ReadonlyArray<{ text: string }>, limit = PAGE_CHARS): number[] {
  const total = paragraphs.reduce((n, p) => n + p.text.length, 0);
  const pages = Math.ceil(total / limit);
  if (pages <= 1) return [];
  const starts: number[] = [];
  let before = 0;
  paragraphs.forEach((p, i) => {
    // A page ends at the paragraph boundary nearest its equal share.
    const share = (total * (starts.length + 1)) / pages;
    if (i > 0 && starts.length < pages - 1 && Math.abs(before - share) <= Math.abs(before + p.text.length - share)) starts.push(i);
    before += p.text.length;
  });
  return starts;
}

/** The page (1, 2…) that holds paragraph `index`, given its section's `pageStarts`. */
export const pageOf = (starts: readonly number[], index: number): number => 1 + starts.filter((s) => s <= index).length;

/** A page's path segment below its section: none for the first page, "2" for the second. */
export const pageSegment = (page: number): string => (page > 1 ? String(page) : '');
