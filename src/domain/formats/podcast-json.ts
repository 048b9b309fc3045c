/**
 * Podcasting 2.0 JSON transcripts (`{ version, segments: [{ speaker?, startTime, endTime?, body }] }`).
 * Segments range from single words to whole paragraphs; word-level ones are merged into ~2-second
 * fragments (never across a speaker change or a long pause) so reflow sees caption-sized pieces.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { TranscriptError } from '../errors.ts';
import { transcriptFrom } from './captions.ts';
import type { Fragment, ParsedTranscript } from '../types.ts';

const Segment = z.object({
  speaker: z.string().optional(),
  startTime: z.number({ error: 'needs a number of seconds' }).nonnegative(),
  endTime: z.number().nonnegative().optional(),
  body: z.string({ error: 'needs the spoken text as a string' }),
});
const Transcript = z.object({ version: z.string().optional(), segments: z.array(Segment, { error: 'needs a "segments" array' }) });

const FRAGMENT_SECONDS = 2;
const PAUSE_SECONDS = 1.5;

export function parsePodcastJson(source: string, file: string): ParsedTranscript {
  const data = parseJson(source, file);
  const parsed = Transcript.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : 'the top level';
    const value = issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k], data);
    const message = value === undefined ? `${where} is missing: it ${issue.message}` : `${where} ${issue.message}`;
    const segment = issue.path[0] === 'segments' && typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
    throw new TranscriptError(file, segment === undefined ? undefined : segmentLines(source)[segment], message,
      'a Podcasting 2.0 transcript is { "version": "1.0.0", "segments": [{ "speaker": "…", "startTime": 0, "endTime": 1.5, "body": "…" }] }');
  }
  // Each segment keeps its place in the file, for messages, though empty ones are skipped.
  const lines = segmentLines(source);
  const segments = parsed.data.segments.map((seg, i) => ({ ...seg, i, line: lines[i] })).filter((s) => s.body.trim() !== '');
  if (segments.length === 0) throw new TranscriptError(file, undefined, 'the transcript has no segments with text');

  const fragments: Fragment[] = [];
  let previousSpeaker: string | undefined;
  for (const [k, seg] of segments.entries()) {
    if (k > 0 && seg.startTime < segments[k - 1]!.startTime) {
      throw new TranscriptError(file, seg.line, `segment ${seg.i} starts at ${seg.startTime} s, before the one above it`, 'segments must be in time order');
    }
    const last = fragments.at(-1);
    const speakerChanged = seg.speaker !== undefined && seg.speaker !== previousSpeaker;
    const pause = last && seg.startTime - (last.end ?? last.time) > PAUSE_SECONDS;
    const joins = last && !speakerChanged && !pause && seg.startTime - last.time < FRAGMENT_SECONDS && !/[.!?]["”’)]?$/.test(last.text);
    if (joins) {
      last!.text += ` ${seg.body.trim()}`;
      last!.end = seg.endTime ?? seg.startTime;
    } else {
      fragments.push({
        time: seg.startTime,
        end: seg.endTime ?? seg.startTime,
        text: seg.body.trim().replace(/\s+/g, ' '),
        turn: speakerChanged,
        line: seg.line,
        ...(seg.speaker ?? previousSpeaker ? { speaker: (seg.speaker ?? previousSpeaker)! } : {}),
      });
    }
    if (seg.speaker !== undefined) previousSpeaker = seg.speaker;
  }
  return transcriptFrom(file, 'podcast-json', fragments);
}

/** JSON.parse, with the line of the first syntax error (jsonc-parser knows where it is). */
export function parseJson(source: string, file: string): unknown {
  const text = source.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (error) {
    const errors: ParseError[] = [];
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    const line = first ? text.slice(0, first.offset).split('\n').length : undefined;
    const what = first ? printParseErrorCode(first.error) : (error as Error).message;
    throw new TranscriptError(file, line, `not valid JSON (${what})`, 'check the file with a JSON validator');
  }
}

/** The line of each segment's opening brace, from one parse and one pass over the text. */
function segmentLines(source: string): Array<number | undefined> {
  const text = source.replace(/^\uFEFF/, '');
  const list = findNodeAtLocation(parseTree(text) ?? { type: 'null', offset: 0, length: 0 }, ['segments']);
  const offsets = list?.type === 'array' ? (list.children ?? []).map((c) => c.offset) : [];
  let line = 1;
  let at = 0;
  return offsets.map((offset) => {
    for (; at < offset; at++) if (text.charCodeAt(at) === 10) line++;
    return line;
  });
}
