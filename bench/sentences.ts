/**
 * How well sentences are found in captions without punctuation, against the punctuated original:
 * the bundled episode made unpunctuated (test/fixtures/unpunctuated.ts), with word times and
 * without. Reported: recall of the original's sentence ends within one word, precision, the mean
 * shown sentence, the longest paragraph, and whether every section has a summary and 2 key
 * moments; beside the baseline that takes every cue end as a sentence end and today's paragraphs.
 */
import path from 'node:path';
import { buildEpisode } from '../src/domain/episode.ts';
import { readTranscript } from '../src/domain/formats/index.ts';
import { reflow } from '../src/domain/reflow.ts';
import { withSentences } from '../src/domain/sentences/punctuate.ts';
import { spokenWords } from '../src/domain/sentences/words.ts';
import { spokenCount } from '../src/domain/sound-tags.ts';
import type { Fragment } from '../src/domain/types.ts';
import { unpunctuatedVariants, type Truth } from '../test/fixtures/unpunctuated.ts';

export interface SentenceVariant {
  variant: string;
  words: number;
  trueEnds: number;
  /** Of them, inside a speaker's turn (a turn's end is marked `>>` and found by any method). */
  trueEndsInTurns: number;
  method: string;
  recall: number;
  recallInTurns: number;
  precision: number;
  meanSentence: number;
  longestParagraph: number;
  meanParagraph: number;
  sections: number;
  withSummary: number;
  withTwoMoments: number;
}

/** Sentence ends in `fragments` (after which spoken word), read from the shown text. */
function shownEnds(fragments: readonly Fragment[]): Set<number> {
  const ends = new Set<number>();
  spokenWords(fragments).forEach((w, j) => {
    if (/[.?!]$/.test(w.text)) ends.add(j);
  });
  return ends;
}

function scoreEnds(truth: Truth, found: ReadonlySet<number>) {
  const near = (j: number) => found.has(j) || found.has(j - 1) || found.has(j + 1);
  const inTurns = [...truth.ends].filter((j) => !truth.turns.has(j + 1) && j !== truth.words.length - 1);
  const hit = [...truth.ends].filter(near).length;
  const hitInTurns = inTurns.filter(near).length;
  const right = [...found].filter((j) => truth.ends.has(j) || truth.ends.has(j - 1) || truth.ends.has(j + 1)).length;
  return {
    recall: hit / truth.ends.size,
    recallInTurns: hitInTurns / inTurns.length,
    precision: right / Math.max(1, found.size),
    meanSentence: truth.words.length / Math.max(1, found.size),
    trueEndsInTurns: inTurns.length,
  };
}

async function variant(name: string, truth: Truth, file: string, text: string): Promise<SentenceVariant[]> {
  const parsed = await readTranscript(text, file);
  const spoken = spokenWords(parsed.fragments).map((w) => w.text);
  if (spoken.join(' ') !== truth.words.join(' ')) throw new Error(`${name}: the reader's words differ from the original's (${spoken.length} vs ${truth.words.length})`);
  const base = { variant: name, words: truth.words.length, trueEnds: truth.ends.size };

  // Baseline: every cue end is a sentence end; paragraphs as reflow made them before.
  const cueEnds = new Set<number>();
  let count = 0;
  for (const f of parsed.fragments) {
    count += spokenCount(f.text);
    if (count > 0) cueEnds.add(count - 1);
  }
  const before = reflow(parsed.fragments).map((p) => spokenCount(p.text));
  const baseline: SentenceVariant = {
    ...base,
    method: 'every cue end (baseline)',
    ...scoreEnds(truth, cueEnds),
    longestParagraph: Math.max(...before),
    meanParagraph: before.reduce((a, b) => a + b, 0) / before.length,
    sections: 0,
    withSummary: 0,
    withTwoMoments: 0,
  };

  const shown = withSentences(parsed.fragments, parsed.metadata.language);
  if (!shown.found) throw new Error(`${name}: not read as a transcript without punctuation`);
  const episode = buildEpisode(parsed);
  const paragraphs = episode.sections.flatMap((s) => s.paragraphs.map((p) => spokenCount(p.text)));
  const ours: SentenceVariant = {
    ...base,
    method: 'ours',
    ...scoreEnds(truth, shownEnds(shown.fragments)),
    longestParagraph: Math.max(...paragraphs),
    meanParagraph: paragraphs.reduce((a, b) => a + b, 0) / paragraphs.length,
    sections: episode.sections.length,
    withSummary: episode.sections.filter((s) => s.summary.trim() !== '').length,
    withTwoMoments: episode.sections.filter((s) => s.moments.length >= 2).length,
  };
  return [baseline, ours];
}

export async function sentenceScores(root: string): Promise<SentenceVariant[]> {
  const { truth, files } = unpunctuatedVariants(root);
  const results: SentenceVariant[] = [];
  for (const [name, file, text] of files) results.push(...(await variant(name, truth, file, text)));
  return results;
}

if (import.meta.main) {
  for (const r of await sentenceScores(path.resolve(import.meta.dirname, '..'))) {
    console.log(`${r.variant} | ${r.method} | recall ${r.recall.toFixed(3)} (in turns ${r.recallInTurns.toFixed(3)}) | precision ${r.precision.toFixed(3)} | mean sentence ${r.meanSentence.toFixed(1)} | longest paragraph ${r.longestParagraph} | mean paragraph ${r.meanParagraph.toFixed(1)} | sections ${r.sections} summary ${r.withSummary} moments≥2 ${r.withTwoMoments}`);
  }
}
