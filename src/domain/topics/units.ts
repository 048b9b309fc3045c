/**
 * The pieces a transcript can be cut at for topics: runs of fragments of about a sentence or two,
 * each starting where a section could start (a speaker's turn, or a sentence's start when the
 * transcript is punctuated). Sections start where fragments start, so units are whole fragments.
 */
import { tokenCount } from '../invariants.ts';
import { announces, questionStarts } from './cues.ts';
import { terms } from './terms.ts';
import type { Fragment } from '../types.ts';

export interface Unit {
  /** Index of its first fragment. */
  fragment: number;
  time: number;
  words: number;
  /** Its terms (terms.ts): stemmed words, stop words left out. */
  stems: string[];
  /** True when a speaker's turn starts with it. */
  turn: boolean;
  /** True when it opens a subject as people do in talk: a host's question, or words that announce one (cues.ts). */
  cue: boolean;
}

/** A unit closes at a sentence's end once it has this many words, and at a fragment's end at twice that. */
const UNIT_WORDS = 20;
const SENTENCE_END = /[.!?…]["”’)]?$/;

export function topicUnits(fragments: readonly Fragment[]): Unit[] {
  const units: Unit[] = [];
  const questions = questionStarts(fragments);
  let open: { fragment: number; texts: string[]; words: number } | undefined;
  const close = () => {
    if (!open) return;
    const f = fragments[open.fragment]!;
    const text = open.texts.join(' ');
    const cue = questions.has(open.fragment) || announces(text);
    units.push({ fragment: open.fragment, time: f.time, words: open.words, stems: terms(text), turn: f.turn, cue });
    open = undefined;
  };
  fragments.forEach((f, i) => {
    if (open && f.turn) close();
    open ??= { fragment: i, texts: [], words: 0 };
    open.texts.push(f.text);
    open.words += tokenCount(f.text);
    if ((open.words >= UNIT_WORDS && SENTENCE_END.test(f.text)) || open.words >= 2 * UNIT_WORDS) close();
  });
  close();
  return units;
}
