/**
 * YouTLDR's "Full Transcript" text export: site chrome, the title, a metadata line, optionally the
 * AI block (summary, section summaries, key points, quotes, a disclaimer), then the transcript as
 * timestamp lines each followed by a ~2-second fragment, `>>` marking a new speaker's turn. Read
 * line by line so every error can name the line it is about.
 */
import { TranscriptError } from '../errors.ts';
import { parseClock } from '../time.ts';
import { TURN_MARKER } from './cue-fragments.ts';
import type {
  EpisodeMetadata,
  Fragment,
  KeyPointSource,
  ParsedTranscript,
  QuoteSource,
  SectionSource,
  SectionTag,
} from '../types.ts';

const CHROME_HEAD = new Set(['Full Transcript', '·YouTLDR']);
const SUMMARY = 'AI Summary';
const SECTIONS = 'Section summaries';
const KEY_POINTS = 'Key points';
export const DISCLAIMER = /^AI-generated from the transcript\..*$/;
export const FOOTER = 'More transcripts';

// `58:4713,171 words · ~66 min readEnglishTranscribed Apr 11, 2026`: the fields are glued
// together, but a clock always ends in two digits of seconds, so the split is unambiguous.
export const METADATA =
  /^(\d+:\d\d(?::\d\d)?)(\d{1,3}(?:,\d{3})+|\d+) words · ~(\d+) min read(.*?)Transcribed ([A-Z][a-z]{2}) (\d{1,2}), (\d{4})$/;
const RANGE = /^(\d+:\d\d(?::\d\d)?)\s*[-–]\s*(\d+:\d\d(?::\d\d)?)$/;
const KEY_POINT = /^•\s*(.+?)\s+[—–]\s+(.+)$/;
// The speaker's name ends a quote line: capitalised words after the quote's last punctuation.
const QUOTE = /^(.*[.!?…"”])\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,4})$/u;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Line {
  text: string;
  /** 1-based line number in the file. */
  n: number;
}

/** Parse a YouTLDR export. `file` is only used in error messages. */
export function parseYoutldr(source: string, file: string): ParsedTranscript {
  const fail = (line: number | undefined, message: string, hint?: string): never => {
    throw new TranscriptError(file, line, message, hint);
  };
  // BOM and CRLF are how Windows editors save; they change nothing about the content.
  const lines: Line[] = source
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((text, i) => ({ text: text.trim(), n: i + 1 }))
    .filter((l) => l.text !== '');
  if (lines.length === 0) fail(1, 'the file is empty', 'export the transcript again from YouTLDR');

  let i = 0;
  const peek = () => lines[i]?.text;
  while (i < lines.length && CHROME_HEAD.has(lines[i]!.text)) i++;

  const titleLine = lines[i++] ?? fail(undefined, 'the file ends before the title');
  const metaLine = lines[i++] ?? fail(undefined, 'the file ends before the metadata line');
  const metadata = parseMetadata(metaLine, fail);
  // An export of the transcript alone goes straight from the metadata to the first timestamp.
  const aiBlock = peek() !== undefined && parseClock(peek()!) === undefined;

  const summary: string[] = [];
  if (peek() === SUMMARY) {
    i++;
    while (i < lines.length && ![SECTIONS, KEY_POINTS].includes(peek()!) && !DISCLAIMER.test(peek()!)) {
      summary.push(lines[i++]!.text);
    }
  }

  const sections: SectionSource[] = [];
  if (peek() === SECTIONS) {
    i++;
    while (i < lines.length && RANGE.test(peek()!)) {
      const range = lines[i]!;
      const [title, tag, text] = [lines[i + 1], lines[i + 2], lines[i + 3]];
      if (!title || !tag || !text) {
        fail(range.n, 'a section summary is cut short', 'each section needs a range, a title, a tag and a summary line');
      }
      const m = RANGE.exec(range.text)!;
      if (tag!.text !== 'watch' && tag!.text !== 'optional') {
        fail(tag!.n, `section tag "${tag!.text}" is neither "watch" nor "optional"`, 'use "watch" or "optional"');
      }
      sections.push({
        start: parseClock(m[1]!)!,
        end: parseClock(m[2]!)!,
        title: title!.text,
        tag: tag!.text as SectionTag,
        summary: text!.text,
        origin: 'ai',
        line: range.n,
      });
      i += 4;
    }
  }

  const keyPoints: KeyPointSource[] = [];
  const quotes: QuoteSource[] = [];
  if (peek() === KEY_POINTS) {
    i++;
    while (i < lines.length && !DISCLAIMER.test(peek()!)) {
      const line = lines[i++]!;
      const point = KEY_POINT.exec(line.text);
      if (point) {
        keyPoints.push({ title: point[1]!, explanation: point[2]!, line: line.n });
        continue;
      }
      const quote = QUOTE.exec(line.text);
      if (!quote) {
        fail(line.n, 'expected a key point ("• Title — explanation") or a quote ending with its speaker\'s name');
      }
      quotes.push({ text: quote![1]!, speaker: quote![2]!, line: line.n });
    }
  }

  const disclaimerLine = aiBlock ? lines[i] : undefined;
  if (aiBlock) {
    if (!disclaimerLine || !DISCLAIMER.test(disclaimerLine.text)) {
      fail(disclaimerLine?.n, `expected "AI-generated from the transcript. May contain errors." before the transcript`);
    }
    i++;
  }

  const fragments: Fragment[] = [];
  while (i < lines.length && peek() !== FOOTER) {
    const stamp = lines[i++]!;
    const time = parseClock(stamp.text);
    if (time === undefined) {
      fail(stamp.n, `expected a timestamp (m:ss or h:mm:ss), found "${clip(stamp.text)}"`);
    }
    const previous = fragments.at(-1);
    if (previous && time! < previous.time) {
      fail(stamp.n, `timestamp ${stamp.text} goes back in time (the previous fragment is at ${previous.time} s)`,
        'fragments must be in time order');
    }
    const body: Line[] = [];
    while (i < lines.length && peek() !== FOOTER && parseClock(peek()!) === undefined) body.push(lines[i++]!);
    if (body.length === 0) {
      fail(stamp.n, `timestamp ${stamp.text} has no text after it`, 'the file may be truncated; export it again');
    }
    let text = body.map((l) => l.text).join(' ');
    const turn = text === TURN_MARKER || text.startsWith(`${TURN_MARKER} `);
    if (turn) text = text.slice(TURN_MARKER.length).trim();
    fragments.push({ time: time!, text, turn, line: body[0]!.n, ...(turn ? { label: TURN_MARKER } : {}) });
  }
  if (fragments.length === 0) fail((disclaimerLine ?? metaLine).n, 'the transcript has no timestamped text after this line');

  return {
    file,
    format: 'youtldr',
    title: titleLine.text,
    metadata,
    summary,
    sections,
    keyPoints,
    quotes,
    ...(disclaimerLine ? { disclaimer: disclaimerLine.text } : {}),
    fragments,
    warnings: [],
    metadataLine: metaLine.n,
  };
}

function parseMetadata(line: Line, fail: (line: number, message: string, hint?: string) => never): Required<EpisodeMetadata> {
  const m = METADATA.exec(line.text);
  if (!m) {
    return fail(line.n, `expected the metadata line ("58:4713,171 words · ~66 min readEnglishTranscribed Apr 11, 2026"), found "${clip(line.text)}"`);
  }
  const month = MONTHS.indexOf(m[5]!);
  if (month < 0) fail(line.n, `unknown month "${m[5]}" in the transcription date`);
  return {
    duration: parseClock(m[1]!)!,
    words: Number(m[2]!.replaceAll(',', '')),
    readingMinutes: Number(m[3]),
    language: m[4]!.trim(),
    date: `${m[7]}-${String(month + 1).padStart(2, '0')}-${m[6]!.padStart(2, '0')}`,
  };
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Whether a text file is a YouTLDR export: its site chrome, or its metadata line near the top. */
export function isYoutldr(text: string): boolean {
  const head = text.replace(/^\uFEFF/, '').split(/\r?\n/, 40).map((l) => l.trim()).filter(Boolean).slice(0, 6);
  return head.some((l) => CHROME_HEAD.has(l) || METADATA.test(l));
}
