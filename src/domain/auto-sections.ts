/**
 * Sections for transcripts that come without any: parts of about 8–10 minutes, cut where a new
 * speaker starts or a sentence ends, titled by their time range. No summaries are invented.
 */
import { formatRange } from './time.ts';
import type { Fragment, SectionSource } from './types.ts';

const MIN = 8 * 60;
const MAX = 10 * 60;

/** How long plain parts are, in the words the overview tells readers: the middle of MIN and MAX. */
export const PART_LENGTH = 'about nine minutes';
/** A last part shorter than this joins the one before it. */
const SHORTEST_TAIL = 4 * 60;

/** `end`: the episode's end (episode-end.ts). */
export function autoSections(fragments: readonly Fragment[], end: number): SectionSource[] {
  const starts = [0];
  let from = 0;
  for (let i = 1; i < fragments.length; i++) {
    const t = fragments[i]!.time;
    const since = t - from;
    if (since < MIN) continue;
    const goodCut = fragments[i]!.turn || /[.!?]["”’)]?$/.test(fragments[i - 1]!.text);
    if (goodCut || since >= MAX) {
      starts.push(t);
      from = t;
    }
  }
  if (starts.length > 1 && end - starts.at(-1)! < SHORTEST_TAIL) starts.pop();
  return starts.map((start, i) => {
    const stop = starts[i + 1] ?? end;
    return { start, end: stop, title: formatRange(start, stop), summary: '', origin: 'parts' as const, line: undefined };
  });
}
