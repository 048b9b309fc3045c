/**
 * Whisper's JSON, as its family writes it:
 * - openai-whisper (`--output_format json`) and faster-whisper front ends (whisper-ctranslate2):
 *   `{ text, segments: [{ id, start, end, text, words?: [{ word, start, end, probability }] }], language }`;
 * - WhisperX: the same segments with a `speaker` (`SPEAKER_00`), words with `score` and their own
 *   `speaker`, and words it could not align (numbers, symbols) without times;
 * - whisper.cpp (`-oj`, `-ojf`): `{ transcription: [{ offsets: { from, to } (ms), text, tokens? }] }`,
 *   and `speaker_turn_next` where tinydiarize (`-tdrz`) heard the speaker change.
 * One fragment per segment (split where WhisperX's words change speaker), each word at its time.
 */
import { z } from 'zod';
import { TranscriptError } from '../errors.ts';
import type { Fragment, ParsedTranscript } from '../types.ts';
import { validate } from '../validate.ts';
import type { JsonSource } from './json.ts';
import { transcriptFrom } from './transcript.ts';

const seconds = z.number({ error: 'needs a number of seconds' }).nonnegative();
const Word = z.object({
  word: z.string({ error: 'needs the word as text' }),
  start: seconds.nullish(),
  end: seconds.nullish(),
  speaker: z.string().nullish(),
});
const Segment = z.object({
  start: seconds,
  end: seconds,
  text: z.string({ error: 'needs the spoken text as a string' }),
  speaker: z.string().nullish(),
  words: z.array(Word).nullish(),
});
const Whisper = z.object({ segments: z.array(Segment, { error: 'needs a "segments" array' }), language: z.string().nullish() });

export const WHISPER_SHAPE = '{ "segments": [{ "start": 0.0, "end": 2.5, "text": " …", "words": [{ "word": " …", "start": 0.0, "end": 0.4 }] }] }';

/** Whether parsed JSON is Whisper's (openai, faster-whisper or WhisperX): segments with `start` and `text`. */
export function isWhisper(data: unknown): boolean {
  const first = firstOf(data, 'segments');
  return first !== undefined && 'start' in first && 'text' in first;
}

/** WhisperX, rather than plain Whisper: it names speakers, scores its words, or lists them apart. */
export function isWhisperX(data: unknown): boolean {
  if (!isWhisper(data)) return false;
  const segments = (data as { segments: Array<Record<string, unknown>> }).segments;
  const words = segments.find((s) => Array.isArray(s.words) && s.words.length)?.words as Array<Record<string, unknown>> | undefined;
  return 'word_segments' in (data as object) || segments.some((s) => typeof s.speaker === 'string') || (words?.some((w) => 'score' in w) ?? false);
}

/** The first element of `data[key]`, when that is a non-empty array of objects. */
export function firstOf(data: unknown, key: string): Record<string, unknown> | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const list = (data as Record<string, unknown>)[key];
  const first = Array.isArray(list) ? list[0] : undefined;
  return first !== null && typeof first === 'object' && !Array.isArray(first) ? (first as Record<string, unknown>) : undefined;
}

export function parseWhisperJson(json: JsonSource, file: string): ParsedTranscript {
  const data = validate(Whisper, json.data, { file, lineOf: json.lineOf, hint: `Whisper's JSON is ${WHISPER_SHAPE}` });
  const format = isWhisperX(json.data) ? 'whisperx-json' : 'whisper-json';
  const fragments: Fragment[] = [];
  let speaker: string | undefined;
  data.segments.forEach((seg, i) => {
    const text = seg.text.trim().replace(/\s+/g, ' ');
    if (text === '') return;
    const line = json.lineOf(['segments', i]);
    const previous = fragments.at(-1);
    if (previous && seg.start < previous.time) {
      throw new TranscriptError(file, line, `segment ${i} starts at ${seg.start} s, before the one above it (${previous.time} s)`, 'segments must be in time order');
    }
    for (const part of speakerParts(text, seg)) {
      const who = part.speaker ?? undefined;
      const turn = who !== undefined && who !== speaker;
      if (who !== undefined) speaker = who;
      fragments.push({
        time: part.times?.[0] ?? seg.start,
        end: seg.end,
        text: part.text,
        turn,
        line,
        ...(part.times ? { words: part.times } : {}),
        ...(speaker ? { speaker } : {}),
      });
    }
  });
  if (fragments.length === 0) throw new TranscriptError(file, undefined, 'the transcript has no segments with text');
  return { ...transcriptFrom(file, format, fragments), metadata: { ...(data.language ? { language: data.language } : {}) } };
}

type Seg = z.infer<typeof Segment>;

/**
 * The segment's text with a time per word, cut where its words change speaker. Word times are
 * used only when the words are the text's words (Whisper's `words` may merge or split them
 * differently); a word WhisperX could not align takes the time of the word before it.
 */
function speakerParts(text: string, seg: Seg): Array<{ text: string; times?: number[]; speaker?: string | null | undefined }> {
  const tokens = text.split(' ');
  const words = seg.words ?? [];
  const aligned = words.length > 0 && words.map((w) => w.word.trim()).filter(Boolean).join(' ') === text;
  if (!aligned) return [{ text, speaker: seg.speaker }];
  const listed = words.filter((w) => w.word.trim() !== '');
  const times: number[] = [];
  let last = seg.start;
  for (const w of listed) {
    last = Math.max(last, w.start ?? last);
    // One listed word may hold several tokens ("e. g."): each takes its time.
    for (let n = w.word.trim().split(/\s+/).length; n > 0; n--) times.push(last);
  }
  const speakers = listed.flatMap((w) => w.word.trim().split(/\s+/).map(() => w.speaker ?? seg.speaker));
  const parts: Array<{ text: string; times: number[]; speaker?: string | null | undefined }> = [];
  tokens.forEach((token, k) => {
    const who = speakers[k] ?? seg.speaker;
    const open = parts.at(-1);
    if (open && open.speaker === who) {
      open.text += ` ${token}`;
      open.times.push(times[k]!);
    } else {
      parts.push({ text: token, times: [times[k]!], speaker: who });
    }
  });
  return parts;
}
