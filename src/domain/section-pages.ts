/**
 * A long section's transcript over several pages, so that every section page stays inside its
 * budget (14 KB gzipped on load, however long the section): page 1 has the section's summary, key
 * points and the first part of its transcript, pages 2, 3… (`<section>/2/`) the rest. A page
 * holds at most about PAGE_CHARS of transcript, cut between paragraphs into parts of equal weight,
 * so a section just over the limit becomes two halves, not a page and a stub.
 */

/**
 * What one page may hold, in characters of transcript, counting each paragraph's markup (its
 * anchor, title and timestamp) as PARAGRAPH_CHARS more and each speaker turn (an entry in the
 * page's contents) as TURN_CHARS more. Measured on 24 section pages with YouTube media (the
 * heaviest kind): a page costs about 8.4 KB gzipped around its transcript, plus 0.36 bytes per
 * character, 24 per paragraph and 16 per turn, within 0.6 KB for its summary and key points. So
 * 14,000 (about 2,000 words) keeps every page under 14 KB on load, with room to spare. (Measured
 * when each paragraph also sent its ▶ link, which the page's script now makes: the limits are on
 * the safe side, and kept so that long sections keep their pages' addresses.)
 */
export const PAGE_CHARS = 14_000;
const PARAGRAPH_CHARS = 66;
const TURN_CHARS = 43;

/** What a paragraph weighs on its page, in characters (see PAGE_CHARS). */
const weight = (p: { text: string; turn?: boolean }): number => p.text.length + PARAGRAPH_CHARS + (p.turn ? TURN_CHARS : 0);

/** Indices of the paragraphs that open pages 2, 3…: none for a section that fits on one. */
export function pageStarts(paragraphs: ReadonlyArray<{ text: string; turn?: boolean }>, limit = PAGE_CHARS): number[] {
  const weights = paragraphs.map(weight);
  const total = weights.reduce((n, w) => n + w, 0);
  // Equal shares cut at paragraph boundaries can leave one page a little over: then one page more.
  for (let pages = Math.ceil(total / limit); pages > 1 && pages <= paragraphs.length; pages++) {
    const starts = cuts(weights, total, pages);
    const heaviest = Math.max(...[0, ...starts].map((from, k) => weights.slice(from, starts[k]).reduce((n, w) => n + w, 0)));
    if (heaviest <= limit) return starts;
  }
  return [];
}

/** Where `pages` pages of about equal weight start: at the paragraph boundary nearest each share. */
function cuts(weights: readonly number[], total: number, pages: number): number[] {
  const starts: number[] = [];
  let before = 0;
  weights.forEach((w, i) => {
    const share = (total * (starts.length + 1)) / pages;
    if (i > 0 && starts.length < pages - 1 && Math.abs(before - share) <= Math.abs(before + w - share)) starts.push(i);
    before += w;
  });
  return starts;
}

/** The page (1, 2…) that holds paragraph `index`, given its section's `pageStarts`. */
export const pageOf = (starts: readonly number[], index: number): number => 1 + starts.filter((s) => s <= index).length;

/** A page's path segment below its section: none for the first page, "2" for the second. */
export const pageSegment = (page: number): string => (page > 1 ? String(page) : '');
