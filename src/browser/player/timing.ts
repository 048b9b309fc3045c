/**
 * Where playback is, in the page's terms: which paragraph is being said, and whether a moment
 * is heard on this section's page, runs on into the next one, or belongs elsewhere. Plain
 * functions, tested without a browser.
 */

/** Index of the last start at or before `t` in ascending `starts`; -1 before the first. */
export function indexAt(starts: readonly number[], t: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * How far past a section's end playback may be and still count as running on into the next
 * section (rather than a jump): a few time updates' worth.
 */
export const RUN_ON_SECONDS = 5;

export type Place = 'here' | 'next' | 'elsewhere';

/** Where moment `t` is heard, for a section page playing the moments `[from, until)`. */
export function placeOf(t: number, from: number, until: number, hasNext: boolean): Place {
  if (t >= from && t < until) return 'here';
  if (hasNext && t >= until && t < until + RUN_ON_SECONDS) return 'next';
  return 'elsewhere';
}

/** A section page, asked to play from `t` on arrival. */
export const playHref = (page: string, t: number): string => `${page}?play=${Math.floor(t)}`;

/** The episode's moment resolver (`…/at/`), asked to open the page holding `t` and play it there. */
export const resolveHref = (at: string, t: number): string => `${at}?t=${Math.floor(t)}&play`;
