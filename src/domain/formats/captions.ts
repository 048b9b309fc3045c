/**
 * WebVTT and SRT, as caption tools and people write them: media-captions (Vidstack's parser)
 * finds the cues; cue-markup.ts reads what is inside each. One fragment per cue (more where the
 * voice changes or a `>>` marks a turn), the speaker from `<v Name>` voice spans or `Name:`
 * prefixes carried forward until the next one. Empty cues are legal and skipped, with a warning.
 */
import { ParseError, parseText, type VTTCue } from 'media-captions';
import { TranscriptError } from '../errors.ts';
import { cueTime } from '../time.ts';
import type { Fragment, ParsedTranscript, TranscriptWarning } from '../types.ts';
import { cueRuns } from './cue-markup.ts';
import { cueFragments, cueWords, type SpeakerState } from './cue-fragments.ts';
import { transcriptFrom } from './transcript.ts';

export type CaptionFormat = 'vtt' | 'srt';

/** Text with a BOM and Windows or old Mac line ends read as plain `\n` lines. */
export const normalizeLines = (source: string): string => source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

/** A cue: its times in seconds (to the millisecond), its markup, and the line of its timing line. */
export interface Cue {
  start: number;
  end: number;
  text: string;
  line: number | undefined;
}

const ms = (t: number) => Math.round(t * 1000) / 1000;

/** The cues of a caption file; problems name their line. */
export async function readCues(source: string, file: string, format: CaptionFormat): Promise<Cue[]> {
  const text = normalizeLines(source);
  const lines = text.split('\n');
  if (text.trim() === '') throw new TranscriptError(file, 1, 'the file is empty');
  if (format === 'vtt' && !/^WEBVTT(?:[ \t].*)?$/.test(lines[0]!)) {
    throw new TranscriptError(file, 1, `a WebVTT file must start with the line "WEBVTT", found "${lines[0]!.slice(0, 40)}"`,
      'add "WEBVTT" as the first line, or rename the file if it is SRT (.srt)');
  }
  checkBlocks(lines, file, format);
  let cues: VTTCue[];
  try {
    ({ cues } = await parseText(keepEmptyRanges(text), { type: format, strict: true }));
  } catch (error) {
    if (error instanceof ParseError) {
      throw new TranscriptError(file, error.line, error.message.replace(/ on line \d+$/, ''),
        format === 'srt' ? 'a time line looks like 00:01:02,500 --> 00:01:05,000' : 'a cue timing looks like 00:01:02.500 --> 00:01:05.000');
    }
    throw error;
  }
  if (cues.length === 0) throw new TranscriptError(file, undefined, 'no cues found', `is this a ${format === 'vtt' ? 'WebVTT' : 'SRT'} file?`);
  // Cue k is the k-th timing line: media-captions keeps every cue, empty ones too.
  const timing = lines.flatMap((l, i) => (l.includes('-->') ? [i + 1] : []));
  return cues.map((cue, k) => ({ start: ms(cue.startTime), end: ms(cue.endTime), text: cue.text, line: timing[k] }));
}

/**
 * Every cue starts a block: its timing line comes first, or right after its identifier (its number
 * in SRT). A timing line deeper in a block (after a cue's text, a NOTE, the header) means an empty
 * line is missing; media-captions would read it as text or drop the cue with its words.
 */
function checkBlocks(lines: readonly string[], file: string, format: CaptionFormat): void {
  let blockStart = 0;
  lines.forEach((line, i) => {
    if (line === '') blockStart = i + 1;
    else if (line.includes('-->') && (i - blockStart > 1 || (i > blockStart && !isIdentifier(lines[i - 1]!, format)) || (format === 'vtt' && blockStart === 0))) {
      throw new TranscriptError(file, i + 1, 'this cue starts inside the block above it: an empty line is missing before it',
        'put an empty line before the cue (before its number or identifier, if it has one)');
    }
  });
}

/** A line that can name the cue after it: not a timing line, and in WebVTT not what opens a NOTE, STYLE or REGION block. */
const isIdentifier = (line: string, format: CaptionFormat) => !line.includes('-->') && !(format === 'vtt' && /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(line));

const TIMING = /^(\s*)((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})(\s+-->\s+)((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})/gm;

/** Seconds of a cue timestamp (`01:02.500`, `1:01:02,500`). */
function cueSeconds(stamp: string): number {
  const [clock, ms] = stamp.split(/[.,]/);
  return clock!.split(':').reduce((t, n) => t * 60 + Number(n), 0) + Number(`0.${ms}`);
}

/**
 * media-captions drops a cue that ends where it starts (or before), words and all, without an
 * error. Such cues are real (YouTube's layout has them at pauses; editors write them); their
 * words are said, so they are given a millisecond to keep them. Line numbers stay as they were.
 */
function keepEmptyRanges(text: string): string {
  return text.replace(TIMING, (all, indent: string, start: string, arrow: string, end: string) => {
    const from = cueSeconds(start);
    if (cueSeconds(end) > from) return all;
    const ms = Math.round(from * 1000) + 1;
    const comma = end.includes(',');
    return `${indent}${start}${arrow}${cueTime(ms / 1000, comma ? ',' : '.')}`;
  });
}

/** A cue with no words: legal, and skipped with a warning that names its line. */
export function emptyCue(file: string, line: number | undefined, start: number): TranscriptWarning {
  return { file, line, message: `the cue at ${start} s has no text; skipped` };
}

export async function parseCaptions(source: string, file: string, format: CaptionFormat): Promise<ParsedTranscript> {
  const fragments: Fragment[] = [];
  const warnings: TranscriptWarning[] = [];
  const state: SpeakerState = { speaker: undefined };
  for (const cue of await readCues(source, file, format)) {
    const runs = cueRuns(cue.text);
    const words = cueWords(runs, cue.start);
    if (words.length === 0) {
      warnings.push(emptyCue(file, cue.line, cue.start));
      continue;
    }
    const timed = runs.some((r) => r.time !== undefined);
    fragments.push(...cueFragments(words, { start: cue.start, end: cue.end, line: cue.line === undefined ? undefined : cue.line + 1, timed }, state));
  }
  if (fragments.length === 0) throw new TranscriptError(file, undefined, 'the cues hold no text', 'every cue is empty; export the captions again');
  for (let i = 1; i < fragments.length; i++) {
    if (fragments[i]!.time < fragments[i - 1]!.time) {
      throw new TranscriptError(file, fragments[i]!.line, `a cue starts at ${fragments[i]!.time} s, before the cue above it (${fragments[i - 1]!.time} s)`, 'cues must be in time order');
    }
  }
  return transcriptFrom(file, format, fragments, warnings);
}
