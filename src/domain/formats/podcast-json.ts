/**
 * Podcasting 2.0 JSON transcripts (`{ version, segments: [{ speaker?, startTime, endTime?, body }] }`).
 * Segments range from single words to whole paragraphs; word-level ones are merged into ~2-second
 * fragments (never across a speaker change or a long pause) so reflow sees caption-sized pieces,
 * each word keeping its segment's time.
 */
import { z } from 'zod';
import { TranscriptError } from '../errors.ts';
import type { Fragment, ParsedTranscript } from '../types.ts';
import { validate } from '../validate.ts';
import type { JsonSource } from './json.ts';
import { transcriptFrom } from './transcript.ts';

const Segment = z.object({
  speaker: z.string().optional(),
  startTime: z.number({ error: 'needs a number of seconds' }).nonnegative(),
  endTime: z.number().nonnegative().optional(),
  body: z.string({ error: 'needs the spoken text as a string' }),
});
const Transcript = z.object({ version: z.string().optional(), segments: z.array(Segment, { error: 'needs a "segments" array' }) });

export const PODCAST_JSON_SHAPE = '{ "version": "1.0.0", "segments": [{ "speaker": "…", "startTime": 0, "endTime": 1.5, "body": "…" }] }';

const FRAGMENT_SECONDS = 2;
const PAUSE_SECONDS = 1.5;

export function parsePodcastJson(json: JsonSource, file: string): ParsedTranscript {
  const data = validate(Transcript, json.data, { file, lineOf: json.lineOf, hint: `a Podcasting 2.0 transcript is ${PODCAST_JSON_SHAPE}` });
  // Each segment keeps its place in the file, for messages, though empty ones are skipped.
  const segments = data.segments.map((seg, i) => ({ ...seg, i })).filter((s) => s.body.trim() !== '');
  if (segments.length === 0) throw new TranscriptError(file, undefined, 'the transcript has no segments with text');
  const line = (i: number) => json.lineOf(['segments', i]);

  const fragments: Fragment[] = [];
  let previousSpeaker: string | undefined;
  for (const [k, seg] of segments.entries()) {
    if (k > 0 && seg.startTime < segments[k - 1]!.startTime) {
      throw new TranscriptError(file, line(seg.i), `segment ${seg.i} starts at ${seg.startTime} s, before the one above it`, 'segments must be in time order');
    }
    const last = fragments.at(-1);
    const speakerChanged = seg.speaker !== undefined && seg.speaker !== previousSpeaker;
    const pause = last && seg.startTime - (last.end ?? last.time) > PAUSE_SECONDS;
    const joins = last && !speakerChanged && !pause && seg.startTime - last.time < FRAGMENT_SECONDS && !/[.!?]["”’)]?$/.test(last.text);
    const words = seg.body.trim().split(/\s+/);
    if (joins) {
      last!.text += ` ${words.join(' ')}`;
      last!.words!.push(...words.map(() => seg.startTime));
      last!.end = seg.endTime ?? seg.startTime;
    } else {
      fragments.push({
        time: seg.startTime,
        end: seg.endTime ?? seg.startTime,
        text: words.join(' '),
        words: words.map(() => seg.startTime),
        turn: speakerChanged,
        line: line(seg.i),
        ...(seg.speaker ?? previousSpeaker ? { speaker: (seg.speaker ?? previousSpeaker)! } : {}),
      });
    }
    if (seg.speaker !== undefined) previousSpeaker = seg.speaker;
  }
  // Times per word only say more than the fragment's own time where segments were merged.
  for (const f of fragments) if (f.words!.every((t) => t === f.time)) delete f.words;
  return transcriptFrom(file, 'podcast-json', fragments);
}
