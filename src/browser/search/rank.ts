/**
 * The order search results are shown in, from what Pagefind returns. Pagefind finds pages by word
 * stems, so its own order cannot tell "complexity" from "complex"; the pages' data (their text,
 * and where each match is) can. Each hit (a paragraph, or a summary) is ranked by:
 * 1. how many of the query's words it holds (as typed, or a relative of the word);
 * 2. how many it holds exactly as typed (a speaker's name counts for the paragraphs they said);
 * 3. whether it holds them in the order typed: exactly as typed, then as relatives;
 * 4. whether it is what was said (a transcript paragraph) rather than a summary of it;
 * 5. Pagefind's own score.
 * Pages follow their best hit, so the first hit of the first result is the best paragraph found.
 * A query in quotes keeps only the hits that hold the phrase. Each hit's excerpt is cut here too
 * (`excerpt`), around the words that decided its rank. Plain functions, no DOM.
 */
import { speakerOfTitle } from '../../domain/para-title.ts';

export interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { id: string };
  locations?: number[];
  weighted_locations?: Array<{ location: number; balanced_score: number }>;
}

/** An element with an id on the page, where a sub-result starts (`location` is a word index). */
export interface Anchor {
  element: string;
  id: string;
  location: number;
  text?: string;
  title?: string;
}

export interface ResultData {
  url: string;
  excerpt: string;
  /** The page's indexed text, plain: `locations` count its whitespace-separated words. */
  content: string;
  meta: Record<string, string>;
  locations?: number[];
  anchors?: Anchor[];
  sub_results: SubResult[];
}

/** A run of an excerpt's text, marked where it matched the query. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

export interface Query {
  /** The query's words, lower-cased, without surrounding punctuation. */
  words: string[];
  /** True when the query is in quotes: only hits holding the words in order count. */
  phrase: boolean;
}

export interface Hit {
  sub: SubResult;
  /** The paragraph's speaker, where the page names one (in its hit title, `12:34 · Name`). */
  speaker: string | undefined;
  /** True for what was said (a transcript paragraph), false for a summary, key point or page. */
  said: boolean;
  covered: number;
  exact: number;
  /** The words follow each other in the order typed, as typed or as relatives. */
  inOrder: boolean;
  /** The words follow each other in the order typed, each exactly as typed. */
  asTyped: boolean;
  score: number;
  excerpt: ExcerptPart[];
}

export interface RankedPage {
  data: ResultData;
  hits: Hit[];
}

/** A word as it is compared: lower case, apostrophes straightened, no punctuation around it. */
export const normalize = (word: string): string =>
  word.toLowerCase().replace(/[’‘]/g, "'").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

export function parseQuery(text: string): Query {
  const trimmed = text.trim();
  const phrase = /^["“][^"“”]+["”]$/.test(trimmed);
  const words = trimmed.replace(/["“”]/g, ' ').split(/\s+/).map(normalize).filter(Boolean);
  return { words, phrase: phrase && words.length > 0 };
}

/** What Pagefind matched for a term without it being the term: a relative sharing its stem ("reflect", "reflective"). */
const related = (term: string, word: string): boolean => word === term || word.startsWith(term.slice(0, Math.max(3, term.length - 3)));


/** Words an excerpt shows, as many as Pagefind's (the `excerptLength` option in engine.ts). */
export const EXCERPT_WORDS = 24;

/** How much a matched word tells: which of the query's words it is (-1: none we can tell), and its weight. */
type Weigh = (word: string) => { term: number; weight: number };

/**
 * Up to EXCERPT_WORDS of the hit's own text (`range`, word indexes), its matches marked: the window
 * that shows the most of the query's words (said words as typed weigh most), with its first match
 * a third of the way in. Pagefind's own excerpt centres on the densest matches, which for
 * "Sarah closet" is the speaker's name opening the paragraph, not the word said.
 */
function excerptOf(words: readonly string[], locations: readonly number[], range: [number, number], weigh: Weigh): ExcerptPart[] {
  const [from, to] = range;
  const matches = locations.filter((l) => l >= from && l < to).map((l) => ({ l, ...weigh(words[l] ?? '') }));
  const lead = Math.floor(EXCERPT_WORDS / 3);
  let start = from;
  let bestScore = -1;
  let bestOffset = Infinity;
  for (let s = from; s <= Math.max(from, to - EXCERPT_WORDS); s++) {
    const inside = matches.filter((m) => m.l >= s && m.l < s + EXCERPT_WORDS);
    const byTerm = new Map<number, number>();
    for (const m of inside) byTerm.set(m.term, Math.max(byTerm.get(m.term) ?? 0, m.weight));
    const score = [...byTerm.values()].reduce((a, b) => a + b, 0);
    const offset = inside.length ? Math.abs(inside[0]!.l - s - lead) : Infinity;
    if (score > bestScore || (score === bestScore && offset < bestOffset)) [start, bestScore, bestOffset] = [s, score, offset];
  }
  const end = Math.min(to, start + EXCERPT_WORDS);
  const marked = new Set(locations);
  const parts: ExcerptPart[] = [];
  const add = (text: string, mark: boolean) => {
    const last = parts.at(-1);
    if (last && !last.marked && !mark) last.text += text;
    else parts.push({ text, marked: mark });
  };
  if (start > from) add('… ', false);
  for (let i = start; i < end; i++) {
    if (i > start) add(' ', false);
    add(words[i] ?? '', marked.has(i));
  }
  if (end < to) add(' …', false);
  return parts;
}

/** Where each sub-result's text ends: at the next anchor Pagefind starts a sub-result at (as its calculate_sub_results). */
function rangeOf(sub: SubResult, anchors: readonly Anchor[], length: number): [number, number] {
  const anchor = sub.anchor ? anchors.find((a) => a.id === sub.anchor!.id) : undefined;
  const at = anchor?.location ?? 0;
  const next = anchors.filter((a) => (a.title?.trim() || (/^h\d$/i.test(a.element) && a.text?.trim())) && a.location > at).map((a) => a.location);
  const to = next.length ? Math.min(...next) : length;
  // A heading's own words ("Key points") are the hit's label already, not its excerpt.
  const heading = anchor && /^h\d$/i.test(anchor.element) ? (anchor.text?.trim().split(/\s+/).length ?? 0) : 0;
  return [Math.min(at + heading, to), to];
}

function hitOf(sub: SubResult, words: readonly string[], query: Query, said: boolean, range: [number, number]): Hit {
  const locations = [...(sub.locations ?? [])].sort((a, b) => a - b);
  const found = locations.map((l) => normalize(words[l] ?? ''));
  const speaker = speakerOfTitle(sub.title);
  const named = new Set((speaker ?? '').split(/\s+/).map(normalize));
  let covered = 0;
  let exact = 0;
  for (const term of query.words) {
    if (found.includes(term) || named.has(term)) {
      covered++;
      exact++;
    } else if (found.some((w) => related(term, w))) covered++;
  }
  // In order: the words' matches follow each other in the text (a speaker's name stands apart).
  const spoken = query.words.filter((t) => !named.has(t));
  const follow = (same: (term: string, word: string) => boolean) =>
    spoken.length > 0 && locations.some((start) => spoken.every((term, k) => same(term, normalize(words[start + k] ?? ''))));
  const inOrder = follow(related);
  const asTyped = follow((term, word) => term === word);
  const score = (sub.weighted_locations ?? []).reduce((n, l) => n + l.balanced_score, 0);
  // Said words as typed weigh most, then their relatives; the speaker's name only if nothing else matched.
  const weigh: Weigh = (word) => {
    const w = normalize(word);
    const exactly = spoken.indexOf(w);
    if (exactly >= 0) return { term: exactly, weight: 3 };
    const relative = spoken.findIndex((t) => related(t, w));
    return relative >= 0 ? { term: relative, weight: 2 } : { term: -1, weight: 1 };
  };
  const excerpt = excerptOf(words, locations, range, weigh);
  return { sub, speaker, said, covered, exact, inOrder, asTyped, score, excerpt };
}

/** Negative when `a` ranks before `b`. */
function compare(a: Hit, b: Hit): number {
  const flag = (x: boolean) => Number(x);
  return b.covered - a.covered || b.exact - a.exact || flag(b.asTyped) - flag(a.asTyped) || flag(b.inOrder) - flag(a.inOrder) || flag(b.said) - flag(a.said) || b.score - a.score;
}

/** Pages in the order their best hits rank, each with its hits in order; `pages` in Pagefind's order. */
export function rankPages(pages: readonly ResultData[], query: Query): RankedPage[] {
  const ranked = pages.map((data, order) => {
    const words = data.content.split(/\s+/);
    const subs = data.sub_results.length ? data.sub_results : [{ title: data.meta.title ?? '', url: data.url, excerpt: data.excerpt, locations: data.locations ?? [] }];
    let hits = subs
      .filter((sub) => (sub.locations ?? []).length > 0)
      .map((sub) => hitOf(sub, words, query, sub.anchor?.id.startsWith('t-') ?? false, rangeOf(sub, data.anchors ?? [], words.length)));
    if (query.phrase) hits = hits.filter((h) => h.asTyped);
    return { data, hits: hits.sort(compare), order };
  });
  return ranked
    .filter((p) => p.hits.length > 0)
    .sort((a, b) => compare(a.hits[0]!, b.hits[0]!) || a.order - b.order)
    .map(({ data, hits }) => ({ data, hits }));
}

/**
 * Which of Pagefind's results to load and rank first, `limit` of them: Pagefind's order, except
 * that pages scoring exactly alike (copies of one episode) stand aside until each different score
 * has had a place, so that a page saying the word as typed is not hidden behind copies of one that
 * says a relative of it.
 */
export function firstToRank<T extends { score: number }>(results: readonly T[], limit: number): T[] {
  const chosen: T[] = [];
  const scores = new Set<number>();
  for (const r of results) {
    if (chosen.length >= limit) break;
    if (!scores.has(r.score)) {
      chosen.push(r);
      scores.add(r.score);
    }
  }
  for (const r of results) {
    if (chosen.length >= limit) break;
    if (!chosen.includes(r)) chosen.push(r);
  }
  return chosen;
}
