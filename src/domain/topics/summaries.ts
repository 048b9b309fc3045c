/**
 * Summaries from a section's own sentences: the one or two most central, by the centroid method
 * (Radev et al. 2004): each sentence as TF-IDF weights of its stemmed content words, the section as
 * the sum of its sentences, and the sentences closest to that sum said what the section is about.
 * Complete statements come first (key-moments.ts `meaningful`: no question, no fragment, not
 * mostly filler); a section without one still gets its most central statement, since every
 * section has a summary. Each is linked to the paragraph that says it. The episode's summary
 * takes the most central of its sections' summary sentences, in the order they were said.
 */
import { tokenCount } from '../invariants.ts';
import { meaningful } from '../key-moments.ts';
import { sentences } from '../nlp.ts';
import { hasSoundTag } from '../sound-tags.ts';
import { terms } from './terms.ts';
import type { KeyMoment, Paragraph } from '../types.ts';

type Vector = Map<string, number>;

interface Sentence extends KeyMoment {
  vector: Vector;
}

const cosine = (a: Vector, b: Vector): number => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    const w = b.get(k);
    if (w !== undefined) dot += v * w;
  }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
};

function sum(vectors: readonly Vector[]): Vector {
  const out: Vector = new Map();
  for (const v of vectors) for (const [k, x] of v) out.set(k, (out.get(k) ?? 0) + x);
  return out;
}

/** Every sentence of every section, weighted by TF-IDF over the episode's sentences. */
function weighted(sections: ReadonlyArray<readonly Paragraph[]>): Sentence[][] {
  const raw = sections.map((paragraphs) =>
    paragraphs.flatMap((p) => sentences(p.text).map((text) => ({ text: text.trim(), id: p.id, time: p.time, stems: terms(text) }))));
  const df = new Map<string, number>();
  let n = 0;
  for (const list of raw) {
    for (const s of list) {
      n++;
      for (const stem of new Set(s.stems)) df.set(stem, (df.get(stem) ?? 0) + 1);
    }
  }
  return raw.map((list) => list.map(({ stems, ...s }) => {
    const vector: Vector = new Map();
    for (const stem of stems) vector.set(stem, (vector.get(stem) ?? 0) + 1);
    for (const [stem, tf] of vector) vector.set(stem, (1 + Math.log(tf)) * Math.log(n / df.get(stem)!));
    return { ...s, vector };
  }));
}

/**
 * A sentence that leans on the one before it ("It's really what…", "That's a…", "Again, …")
 * cannot stand for its section on a page where that sentence is not.
 */
const LEANS_BACK = /^(?:(?:it|that|this|these|those|they|he|she|which)\b|(?:again|actually|also|anyway|plus|then)\b)/i;

/** Hesitations that make a spoken sentence harder to read as a summary. */
const DISFLUENCY = /\b(?:uh|um|er|like|you know|i mean|kind of|sort of)\b/gi;

/**
 * Up to `limit` sentences of `candidates` closest to `centre`, each meaningful, not repeating each
 * other; each hesitation in a sentence costs it a seventh of its score, so the cleanest of the
 * central sentences is the one shown.
 */
function central(candidates: readonly Sentence[], centre: Vector, limit: number, exclude: ReadonlySet<string> = new Set()): Sentence[] {
  const strict = pick(candidates, centre, limit, exclude, 'standalone');
  if (strict.length) return strict;
  // A section whose every complete sentence leans on another still gets the best of them; one
  // without a complete sentence (a run of fragments and questions), its most central statement.
  const leaning = pick(candidates, centre, 1, exclude, 'complete');
  return leaning.length ? leaning : pick(candidates, centre, 1, exclude, 'statement');
}

/** How whole a sentence must be: standing alone, complete (key-moments.ts `meaningful`), or any statement of a few words. */
type Wholeness = 'standalone' | 'complete' | 'statement';

const STATEMENT_WORDS = 6;

function whole(text: string, wholeness: Wholeness): boolean {
  if (wholeness === 'statement') return tokenCount(text) >= STATEMENT_WORDS && !/\?["”']?$/.test(text) && !hasSoundTag(text);
  return (wholeness === 'complete' || !LEANS_BACK.test(text)) && meaningful(text);
}

function pick(candidates: readonly Sentence[], centre: Vector, limit: number, exclude: ReadonlySet<string>, wholeness: Wholeness): Sentence[] {
  const ranked = candidates
    .map((s) => ({ s, score: cosine(s.vector, centre) * Math.pow(6 / 7, s.text.match(DISFLUENCY)?.length ?? 0) }))
    .sort((a, b) => b.score - a.score || a.s.time - b.s.time);
  const chosen: Array<{ s: Sentence; score: number }> = [];
  for (const candidate of ranked) {
    if (chosen.length >= limit || candidate.score <= 0) break;
    // A second sentence only when it is nearly as central and says something else.
    if (chosen.length && (candidate.score < 0.8 * chosen[0]!.score || chosen.some((c) => cosine(c.s.vector, candidate.s.vector) > 0.4))) continue;
    if (exclude.has(candidate.s.text) || chosen.some((c) => c.s.text === candidate.s.text) || !whole(candidate.s.text, wholeness)) continue;
    chosen.push(candidate);
  }
  return chosen.map((c) => c.s).sort((a, b) => a.time - b.time);
}

const plain = ({ text, id, time }: Sentence): KeyMoment => ({ text, id, time });

/**
 * Each section's summary (one or two sentences), and the episode's (its sections' most central
 * summary sentences, up to three): `episode` entries carry the index of their section.
 */
export function extractSummaries(sections: ReadonlyArray<readonly Paragraph[]>): { sections: KeyMoment[][]; episode: Array<KeyMoment & { section: number }> } {
  const all = weighted(sections);
  const summaries = all.map((list) => central(list, sum(list.map((s) => s.vector)), 2));
  const picked = summaries.flatMap((list, section) => list.slice(0, 1).map((s) => ({ ...s, section })));
  const episodeCentre = sum(all.flat().map((s) => s.vector));
  const best = new Set(picked
    .map((s) => ({ s, score: cosine(s.vector, episodeCentre) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map(({ s }) => s));
  return {
    sections: summaries.map((list) => list.map(plain)),
    episode: picked.filter((s) => best.has(s)).map((s) => ({ ...plain(s), section: s.section })),
  };
}
