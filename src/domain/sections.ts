import GithubSlugger from 'github-slugger';
import { EPISODE_ROUTES } from './routes.ts';
import type { Fragment, SectionSource } from './types.ts';

/**
 * Fragment index ranges `[first, last + 1)` per section: a fragment belongs to the section with
 * start ≤ t < next start; the first section also takes anything before it, the last the tail.
 */
export function assignFragments(sections: readonly SectionSource[], fragments: readonly Fragment[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let f = 0;
  sections.forEach((_, s) => {
    const first = f;
    const next = sections[s + 1];
    if (next) while (f < fragments.length && fragments[f]!.time < next.start) f++;
    else f = fragments.length;
    ranges.push([first, f]);
  });
  return ranges;
}

/**
 * URL slugs as GitHub (and rehype-slug) make them, unique within the list and never one of the
 * episode folder's own pages (routes.ts): a section titled "At" is at `at-1/`.
 */
export function slugs(titles: readonly string[]): string[] {
  const slugger = new GithubSlugger();
  for (const taken of EPISODE_ROUTES) slugger.slug(taken);
  return titles.map((title) => slugger.slug(title) || 'section');
}
