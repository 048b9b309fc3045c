/**
 * An episode's fragments as a stream of spoken words, each with what the file says about the gap
 * after it: a silence (from word times, or from one cue's end to the next cue's start), a new
 * speaker's turn, a sound such as `[Music]`. Sound tags are not words: they are left where they are.
 */
import { tokens } from '../invariants.ts';
import { soundTags } from '../sound-tags.ts';
import type { Fragment } from '../types.ts';
import { wordSeconds } from './pauses.ts';

export interface SpokenWord {
  text: string;
  /** Where the word is: fragment index and token index within `tokens(fragment.text)`. */
  fragment: number;
  token: number;
  /** Seconds of silence after the word, where the file's times tell. */
  pause?: number;
  /** The next word starts a new speaker's turn, or a sound comes between: a sentence ends here. */
  hardEnd: boolean;
}

/** Which tokens of `text` are (part of) a sound tag. */
function soundTokens(text: string): boolean[] {
  const tags = soundTags(text);
  const result: boolean[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const [start, end] = [m.index, m.index + m[0].length];
    result.push(tags.some(([a, b]) => start < b && end > a));
  }
  return result;
}

/** `breaks`: fragments that start a section, where a sentence must end before them. */
export function spokenWords(fragments: readonly Fragment[], breaks: ReadonlySet<number> = new Set()): SpokenWord[] {
  const words: SpokenWord[] = [];
  /** When the last word was said (its start), where known. */
  let last: { time: number; letters: number; end?: number; lastOfCue: boolean; untimed?: boolean } | undefined;
  const close = (hard: boolean, startOfNext?: number) => {
    const previous = words.at(-1);
    if (!previous || !last) return;
    if (hard) previous.hardEnd = true;
    if (startOfNext === undefined) return;
    const said = last.time + wordSeconds(last.letters);
    // After a cue's last word, the cue's end is the better evidence of when speech stopped.
    const stopped = last.lastOfCue && last.end !== undefined && last.end >= last.time ? Math.min(last.end, Math.max(said, last.time)) : said;
    const pause = startOfNext - stopped;
    // Captions converted from YouTube's end each cue where the next begins: that says nothing of a pause.
    if (last.untimed && pause <= 0) return;
    previous.pause = Math.max(previous.pause ?? 0, pause);
  };
  fragments.forEach((fragment, f) => {
    const list = tokens(fragment.text);
    const sounds = soundTokens(fragment.text);
    if (fragment.turn || breaks.has(f)) close(true);
    list.forEach((token, k) => {
      if (sounds[k]) {
        close(true);
        return;
      }
      const time = fragment.words?.[k] ?? (k === 0 ? fragment.time : undefined);
      if (last && time !== undefined && (fragment.words || k === 0)) close(false, time);
      words.push({ text: token, fragment: f, token: k, hardEnd: false });
      last = time === undefined ? undefined : { time, letters: token.length, ...(fragment.end !== undefined ? { end: fragment.end } : {}), lastOfCue: false };
      if (last && k === list.length - 1) last.lastOfCue = true;
    });
    // A cue without word times: what is known is when it ends.
    if (!fragment.words && list.length > 1) last = fragment.end === undefined ? undefined : { time: fragment.end, letters: 0, end: fragment.end, lastOfCue: true, untimed: true };
  });
  return words;
}
