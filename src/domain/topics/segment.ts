/**
 * Where a talk changes subject. Each possible section is scored by how probable its words are
 * under its own word distribution, smoothed towards the episode's (a language model per section,
 * after Utiyama & Isahara 2001): a section that keeps to one subject repeats its words, one that
 * mixes two does not. For each number of sections, dynamic programming finds the best cuts exactly,
 * within bounds a reader finds sensible (no section under about 2 minutes or over about 20).
 *
 * More sections always fit the words better, by chance as well as by subject. How many a talk has
 * is decided against chance: the same transcript with its units shuffled (a text with no subjects
 * to find, whose sections gain only by chance) gives the gain each number of sections would have
 * anyway, and the number chosen is the one whose gain beyond chance is largest, less a fixed
 * margin per section. Shuffles use a fixed seed: the same transcript gives the same sections.
 *
 * Where a conversation itself opens a subject (a host's question, "let's talk about": cues.ts), a
 * cut costs a little less, so that of two places the words find about as good, the cut falls where
 * the speakers turned to the new subject.
 */
import { seeded } from '../seeded.ts';
import type { Unit } from './units.ts';

export interface SegmentOptions {
  /** Shortest and longest section, in seconds. */
  minSeconds: number;
  maxSeconds: number;
  /** Weight of the episode's word distribution in each section's (Dirichlet smoothing), in words. */
  smoothing: number;
  /** Gain beyond chance a section must bring, in nats. */
  margin: number;
  /** Shuffled copies that measure chance. */
  shuffles: number;
  /**
   * What a cue (cues.ts: a host's question, words that announce a subject) at a section's start is
   * worth, in nats. Small on purpose: an interview asks a question every minute or two, and most
   * follow a subject up. A cue should move a cut the words ask for onto the turn that opens the
   * subject, not make a cut of its own.
   */
  cue: number;
}

export const SEGMENT_DEFAULTS: SegmentOptions = { minSeconds: 100, maxSeconds: 1200, smoothing: 300, margin: 32, shuffles: 4, cue: 4 };

/** Indices of the units that start a section (the first is always 0). `end`: the episode's end, in seconds. */
export function segmentUnits(units: readonly Unit[], end: number, options: Partial<SegmentOptions> = {}): number[] {
  const o = { ...SEGMENT_DEFAULTS, ...options };
  const n = units.length;
  if (n === 0) return [];
  const span = end - units[0]!.time;
  if (span < 2 * o.minSeconds || n < 2) return [0];
  const starts = Float64Array.from({ length: n + 1 }, (_, i) => (i < n ? units[i]!.time : end));
  const { coded, background } = encode(units, o.smoothing);
  // As many sections as fit at the shortest length, but no more than one per 4 minutes on average:
  // beyond that, sections would be shorter than any subject a reader follows.
  const most = Math.max(1, Math.min(n, Math.floor(span / o.minSeconds), Math.ceil(span / 240) + 1));
  const windows = allowed(starts, o);
  // log(c + αw) for the counts a section mostly has, computed once for the real and shuffled runs.
  const table = new Float64Array(background.length * TABLE);
  for (let id = 0; id < background.length; id++) for (let c = 0; c < TABLE; c++) table[id * TABLE + c] = Math.log(c + background[id]!);
  // Cues count in the real transcript only: chance has no host choosing when to change subject.
  const bonus = Float64Array.from(units, (u, i) => (i > 0 && u.cue ? o.cue : 0));
  const none = new Float64Array(n);
  const real = bestByCount(costs(coded, background, o.smoothing, windows, table, bonus), windows, most);
  const random = seeded(0x5eed);
  const gains: Float64Array[] = [];
  for (let s = 0; s < o.shuffles; s++) {
    const found = bestByCount(costs(shuffle(coded, random), background, o.smoothing, windows, table, none), windows, most);
    gains.push(found.cost.map((c) => found.whole - c));
  }
  // Each count's gain beyond chance, and how sure that is (the standard error over the shuffles).
  const scores: Array<{ k: number; score: number; error: number }> = [];
  for (let k = 1; k <= most; k++) {
    if (!Number.isFinite(real.cost[k]!)) continue;
    const chance = gains.map((g) => g[k]!);
    const mean = chance.reduce((a, b) => a + b, 0) / chance.length;
    const spread = Math.sqrt(chance.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, chance.length - 1));
    scores.push({ k, score: real.whole - real.cost[k]! - mean - o.margin * k, error: spread / Math.sqrt(chance.length) });
  }
  if (scores.length === 0) return [0];
  // The fewest sections whose score is within chance's own error of the best: more sections than
  // the evidence clearly asks for only cut a subject in two.
  const best = scores.reduce((a, b) => (b.score > a.score ? b : a));
  const chosen = scores.find((s) => s.score >= best.score - best.error)!;
  return real.cuts(chosen.k);
}

/** For each unit i, the units j that may end a section starting at i: [first[i], last[i]]. */
function allowed(starts: Float64Array, o: SegmentOptions): { first: Int32Array; last: Int32Array } {
  const n = starts.length - 1;
  const first = new Int32Array(n).fill(n + 1);
  const last = new Int32Array(n).fill(-1);
  let lo = 1;
  let hi = 1;
  for (let i = 0; i < n; i++) {
    lo = Math.max(lo, i + 1);
    while (lo <= n && starts[lo]! - starts[i]! < o.minSeconds) lo++;
    hi = Math.max(hi, lo);
    while (hi + 1 <= n && starts[hi + 1]! - starts[i]! <= o.maxSeconds) hi++;
    // A unit longer than the longest section is a section of its own.
    if (lo <= n) {
      first[i] = lo;
      last[i] = Math.max(lo, hi);
    }
  }
  return { first, last };
}

/** Stems as small integers (flat, with each unit's offset), and each one's share of the episode times the smoothing weight. */
function encode(units: readonly Unit[], smoothing: number): { coded: Coded; background: Float64Array } {
  const ids = new Map<string, number>();
  const offsets = new Int32Array(units.length + 1);
  const flat: number[] = [];
  units.forEach((u, k) => {
    offsets[k] = flat.length;
    for (const s of u.stems) {
      let id = ids.get(s);
      if (id === undefined) ids.set(s, (id = ids.size));
      flat.push(id);
    }
  });
  offsets[units.length] = flat.length;
  const background = new Float64Array(ids.size);
  for (const id of flat) background[id]! += 1;
  for (let i = 0; i < background.length; i++) background[i] = (background[i]! / Math.max(1, flat.length)) * smoothing;
  return { coded: { ids: Int32Array.from(flat), offsets }, background };
}

/** Counts up to this many have their logarithm looked up, not computed. */
const TABLE = 32;

interface Coded {
  ids: Int32Array;
  /** Unit k's stems are ids[offsets[k]] … ids[offsets[k + 1] − 1]. */
  offsets: Int32Array;
}

/**
 * Minus the log-likelihood of every allowed section [i, j) (units i to j − 1), less `bonus[i]` for
 * a cue at its start, and of the whole transcript as one. A section grows one unit at a time,
 * keeping Σ c·log(c + αw) (one logarithm per word: each word's last one is kept), so that its
 * log-likelihood, Σ c·log((c + αw) / (n + α)), is one subtraction away.
 */
function costs(coded: Coded, background: Float64Array, smoothing: number, windows: { first: Int32Array; last: Int32Array }, table: Float64Array, bonus: Float64Array) {
  const n = coded.offsets.length - 1;
  const counts = new Int32Array(background.length);
  const logs = new Float64Array(background.length);
  const touched = new Int32Array(background.length);
  const cost: Float64Array[] = [];
  let whole = 0;
  for (let i = 0; i < n; i++) {
    const first = windows.first[i]!;
    const last = i === 0 ? n : windows.last[i]!;
    const row = new Float64Array(Math.max(0, windows.last[i]! - first + 1)).fill(Infinity);
    let used = 0;
    let sum = 0;
    let words = 0;
    for (let j = i + 1; j <= last; j++) {
      for (let t = coded.offsets[j - 1]!, stop = coded.offsets[j]!; t < stop; t++) {
        const id = coded.ids[t]!;
        const c = counts[id]!;
        const next = c + 1 < TABLE ? table[id * TABLE + c + 1]! : Math.log(c + 1 + background[id]!);
        if (c === 0) touched[used++] = id;
        sum += (c + 1) * next - c * logs[id]!;
        logs[id] = next;
        counts[id] = c + 1;
        words++;
      }
      if (j >= first && j <= windows.last[i]!) row[j - first] = -(sum - words * Math.log(words + smoothing)) - bonus[i]!;
    }
    if (i === 0) whole = -(sum - words * Math.log(words + smoothing));
    for (let u = 0; u < used; u++) counts[touched[u]!] = 0;
    cost.push(row);
  }
  return { cost, whole };
}

/** The best cost with exactly k sections, for every k up to `most`, and the cuts of each. */
function bestByCount({ cost: section, whole }: ReturnType<typeof costs>, windows: { first: Int32Array; last: Int32Array }, most: number) {
  const n = section.length;
  const cost = new Float64Array(most + 1).fill(Infinity);
  const back: Int32Array[] = [];
  let previous = new Float64Array(n + 1).fill(Infinity);
  previous[0] = 0;
  for (let k = 1; k <= most; k++) {
    const next = new Float64Array(n + 1).fill(Infinity);
    const from = new Int32Array(n + 1).fill(-1);
    for (let i = 0; i < n; i++) {
      const base = previous[i]!;
      if (base === Infinity) continue;
      const row = section[i]!;
      const first = windows.first[i]!;
      for (let t = 0; t < row.length; t++) {
        const v = base + row[t]!;
        const j = first + t;
        if (v < next[j]!) {
          next[j] = v;
          from[j] = i;
        }
      }
    }
    back.push(from);
    cost[k] = next[n]!;
    previous = next;
  }
  const cuts = (k: number): number[] => {
    const starts: number[] = [];
    for (let j = n, level = k - 1; level >= 0; level--) {
      const i = back[level]![j]!;
      starts.push(i);
      j = i;
    }
    return starts.reverse();
  };
  return { cost, whole, cuts };
}

/** The units' words in another order: a transcript of the same words without subjects. */
function shuffle(coded: Coded, random: () => number): Coded {
  const n = coded.offsets.length - 1;
  const order = Array.from({ length: n }, (_, k) => k);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const ids = new Int32Array(coded.ids.length);
  const offsets = new Int32Array(n + 1);
  let at = 0;
  order.forEach((k, position) => {
    offsets[position] = at;
    ids.set(coded.ids.subarray(coded.offsets[k]!, coded.offsets[k + 1]!), at);
    at += coded.offsets[k + 1]! - coded.offsets[k]!;
  });
  offsets[n] = at;
  return { ids, offsets };
}

