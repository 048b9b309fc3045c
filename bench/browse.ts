/**
 * The pages a reader browses the archive by (issue: library, people, index of names and topics):
 * how many there are and what the heaviest weighs on load, gzipped (HTML + CSS + JS, as the page
 * budget counts them: test/helpers/budget.ts).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { onLoad } from '../test/helpers/budget.ts';

export interface BrowseStats {
  libraryPages: number;
  peoplePages: number;
  /** Entry pages of the index (an entry's later pages included), and its letter pages. */
  entryPages: number;
  letterPages: number;
  /** The heaviest of each kind: its folder below the site and its bytes on load. */
  heaviest: Record<'library' | 'people' | 'topics', { page: string; bytes: number }>;
}

/** Folders below `dir` (relative to `out`) that hold an index.html. */
function pages(out: string, dir: string): string[] {
  const root = path.join(out, dir);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('index.html'))
    .map((f) => path.join(dir, path.dirname(f)).replace(/\/\.$/, ''));
}

function heaviest(out: string, list: readonly string[]): { page: string; bytes: number } {
  let best = { page: '–', bytes: 0 };
  for (const page of list) {
    const { total } = onLoad(out, page);
    if (total > best.bytes) best = { page, bytes: total };
  }
  return best;
}

export function browseStats(out: string): BrowseStats {
  const library = ['.', ...pages(out, 'library')];
  const people = pages(out, 'people');
  const topics = pages(out, 'topics');
  const letters = topics.filter((p) => p.includes(`${path.sep}by-letter${path.sep}`));
  const entries = topics.filter((p) => p !== 'topics' && !letters.includes(p));
  return {
    libraryPages: library.length,
    peoplePages: people.filter((p) => p !== 'people').length,
    entryPages: entries.length,
    letterPages: letters.length,
    heaviest: { library: heaviest(out, library), people: heaviest(out, people), topics: heaviest(out, topics) },
  };
}
