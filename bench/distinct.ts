/**
 * Libraries of distinct episodes for the benchmark at channel scale. Copies of one talk share every
 * word, so Pagefind's index chunks and the browser's cache flatter every figure; a real archive's
 * vocabulary grows with it. Each episode written here is its own:
 * - its sentences are drawn, in its own order, from the punctuated fixtures (the bundled episode
 *   and the CC0 Podcasting 2.0 examples);
 * - its guest has a name of their own, made from syllables, and so does its host (one of a few);
 * - words of a made-up vocabulary are sprinkled through it, drawn with a Zipf law so that some are
 *   common across the archive and most are rare, as in real speech;
 * - it plants words no other episode says, and records them as search queries with their truth:
 *   the episode, the speaker and the words the paragraph that answers must hold.
 *
 * Everything is seeded by the episode's number: the same number always gives the same files, so
 * a library of 1,000 is the first 1,000 of a library of 5,000.
 *
 * Each episode is a WebVTT file with `<v Name>` voices and a sidecar (title, date, slug, YouTube
 * media, speakers, and sections with titles: what yt-dlp's chapters give most channels).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { seeded } from '../src/domain/seeded.ts';
import path from 'node:path';

export type PlantedKind = 'rare' | 'phrase' | 'speaker' | 'relative';

/** A query whose answer the generator knows, because it wrote it. */
export interface Planted {
  kind: PlantedKind;
  /** What the reader types. */
  text: string;
  /** The episode (its slug) whose paragraph answers. */
  episode: string;
  /** The words that paragraph holds, in this order for a phrase. */
  words: string[];
  /** The speaker who says them, for a speaker query. */
  speaker?: string;
  /** When the planted cue starts, in seconds. */
  time: number;
}


const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

const ONSETS = ['b', 'br', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'k', 'kr', 'l', 'm', 'n', 'p', 'pl', 'r', 's', 'st', 't', 'tr', 'v', 'z', 'sk', 'th'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ei'];
const CODAS = ['', '', 'n', 'r', 'l', 's', 'x', 'nd', 'rk', 'm'];

/** A made-up word of `syllables` syllables: pronounceable, in no dictionary, no stop word. */
function madeUpWord(rand: () => number, syllables: number): string {
  let word = '';
  for (let i = 0; i < syllables; i++) word += pick(rand, ONSETS) + pick(rand, VOWELS) + (i === syllables - 1 ? pick(rand, CODAS) : '');
  return word;
}

const capitalised = (w: string) => w[0]!.toUpperCase() + w.slice(1);

/**
 * The archive's shared made-up vocabulary: word k is drawn with probability ∝ 1/(k+1) (Zipf), so a
 * few are said in many episodes and the long tail in one or two.
 */
const VOCABULARY = (() => {
  const rand = seeded(7);
  const words = new Set<string>();
  while (words.size < 40_000) words.add(madeUpWord(rand, 3 + Math.floor(rand() * 2)));
  return [...words];
})();
const ZIPF_TOTAL = VOCABULARY.reduce((sum, _, k) => sum + 1 / (k + 1), 0);
function zipfWord(rand: () => number): string {
  let target = rand() * ZIPF_TOTAL;
  for (let k = 0; k < VOCABULARY.length; k++) {
    target -= 1 / (k + 1);
    if (target <= 0) return VOCABULARY[k]!;
  }
  return VOCABULARY.at(-1)!;
}

/**
 * Sentences of the punctuated fixtures: their transcript lines joined and cut at sentence ends.
 * Read with a few lines of their own, not the site's parsers, so a parser's fault cannot shape the
 * benchmark's text.
 */
export function sentencePool(root: string): string[] {
  const youtldr = readFileSync(path.join(root, 'content', 'openai-chief-scientist.youtldr.txt'), 'utf8');
  const transcript = youtldr.slice(youtldr.indexOf('\nTranscript\n') + 12, youtldr.lastIndexOf('\nMore transcripts'));
  const youtldrText = transcript.split('\n').filter((l) => l.trim() && !/^\d+(:\d+)+$/.test(l.trim())).join(' ');
  const vtt = readFileSync(path.join(root, 'test', 'fixtures', 'podcast-namespace', 'long-example.vtt'), 'utf8');
  const vttText = vtt
    .split(/\r?\n\r?\n/)
    .filter((block) => block.includes('-->'))
    .map((block) => block.split(/\r?\n/).filter((l) => !l.includes('-->')).join(' ').replace(/<[^>]+>/g, ''))
    .join(' ');
  const sentences: string[] = [];
  for (const text of [youtldrText, vttText]) {
    for (const raw of text.replace(/\s+/g, ' ').split(/(?<=[.?!])\s+(?=[A-Z"“])/)) {
      const words = raw.trim().split(' ').filter(Boolean);
      if (words.length < 4) continue;
      // Long run-ons (the fixtures' punctuation is sparse) in pieces of at most 30 words.
      for (let i = 0; i < words.length; i += 30) sentences.push(words.slice(i, i + 30).join(' '));
    }
  }
  return sentences;
}

const HOSTS = ['Imogen Tarrow', 'Bastian Quell', 'Odile Fenwright'];
const WORDS_PER_SECOND = 2.6;
/** Numbered from 1; `ep-00001`. */
export const episodeName = (i: number) => `ep-${String(i).padStart(5, '0')}`;

interface Cue {
  start: number;
  end: number;
  speaker: string;
  text: string;
}

/** Words of `sentence` with a made-up word put in place of one of its longer words (or added). */
function sprinkle(words: string[], word: string, rand: () => number): string[] {
  const candidates = words.flatMap((w, i) => (/^[a-z]{5,}$/.test(w) ? [i] : []));
  const out = [...words];
  if (candidates.length) out[pick(rand, candidates)] = word;
  else out.splice(Math.floor(rand() * (out.length + 1)), 0, word);
  return out;
}

/** One episode's files and planted queries. */
export function episodeFiles(i: number, pool: readonly string[]): { vtt: string; sidecar: string; planted: Planted[] } {
  const rand = seeded(1_000_003 * i + 11);
  const name = episodeName(i);
  const slug = name;
  const host = HOSTS[i % HOSTS.length]!;
  const guest = `${capitalised(madeUpWord(rand, 2))} ${capitalised(madeUpWord(rand, 3))}`;
  const target = 6_000 + Math.floor(rand() * 8_000);
  // Words only this episode says: a few to plant as queries, plus its share of the Zipf vocabulary.
  const own = Array.from({ length: 8 }, (_, k) => `${madeUpWord(rand, 3)}${['ism', 'ator', 'ology', 'ance'][k % 4]}`);
  const relative = `${madeUpWord(rand, 3)}ate`;
  const cues: Cue[] = [];
  let t = 1.2;
  let words = 0;
  let turn = 0;
  const plans: Array<{ kind: PlantedKind; words: string[] }> = [];
  // Where in the episode (by word count) each planted query goes: spread over its length.
  const slots = [0.1, 0.25, 0.4, 0.55, 0.7, 0.85].map((f) => Math.floor(f * target));
  const kinds: PlantedKind[] = ['rare', 'phrase', 'speaker', 'relative', 'rare', 'phrase'];
  while (words < target) {
    const speaker = turn % 2 === 0 ? host : guest;
    const sentences = 1 + Math.floor(rand() * (speaker === host ? 3 : 7));
    for (let s = 0; s < sentences; s++) {
      let sentence = pick(rand, pool).split(' ');
      if (rand() < 0.35) sentence = sprinkle(sentence, zipfWord(rand), rand);
      // Relatives of the relative word said elsewhere in the episode: "…ating", "…ated".
      if (rand() < 0.004) sentence = sprinkle(sentence, relative.replace(/ate$/, rand() < 0.5 ? 'ating' : 'ated'), rand);
      const slot = slots.findIndex((at) => at <= words && at >= 0);
      if (slot >= 0 && (kinds[slot] !== 'speaker' || speaker === guest)) {
        const kind = kinds[slot]!;
        slots[slot] = -1;
        // Each slot its own words: own[6] and own[7] end the two phrases.
        const planted =
          kind === 'phrase' ? [own[slot]!, own[slot === 1 ? 6 : 7]!]
          : kind === 'relative' ? [relative]
          : [own[slot]!];
        // The phrase's two words go in side by side, in place of one word.
        sentence.splice(Math.floor(rand() * sentence.length), 1, ...planted);
        plans.push({ kind, words: planted });
      }
      // Cues of at most 10 words, at a speaking pace, a breath between sentences.
      for (let k = 0; k < sentence.length; k += 10) {
        const text = sentence.slice(k, k + 10).join(' ');
        const length = Math.max(0.8, (Math.min(10, sentence.length - k) / WORDS_PER_SECOND));
        cues.push({ start: t, end: t + length, speaker, text });
        t += length + 0.05;
      }
      t += 0.35;
      words += sentence.length;
    }
    t += 0.6;
    turn++;
  }
  const planted: Planted[] = plans.map((p) => {
    // Planted words are the episode's own: the first cue that says the first of them is the one.
    const cue = cues.find((c) => c.text.split(' ').includes(p.words[0]!))!;
    const text = p.kind === 'speaker' ? `${guest} ${p.words[0]}` : p.words.join(' ');
    return { kind: p.kind, text, episode: slug, words: p.words, ...(p.kind === 'speaker' ? { speaker: guest } : {}), time: cue.start };
  });
  const vtt = ['WEBVTT', '', ...cues.flatMap((c) => [`${clock(c.start)} --> ${clock(c.end)}`, `<v ${c.speaker}>${c.text}`, ''])].join('\n');
  const duration = t;
  const sections = sectionStarts(duration, rand).map((start, k) => `  - { start: ${start.toFixed(0)}, title: "${k === 0 ? 'Introduction' : `${capitalised(zipfWord(rand))} and ${zipfWord(rand)}`}" }`);
  // One day apart, going back from 2026-11-30: the library's newest-first order is well defined.
  const date = new Date(Date.UTC(2026, 10, 30) - (i - 1) * 86_400_000).toISOString().slice(0, 10);
  const sidecar = [
    // Titles and section titles use the shared vocabulary only: a planted word is said once, in its paragraph.
    `title: "${guest} on ${capitalised(zipfWord(rand))} and ${capitalised(zipfWord(rand))}"`,
    `slug: ${slug}`,
    `date: ${date}`,
    `media: https://www.youtube.com/watch?v=${videoId(rand)}`,
    'sections:',
    ...sections,
    '',
  ].join('\n');
  return { vtt, sidecar, planted };
}

/** Chapter starts every 6–12 minutes, the first at 0. */
function sectionStarts(duration: number, rand: () => number): number[] {
  const starts = [0];
  while (starts.at(-1)! + 900 < duration) starts.push(starts.at(-1)! + 360 + Math.floor(rand() * 360));
  return starts;
}

function videoId(rand: () => number): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return Array.from({ length: 11 }, () => pick(rand, [...chars])).join('');
}

function clock(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
}

/**
 * Writes episodes `from`..`to` (numbered from 1) into `content`, and returns their planted queries.
 * `root` is the checkout, whose fixtures give the sentences.
 */
export function writeDistinctLibrary(root: string, content: string, count: number, from = 1): Planted[] {
  mkdirSync(content, { recursive: true });
  const pool = sentencePool(root);
  const planted: Planted[] = [];
  for (let i = from; i < from + count; i++) {
    const files = episodeFiles(i, pool);
    writeFileSync(path.join(content, `${episodeName(i)}.vtt`), files.vtt);
    writeFileSync(path.join(content, `${episodeName(i)}.yml`), files.sidecar);
    planted.push(...files.planted);
  }
  return planted;
}
