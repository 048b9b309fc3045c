/**
 * How well automatic sections find where a talk changes subject, against known boundaries:
 * - the bundled episode with its sections removed (truth: its own 7 section starts);
 * - joined talks in the style of Choi (2000): pieces of different transcripts end to end (the
 *   bundled episode, and the CC0 Podcasting 2.0 example), of different lengths (truth: the joins);
 * - one talk: distant pieces of one transcript in another order (truth: the joins), where a
 *   change of subject keeps the speakers and much of the vocabulary.
 * Scored with Pk and WindowDiff over words, beside two baselines: equal parts (as many as the
 * truth has, which a real baseline cannot know) and the 8–10-minute parts used before.
 */
import { DEFAULT_DOWNLOADS } from '../src/domain/exports/index.ts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { autoSections } from '../src/domain/auto-sections.ts';
import { episodeEnd } from '../src/domain/episode-end.ts';
import { parseCaptions } from '../src/domain/formats/captions.ts';
import { parseYoutldr } from '../src/domain/formats/youtldr.ts';
import { tokenCount } from '../src/domain/invariants.ts';
import { segmentationScores, type Scores } from '../src/domain/topics/metrics.ts';
import { topicSections } from '../src/domain/topics/sections.ts';
import type { Fragment } from '../src/domain/types.ts';
import { prepareEpisode } from '../src/build/prepare/prepare-episode.ts';
import { readInputs, readLibrary } from '../src/build/library/library.ts';
import { summarize, type Summary } from './stats.ts';

export interface SegmentationCase {
  name: string;
  /**
   * - bundled: the bundled episode, its own sections as truth;
   * - joined: pieces of different talks end to end (Choi 2000);
   * - one-talk: distant pieces of one talk, in another order: the joins are changes of subject
   *   within one conversation, with the same speakers and much of the same vocabulary.
   */
  kind: 'bundled' | 'joined' | 'one-talk';
  /** Kept out of tuning the method's parameters: scored only to check them. */
  heldOut: boolean;
  fragments: Fragment[];
  /** Indices of the fragments that start a true section. */
  truth: number[];
  /** The episode's end, where the source states it (else the end of its last words). */
  end?: number;
}

export interface MethodScores extends Scores {
  sections: number;
}

export interface SegmentationResult {
  case: string;
  kind: SegmentationCase['kind'];
  heldOut: boolean;
  minutes: number;
  words: number;
  trueSections: number;
  methods: Record<string, MethodScores>;
}

/** Index of the first fragment at or after `t` that starts a sentence or a turn. */
function sentenceStart(fragments: readonly Fragment[], t: number): number {
  const i = fragments.findIndex((f, k) => f.time >= t && (k === 0 || f.turn || /[.!?]["”’)]?$/.test(fragments[k - 1]!.text)));
  return i < 0 ? fragments.length : i;
}

/** The fragments from `from` to `to` seconds (each moved to the next sentence start), moved to start at `at`. */
function piece(fragments: readonly Fragment[], from: number, to: number, at: number): Fragment[] {
  const chosen = fragments.slice(sentenceStart(fragments, from), sentenceStart(fragments, to));
  const shift = at - chosen[0]!.time;
  return chosen.map((f) => ({ ...f, time: f.time + shift, ...(f.end !== undefined ? { end: f.end + shift } : {}), ...(f.words ? { words: f.words.map((w) => w + shift) } : {}) }));
}

/** Pieces `[source, from, to]` (minutes) end to end, a short pause between them. */
function joined(name: string, sources: Record<string, readonly Fragment[]>, pieces: Array<[string, number, number]>, heldOut = false): SegmentationCase {
  const fragments: Fragment[] = [];
  const truth: number[] = [];
  let at = 0;
  for (const [source, from, to] of pieces) {
    const next = piece(sources[source]!, from * 60, to * 60, at);
    if (fragments.length) truth.push(fragments.length);
    fragments.push(...next);
    const last = next.at(-1)!;
    at = (last.end ?? last.time + 2) + 1;
  }
  const kind = new Set(pieces.map(([source]) => source)).size === 1 ? 'one-talk' : 'joined';
  return { name, kind, heldOut, fragments, truth };
}

export async function segmentationCases(root: string): Promise<SegmentationCase[]> {
  const bundled = parseYoutldr(readFileSync(path.join(root, 'content', 'openai-chief-scientist.youtldr.txt'), 'utf8'), 'bundled');
  const cc0File = path.join(root, 'test', 'fixtures', 'podcast-namespace', 'long-example.vtt');
  const cc0 = await parseCaptions(readFileSync(cc0File, 'utf8'), 'long-example.vtt', 'vtt');
  const sources = { ai: bundled.fragments, cc0: cc0.fragments };
  const sectionStarts = bundled.sections.slice(1).map((s) => bundled.fragments.findIndex((f) => f.time >= s.start));
  // Held out of tuning: the bundled episode, joined E–G (made after the first tuning) and one-talk
  // cases I and L (chosen before any of them was scored).
  return [
    { name: 'bundled episode, sections removed', kind: 'bundled', heldOut: true, fragments: bundled.fragments, truth: sectionStarts, end: episodeEnd(bundled) },
    joined('joined A: 4 pieces, 3–8 min', sources, [['cc0', 0, 3], ['ai', 12, 20], ['cc0', 6, 10], ['ai', 30, 36]]),
    joined('joined B: 3 pieces, 5–9 min', sources, [['ai', 0, 5], ['cc0', 3, 12], ['ai', 41, 48]]),
    joined('joined C: 6 pieces, 2–5 min', sources, [['ai', 2, 6], ['cc0', 0, 2.5], ['ai', 24, 29], ['cc0', 4, 7], ['ai', 52, 56], ['cc0', 9, 12.5]]),
    joined('one talk D: 4 distant parts', sources, [['ai', 3, 9], ['ai', 30, 37], ['ai', 49, 53], ['ai', 14, 20]]),
    joined('joined E: 2 pieces, 6 and 4 min', sources, [['cc0', 0, 6], ['ai', 54, 58]], true),
    joined('joined F: 4 pieces, 3–4 min', sources, [['ai', 18, 22], ['ai', 44, 47], ['cc0', 7, 11], ['ai', 9, 12]], true),
    joined('joined G: 2 long pieces, 10 min each', sources, [['cc0', 2, 12.5], ['ai', 26, 36]], true),
    joined('one talk H: 3 parts, 5–7 min', sources, [['ai', 40, 47], ['ai', 0.5, 6], ['ai', 25, 31]]),
    joined('one talk I: 5 parts, 3–4 min', sources, [['ai', 55, 58], ['ai', 20, 24], ['ai', 44, 47], ['ai', 8, 12], ['ai', 33, 36]], true),
    joined('one talk J: 2 long parts, 12 min each', sources, [['ai', 12, 24], ['ai', 38, 50]]),
    joined('one talk K: 4 parts in order, 4–5 min', sources, [['ai', 2, 7], ['ai', 17, 21], ['ai', 31, 36], ['ai', 46, 51]]),
    joined('one talk L: the CC0 podcast, 3 parts', sources, [['cc0', 9, 12.5], ['cc0', 0, 3], ['cc0', 5.5, 8.5]], true),
  ];
}

/** Word index of each fragment's first word, and the total. */
function wordPositions(fragments: readonly Fragment[]): { at: number[]; total: number } {
  const at: number[] = [];
  let total = 0;
  for (const f of fragments) {
    at.push(total);
    total += tokenCount(f.text);
  }
  return { at, total };
}

/** Fragment indices where sections starting at `starts` (seconds) begin. */
function fragmentStarts(fragments: readonly Fragment[], starts: readonly number[]): number[] {
  return starts.slice(1).map((t) => fragments.findIndex((f) => f.time >= t)).filter((i) => i > 0);
}

export function scoreCase(c: SegmentationCase): SegmentationResult {
  const { at, total } = wordPositions(c.fragments);
  const end = c.end ?? episodeEnd({ metadata: {}, fragments: c.fragments });
  const score = (startFragments: number[]): MethodScores => ({
    ...segmentationScores(total, c.truth.map((i) => at[i]!), startFragments.map((i) => at[i]!)),
    sections: startFragments.length + 1,
  });
  const count = c.truth.length + 1;
  const equal = Array.from({ length: count - 1 }, (_, k) => c.fragments.findIndex((_f, i) => i > 0 && at[i]! >= ((k + 1) * total) / count));
  return {
    case: c.name,
    kind: c.kind,
    heldOut: c.heldOut,
    minutes: Math.round(end / 60),
    words: total,
    trueSections: count,
    methods: {
      'topics (ours)': score(fragmentStarts(c.fragments, topicSections(c.fragments, end).map((s) => s.start))),
      'equal parts (true count)': score(equal),
      '8–10-minute parts (before)': score(fragmentStarts(c.fragments, autoSections(c.fragments, end).map((s) => s.start))),
      'one section': score([]),
    },
  };
}

export interface ChapterCost {
  /** Preparing the bundled hour without its sections, as a build does (read, sections, MDX, downloads), ms. */
  topicsMs: Summary;
  /** The same with plain 8–10-minute parts, as before automatic sections. */
  partsMs: Summary;
}

/**
 * What automatic sections cost: the bundled episode, its AI block removed, prepared as the build
 * prepares an episode (src/build/prepare/prepare-episode.ts), with topics and with plain parts, alternately.
 */
export async function chapterCost(root: string, runs: number): Promise<ChapterCost> {
  const dir = mkdtempSync(path.join(tmpdir(), 'transcript-site-chapters-'));
  try {
    const lines = readFileSync(path.join(root, 'content', 'openai-chief-scientist.youtldr.txt'), 'utf8').split('\n');
    const meta = lines.findIndex((l) => / words · ~\d+ min read/.test(l));
    const disclaimer = lines.findIndex((l) => l.startsWith('AI-generated from the transcript.'));
    writeFileSync(path.join(dir, 'hour.youtldr.txt'), [...lines.slice(0, meta + 1), ...lines.slice(disclaimer + 1)].join('\n'));
    const settings = { base: '/', downloads: DEFAULT_DOWNLOADS };
    const time = async (mode: 'topics' | 'parts') => {
      writeFileSync(path.join(dir, 'hour.yml'), `autoSections: ${mode}\n`);
      const started = performance.now();
      const library = await readLibrary(dir, 'en');
      const { inputs } = await readInputs(dir, library.episodes[0]!);
      await prepareEpisode(inputs, [], path.join(dir, 'generated'), settings);
      return performance.now() - started;
    };
    // Two rounds to warm up (the language model, V8's code), then the measured ones.
    for (let i = 0; i < 2; i++) await time('topics'), await time('parts');
    const topics: number[] = [];
    const parts: number[] = [];
    for (let i = 0; i < runs; i++) {
      topics.push(await time('topics'));
      parts.push(await time('parts'));
    }
    return { topicsMs: summarize(topics), partsMs: summarize(parts) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
