/**
 * The transcript formats this site reads, recognised by what a file holds, not only by its name
 * (a `.txt` may be a YouTLDR export or an Otter.ai one; a `.json` Whisper's or Podcasting 2.0's).
 * Each reader says how its files start, for the one message a file that matches none gets.
 */
import { TranscriptError } from '../errors.ts';
import type { ParsedTranscript, TranscriptFormat } from '../types.ts';
import { normalizeLines, parseCaptions } from './captions.ts';
import { isChapters } from './chapters.ts';
import { readJson, type JsonSource } from './json.ts';
import { parsePodcastJson } from './podcast-json.ts';
import { parseSpeakerText, speakerTextShape } from './speaker-text.ts';
import { isWhisperCpp, parseWhisperCpp } from './whisper-cpp.ts';
import { firstOf, isWhisper, isWhisperX, parseWhisperJson } from './whisper-json.ts';
import { isRolling, parseYoutubeCaptions } from './youtube-captions.ts';
import { isYoutldr, parseYoutldr } from './youtldr.ts';
import { isYtDlpInfo } from './yt-dlp-info.ts';

/** A file's text, and its JSON, parsed once when a reader first asks. */
export interface Input {
  text: string;
  /** The file's name as the user knows it, for messages. */
  file: string;
  json(): JsonSource;
}

export function input(text: string, file: string): Input {
  let json: JsonSource | undefined;
  return { text, file, json: () => (json ??= readJson(text, file)) };
}

export interface Reader {
  format: TranscriptFormat;
  /** As people call it. */
  name: string;
  /** How a file of this format starts, and how to get one. */
  starts: string;
  detect(input: Input): boolean;
  read(input: Input): ParsedTranscript | Promise<ParsedTranscript>;
}

/** JSON: an object, a list, or anything in a `.json` file (so a broken one gets JSON's own message); not `[00:01:02] text`. */
const isJson = (i: Input) => /^\uFEFF?\s*(?:\{|\[(?!\d{1,2}:\d{2}))/.test(i.text.slice(0, 64)) || /\.json$/i.test(i.file);
const isWebVtt = (i: Input) => /^\uFEFF?WEBVTT(?:[ \t\r\n]|$)/.test(i.text);
/** SRT: a cue number, then a timing line with comma decimals. */
const isSrt = (i: Input) => /^\uFEFF?\s*\d+[ \t]*\r?\n\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->/.test(i.text.slice(0, 500));
const shapeOf = (i: Input) => speakerTextShape(i.text);

export const READERS: readonly Reader[] = [
  {
    format: 'youtldr',
    name: 'YouTLDR text export',
    starts: '"Full Transcript", "·YouTLDR", the title, then "58:47 13,171 words · ~66 min read…"',
    detect: (i) => !isJson(i) && isYoutldr(i.text),
    read: (i) => parseYoutldr(i.text, i.file),
  },
  {
    format: 'youtube-captions',
    name: 'YouTube auto-captions',
    starts: '"WEBVTT", "Kind: captions", then rolling cues with word times like "so<00:00:01.234><c> today</c>" (yt-dlp --write-auto-subs)',
    detect: (i) => (isWebVtt(i) || isSrt(i)) && isRolling(normalizeLines(i.text)),
    read: (i) => parseYoutubeCaptions(i.text, i.file, isWebVtt(i) ? 'vtt' : 'srt'),
  },
  {
    format: 'vtt',
    name: 'WebVTT',
    starts: '"WEBVTT", then cues like "00:00:01.000 --> 00:00:04.000" and their text',
    detect: isWebVtt,
    read: (i) => parseCaptions(i.text, i.file, 'vtt'),
  },
  {
    format: 'srt',
    name: 'SRT',
    starts: 'a cue number "1", then "00:00:01,000 --> 00:00:04,000" and the text',
    detect: isSrt,
    read: (i) => parseCaptions(i.text, i.file, 'srt'),
  },
  {
    format: 'otter-text',
    name: 'Otter.ai text export',
    starts: 'a speaker and the time ("Emma  0:00"), then what was said',
    detect: (i) => !isJson(i) && shapeOf(i) === 'otter',
    read: (i) => parseSpeakerText(i.text, i.file, 'otter'),
  },
  {
    format: 'timestamped-text',
    name: 'speaker-labelled text',
    starts: '"Name (00:00):" or "[00:00:00] Name: text" lines (Rev, Descript, Riverside, Zoom and others)',
    detect: (i) => !isJson(i) && (shapeOf(i) === 'name-time' || shapeOf(i) === 'time-first'),
    read: (i) => parseSpeakerText(i.text, i.file, shapeOf(i)),
  },
  {
    format: 'podcast-json',
    name: 'Podcasting 2.0 JSON',
    starts: '{ "version": "1.0.0", "segments": [{ "speaker", "startTime", "endTime", "body" }] }',
    // Any list of segments that is not Whisper's, so a segment missing its startTime gets that message.
    detect: (i) => isJson(i) && firstOf(i.json().data, 'segments') !== undefined && !isWhisper(i.json().data),
    read: (i) => parsePodcastJson(i.json(), i.file),
  },
  {
    format: 'whisperx-json',
    name: 'WhisperX JSON',
    starts: '{ "segments": [{ "start", "end", "text", "speaker": "SPEAKER_00", "words" }], "word_segments" }',
    detect: (i) => isJson(i) && isWhisperX(i.json().data),
    read: (i) => parseWhisperJson(i.json(), i.file),
  },
  {
    format: 'whisper-json',
    name: 'Whisper JSON',
    starts: '{ "text", "segments": [{ "id", "start", "end", "text" }], "language" } (whisper --output_format json, faster-whisper)',
    detect: (i) => isJson(i) && isWhisper(i.json().data),
    read: (i) => parseWhisperJson(i.json(), i.file),
  },
  {
    format: 'whisper-cpp-json',
    name: 'whisper.cpp JSON',
    starts: '{ "systeminfo", "model", "params", "result", "transcription": [{ "timestamps", "offsets", "text" }] } (whisper-cli -oj)',
    detect: (i) => isJson(i) && isWhisperCpp(i.json().data),
    read: (i) => parseWhisperCpp(i.json(), i.file),
  },
];

export const readerFor = (format: TranscriptFormat): Reader => READERS.find((r) => r.format === format)!;

/** The formats and how each starts, as the message for a file that is none of them lists them. */
export const FORMAT_LIST = READERS.map((r) => `${r.name}: ${r.starts}`).join('\n    ');

/**
 * The reader for a file, by its content. A file that is none of them gets one error: the
 * specific one where its extension says what it was meant to be (a `.vtt` without its header),
 * else the list of formats and how each starts.
 */
export function recognise(i: Input, readers: readonly Reader[] = READERS): Reader {
  if (i.text.trim() === '') throw new TranscriptError(i.file, 1, 'the file is empty');
  if (isJson(i)) {
    // Valid JSON or not, a JSON file gets JSON's own message first.
    const data = i.json().data;
    if (isYtDlpInfo(data)) {
      throw new TranscriptError(i.file, undefined, "this is yt-dlp's metadata (an .info.json), not a transcript",
        'name it like its captions, ending in .info.json (talk.info.json beside talk.en.vtt): it then gives that episode its title, date, description, chapters and video link');
    }
    if (isChapters(data)) {
      throw new TranscriptError(i.file, undefined, 'this is a Podcasting 2.0 chapters file, not a transcript',
        'name it like its transcript, ending in .chapters.json (talk.chapters.json beside talk.vtt), or name it in the sidecar: chapters: FILE');
    }
  }
  const found = readers.find((r) => r.detect(i));
  if (found) return found;
  const ext = /\.[^.]+$/.exec(i.file)?.[0]?.toLowerCase();
  const byName = ext === '.vtt' ? 'vtt' : ext === '.srt' ? 'srt' : undefined;
  if (byName) return readers.find((r) => r.format === byName)!;
  throw new TranscriptError(i.file, 1, `not a transcript in a format this site reads`, `the formats read, and how each starts:\n    ${FORMAT_LIST}`);
}

/** Read a transcript file, whatever its format. */
export async function readTranscript(text: string, file: string): Promise<ParsedTranscript> {
  const i = input(text, file);
  return recognise(i).read(i);
}
