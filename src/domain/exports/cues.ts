/**
 * Caption cues from an episode's fragments: timing from the source, text wrapped to caption
 * conventions (at most 2 lines of about 42 characters; longer fragments become several cues that
 * share the fragment's time in proportion to their length).
 */
import { tokens } from '../invariants.ts';
import type { Episode, Fragment } from '../types.ts';

export const LINE = 42;
const LINES = 2;

export interface Cue {
  start: number;
  end: number;
  lines: string[];
  speaker?: string;
  /** True when a new speaker starts with this cue. */
  turn: boolean;
}

/** Greedy word wrap to `width`; a single longer word gets a line of its own. */
export function wrap(text: string, width = LINE): string[] {
  const lines: string[] = [];
  for (const word of tokens(text)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Where fragment `i` ends: as the source says, else when the next begins (at least half a second on). */
export function fragmentEnd(fragments: readonly Fragment[], i: number): number {
  const f = fragments[i]!;
  const next = fragments[i + 1];
  return f.end ?? (next ? Math.max(next.time, f.time + 0.5) : f.time + 2);
}

export function cues(episode: Episode): Cue[] {
  const fragments = episode.source.fragments;
  const out: Cue[] = [];
  fragments.forEach((f, i) => {
    const lines = wrap(f.text);
    if (lines.length === 0) return;
    const stop = fragmentEnd(fragments, i);
    const chunks: string[][] = [];
    for (let k = 0; k < lines.length; k += LINES) chunks.push(lines.slice(k, k + LINES));
    const total = chunks.reduce((n, c) => n + c.join(' ').length, 0);
    let at = f.time;
    chunks.forEach((chunk, k) => {
      const share = ((stop - f.time) * chunk.join(' ').length) / total;
      const cueEnd = k === chunks.length - 1 ? stop : round(at + share);
      out.push({ start: round(at), end: cueEnd, lines: chunk, ...(f.speaker ? { speaker: f.speaker } : {}), turn: k === 0 && f.turn });
      at = cueEnd;
    });
  });
  return out;
}

const round = (t: number) => Math.round(t * 1000) / 1000;
