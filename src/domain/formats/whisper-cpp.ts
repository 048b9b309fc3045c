/**
 * whisper.cpp's JSON (`-oj`, or `-ojf` with tokens): `{ …, transcription: [{ timestamps, offsets:
 * { from, to } (milliseconds), text, tokens? }] }`. With tinydiarize (`-tdrz`) a segment says
 * `speaker_turn_next: true` when the next one is another speaker's. With `-ojf`, the tokens that
 * start a word give the words their times.
 */
import { z } from 'zod';
import { TranscriptError } from '../errors.ts';
import type { Fragment, ParsedTranscript } from '../types.ts';
import { validate } from '../validate.ts';
import type { JsonSource } from './json.ts';
import { transcriptFrom } from './transcript.ts';
import { firstOf } from './whisper-json.ts';

const ms = z.number({ error: 'needs a number of milliseconds' }).nonnegative();
const Token = z.object({ text: z.string(), offsets: z.object({ from: ms, to: ms }).optional() });
const Segment = z.object({
  offsets: z.object({ from: ms, to: ms }, { error: 'needs "offsets": { "from": ms, "to": ms }' }),
  text: z.string({ error: 'needs the spoken text as a string' }),
  tokens: z.array(Token).optional(),
  speaker_turn_next: z.boolean().optional(),
});
const WhisperCpp = z.object({
  transcription: z.array(Segment, { error: 'needs a "transcription" array' }),
  result: z.object({ language: z.string().optional() }).optional(),
});

export const WHISPER_CPP_SHAPE = '{ "transcription": [{ "offsets": { "from": 0, "to": 2500 }, "text": " …" }] }';

export const isWhisperCpp = (data: unknown): boolean => {
  const first = firstOf(data, 'transcription');
  return first !== undefined && 'offsets' in first;
};

export function parseWhisperCpp(json: JsonSource, file: string): ParsedTranscript {
  const data = validate(WhisperCpp, json.data, { file, lineOf: json.lineOf, hint: `whisper.cpp's JSON is ${WHISPER_CPP_SHAPE}` });
  const fragments: Fragment[] = [];
  let turnNext = false;
  data.transcription.forEach((seg, i) => {
    const text = seg.text.trim().replace(/\s+/g, ' ');
    const turn = turnNext;
    turnNext = seg.speaker_turn_next === true;
    if (text === '') return;
    const time = seg.offsets.from / 1000;
    const previous = fragments.at(-1);
    const line = json.lineOf(['transcription', i]);
    if (previous && time < previous.time) {
      throw new TranscriptError(file, line, `segment ${i} starts at ${time} s, before the one above it (${previous.time} s)`, 'segments must be in time order');
    }
    const words = wordTimes(text, seg.tokens, time);
    fragments.push({ time, end: seg.offsets.to / 1000, text, turn, line, ...(words ? { words } : {}) });
  });
  if (fragments.length === 0) throw new TranscriptError(file, undefined, 'the transcript has no segments with text');
  const language = data.result?.language;
  return { ...transcriptFrom(file, 'whisper-cpp-json', fragments), metadata: { ...(language ? { language } : {}) } };
}

/**
 * A time per word from whisper.cpp's tokens: a token that starts with a space starts a word.
 * Special tokens (`[_BEG_]`, `[_TT_150]`) are not text. Only used when the tokens spell the text.
 */
function wordTimes(text: string, tokens: z.infer<typeof Token>[] | undefined, start: number): number[] | undefined {
  if (!tokens?.length) return undefined;
  const spoken = tokens.filter((t) => !/^\[_[A-Z]+_?\d*\]$/.test(t.text));
  if (spoken.map((t) => t.text).join('').replace(/\s+/g, ' ').trim() !== text) return undefined;
  const times: number[] = [];
  let last = start;
  let open = false;
  for (const token of spoken) {
    const from = token.offsets ? token.offsets.from / 1000 : last;
    for (const piece of token.text.split(/(\s+)/)) {
      if (piece === '') continue;
      if (/^\s/.test(piece)) open = false;
      else if (!open) {
        last = Math.max(last, from);
        times.push(last);
        open = true;
      }
    }
  }
  return times;
}
