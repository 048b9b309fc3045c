/**
 * From the runs of a caption cue (cue-markup.ts) to fragments: a new fragment where the voice
 * changes and at every `>>` turn marker, a `Name:` prefix at the start of a turn read as its
 * speaker, each word at its own time where the cue times its words. Shared by every caption reader.
 */
import { speakerPrefix } from '../speakers.ts';
import type { Fragment } from '../types.ts';
import type { CueRun } from './cue-markup.ts';

/** YouTube's and YouTLDR's mark of a new speaker, written as a word of its own. */
export const TURN_MARKER = '>>';

/** A word with the time it is said and the voice it is in. */
interface Word {
  word: string;
  time: number;
  voice: string | undefined;
  /** True for the first word of a line of the cue. */
  lineStart: boolean;
}

/** Subtitles mark two speakers in one cue with a dash before each line. */
const DIALOGUE_DASH = '-';

/** The words of `runs`; a word runs on across runs (`wo<b>rd</b>`), at the time of its first letters. */
export function cueWords(runs: readonly CueRun[], start: number): Word[] {
  const words: Word[] = [];
  let open = false;
  let newLine = true;
  for (const run of runs) {
    for (const piece of run.text.split(/(\s+)/)) {
      if (piece === '') continue;
      if (/^\s/.test(piece)) {
        open = false;
        if (piece.includes('\n')) newLine = true;
        continue;
      }
      if (open) words.at(-1)!.word += piece;
      else words.push({ word: piece, time: run.time ?? start, voice: run.voice, lineStart: newLine });
      open = true;
      newLine = false;
    }
  }
  return words;
}

/** The speaker carried from cue to cue: a voice or name holds until another one, or a `>>`. */
export interface SpeakerState {
  speaker: string | undefined;
}

export interface CueInfo {
  start: number;
  end: number;
  /** Line of the cue's first text line, for messages. */
  line: number | undefined;
  /** True when the cue times its words (inline timestamps): the fragments keep the times. */
  timed: boolean;
}

export function cueFragments(words: readonly Word[], cue: CueInfo, state: SpeakerState): Fragment[] {
  const fragments: Fragment[] = [];
  let group: Word[] = [];
  /** The turn marker that opened the group: `>>`, or a dialogue dash. */
  let marker: string | undefined;
  let first = true;
  const starts = words.filter((w) => w.lineStart);
  const dialogue = starts.length >= 2 && starts.every((w) => w.word === DIALOGUE_DASH);
  const close = () => {
    if (group.length === 0 && marker === undefined) return;
    let text = group.map((w) => w.word).join(' ');
    let times = group.map((w) => w.time);
    const voice = group[0]?.voice;
    let who = voice;
    let label = marker;
    // A name before a colon starts a turn only where a turn can start: the cue's start or a `>>`.
    if (!voice && (first || marker !== undefined)) {
      const prefixed = speakerPrefix(text);
      if (prefixed.speaker) {
        const skipped = text.length - prefixed.text.length;
        const prefixWords = text.slice(0, skipped).split(/\s+/).filter(Boolean).length;
        label = label ? `${label} ${text.slice(0, skipped).trim()}` : text.slice(0, skipped).trim();
        who = prefixed.speaker;
        text = prefixed.text;
        times = times.slice(prefixWords);
      }
    }
    if (marker !== undefined && who === undefined) state.speaker = undefined;
    const turn = marker !== undefined || (who !== undefined && who !== state.speaker);
    if (who !== undefined) state.speaker = who;
    fragments.push({
      time: times[0] ?? group[0]?.time ?? cue.start,
      end: cue.end,
      text,
      turn,
      line: cue.line,
      ...(label ? { label } : {}),
      ...(cue.timed && times.length ? { words: times } : {}),
      ...(state.speaker ? { speaker: state.speaker } : {}),
    });
    group = [];
    marker = undefined;
    first = false;
  };
  for (const w of words) {
    if (w.word === TURN_MARKER || (dialogue && w.lineStart && w.word === DIALOGUE_DASH)) {
      close();
      marker = w.word;
      continue;
    }
    if (group.length && w.voice !== group[0]!.voice) close();
    group.push(w);
  }
  close();
  return fragments;
}
