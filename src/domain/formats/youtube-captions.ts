/**
 * YouTube's automatic captions, as yt-dlp saves them (`--write-auto-subs`, `NAME.en.vtt`). They
 * roll: each cue shows the line before it on top and the new words below, timed word by word
 * (`who<00:00:04.799><c> else</c>`), and between two cues a 10 ms cue shows the finished line
 * alone. Read as plain WebVTT, every word would appear about three times.
 *
 * The rule: in each cue, the leading lines that repeat the end of the previous cue's lines are
 * shown again, not said again; the rest is new. A line that carries word times is always new
 * (a speaker may well say the same line twice). Each new word keeps its own time.
 * The same layout converted to SRT (no word times) is read by the same rule.
 */
import { TranscriptError } from '../errors.ts';
import type { Fragment, ParsedTranscript } from '../types.ts';
import { readCues, type CaptionFormat } from './captions.ts';
import { cueRuns, type CueRun } from './cue-markup.ts';
import { cueFragments, cueWords, type SpeakerState } from './cue-fragments.ts';
import { transcriptFrom } from './transcript.ts';

/** A line of a cue: its runs, its plain text (to compare with the lines around it), whether it is timed. */
interface CueLine {
  runs: CueRun[];
  plain: string;
  timed: boolean;
  /** 0-based line within the cue's text. */
  index: number;
}

/** Cut a cue's runs into its lines. */
function cueLines(runs: readonly CueRun[]): CueLine[] {
  const lines: CueLine[] = [{ runs: [], plain: '', timed: false, index: 0 }];
  for (const run of runs) {
    run.text.split('\n').forEach((part, k) => {
      if (k > 0) lines.push({ runs: [], plain: '', timed: false, index: lines.length });
      const line = lines.at(-1)!;
      if (part) line.runs.push({ ...run, text: part });
      line.plain += part;
      if (run.time !== undefined && part.trim()) line.timed = true;
    });
  }
  return lines
    .map((l) => ({ ...l, plain: l.plain.replace(/\s+/g, ' ').trim() }))
    .filter((l) => l.plain !== '');
}

/** How many leading `lines` repeat the end of `previous` (the longest such overlap). */
export function repeated(lines: readonly string[], previous: readonly string[]): number {
  for (let k = Math.min(lines.length, previous.length); k > 0; k--) {
    let same = true;
    for (let i = 0; i < k && same; i++) same = lines[i] === previous[previous.length - k + i];
    if (same) return k;
  }
  return 0;
}

export async function parseYoutubeCaptions(source: string, file: string, format: CaptionFormat = 'vtt'): Promise<ParsedTranscript> {
  const fragments: Fragment[] = [];
  const state: SpeakerState = { speaker: undefined };
  let previous: string[] = [];
  for (const cue of await readCues(source, file, format)) {
    const lines = cueLines(cueRuns(cue.text));
    let k = repeated(lines.map((l) => l.plain), previous);
    // A timed line is one being said, however much it looks like the one before.
    while (k > 0 && lines.slice(0, k).some((l) => l.timed)) k--;
    previous = lines.map((l) => l.plain);
    // Blank cues are how the layout clears the screen, not empty captions: nothing to say about them.
    for (const l of lines.slice(k)) {
      // A new line's first word has no time of its own: it is said when the cue starts.
      const line = cue.line === undefined ? undefined : cue.line + 1 + l.index;
      fragments.push(...cueFragments(cueWords(l.runs, cue.start), { start: cue.start, end: cue.end, line, timed: l.timed }, state));
    }
  }
  if (fragments.length === 0) throw new TranscriptError(file, undefined, 'the captions hold no words', 'every cue is empty; download the captions again');
  for (let i = 1; i < fragments.length; i++) {
    if (fragments[i]!.time < fragments[i - 1]!.time) {
      throw new TranscriptError(file, fragments[i]!.line, `words at ${fragments[i]!.time} s come after words at ${fragments[i - 1]!.time} s`, 'cues must be in time order');
    }
  }
  return transcriptFrom(file, 'youtube-captions', fragments);
}

/** Inline word times in the `<c>` spans YouTube writes. */
const WORD_TIMES = /<\d{2}:\d{2}:\d{2}\.\d{3}><c>/;

/**
 * Whether a caption file has the rolling layout: YouTube's word times, or (converted to SRT,
 * without them) most cues opening with the line the cue before them ended with. A short file of
 * one-word lines has no word times; the cue settings YouTube puts on every automatic cue tell it
 * apart from a few cues that happen to say the same (manual captions do not carry them).
 */
export function isRolling(text: string): boolean {
  if (WORD_TIMES.test(text.slice(0, 20_000))) return true;
  const timings = text.slice(0, 20_000).split('\n').filter((l) => l.includes('-->'));
  const youtube = timings.length > 0 && timings.every((l) => /-->\s*\S+\s+align:start position:0%\s*$/.test(l));
  const cues = text.replace(/\r\n?/g, '\n').split(/\n\n+/).slice(0, 200).map((block) => block.split('\n').filter((l) => !/-->|^\d+$|^WEBVTT|^\s*$/.test(l)));
  let rolls = 0;
  let pairs = 0;
  for (let i = 1; i < cues.length; i++) {
    const [before, now] = [cues[i - 1]!, cues[i]!];
    if (before.length === 0 || now.length === 0) continue;
    pairs++;
    if (now[0]!.trim() === before.at(-1)!.trim()) rolls++;
  }
  return (pairs >= 4 || (youtube && rolls > 0)) && rolls / pairs >= 0.5;
}
