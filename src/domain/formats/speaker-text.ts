/**
 * Text exports of transcription services: a header line per turn with the time (and usually the
 * speaker), then what was said. The shapes read:
 * - Otter.ai:            `Emma  0:00  ` (name, two spaces, time), the paragraph on the next lines,
 *                        `Transcribed by https://otter.ai` at the end; without speaker
 *                        identification the header is the time alone;
 * - name, then time:     `Speaker 1 (00:00):`, `Ada Lovelace [01:02:03]`, text on the same line
 *                        after the colon or on the next lines (Rev, Riverside, Zoom and others);
 * - time, then name:     `[00:01:02] Name: text`, `(01:02) text`, `00:01:02 Name: text` (Descript
 *                        and others), one turn per line or with more lines after it.
 * The times become paragraph anchors, the names speaker turns.
 */
import { TranscriptError } from '../errors.ts';
import { speakerPrefix } from '../speakers.ts';
import type { Fragment, ParsedTranscript } from '../types.ts';
import { transcriptFrom } from './transcript.ts';

const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
/** Otter: `Name  0:00  `, or the time alone. */
const OTTER = new RegExp(String.raw`^(?:(.*\S)[ \t]{2,}|\t)?(${CLOCK})[ \t]*$`);
/** `Name (01:02):`, `Name [01:02]`, `Name: (01:02)`, optionally followed by text. */
const NAME_TIME = new RegExp(String.raw`^([^\s()[\]:][^()[\]:]{0,59}?)[ \t]*:?[ \t]*[([](${CLOCK})[)\]][ \t]*(?::[ \t]*(.*))?$`);
/** `[00:01:02] Name: text`, `(01:02) text`, `00:01:02 text`. */
const TIME_FIRST = new RegExp(String.raw`^[([](${CLOCK})[)\]][ \t]*(.*)$|^(${CLOCK})[ \t]+(\S.*)$`);
/** Otter's closing line: the service's name, not a word of the conversation. */
export const OTTER_FOOTER = /^Transcribed by https?:\/\/otter\.ai\/?$/i;

export type Shape = 'otter' | 'name-time' | 'time-first';

interface Header {
  time: number;
  speaker?: string;
  /** Text on the header line itself, after the header. */
  rest: string;
}

/** Seconds for `1:02`, `01:02:03`, `00:01:02.500` or `00:01:02,500`. */
function seconds(clock: string): number {
  const [main, fraction] = clock.split(/[.,]/);
  const parts = main!.split(':').map(Number);
  const whole = parts.reduce((total, n) => total * 60 + n, 0);
  return whole + (fraction ? Number(`0.${fraction}`) : 0);
}

/** The header a line is in `shape`, or undefined. */
export function header(line: string, shape: Shape): Header | undefined {
  // A caption's timing line is not a turn's header, whatever else it looks like.
  if (line.includes('-->')) return undefined;
  if (shape === 'otter') {
    const m = OTTER.exec(line);
    return m ? { time: seconds(m[2]!), ...(m[1] ? { speaker: m[1].trim() } : {}), rest: '' } : undefined;
  }
  if (shape === 'name-time') {
    const m = NAME_TIME.exec(line);
    return m ? { time: seconds(m[2]!), speaker: m[1]!.trim(), rest: (m[3] ?? '').trim() } : undefined;
  }
  const m = TIME_FIRST.exec(line);
  return m ? { time: seconds((m[1] ?? m[3])!), rest: (m[2] ?? m[4] ?? '').trim() } : undefined;
}

/** Which shape a text file's turns have, judged on its first non-blank lines; undefined if none. */
export function speakerTextShape(text: string): Shape | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/, 400).map((l) => l.replace(/\s+$/, '')).filter((l) => l.trim() !== '');
  if (lines.length === 0) return undefined;
  return (['otter', 'name-time', 'time-first'] as const).find((shape) => header(lines[0]!, shape));
}

export function parseSpeakerText(source: string, file: string, shape: Shape | undefined = speakerTextShape(source)): ParsedTranscript {
  if (!shape) throw new TranscriptError(file, 1, 'no turn headers found (like "Name  0:00", "Name (00:00):" or "[00:00:00] Name: text")');
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const fragments: Fragment[] = [];
  let open: { fragment: Fragment; parts: string[] } | undefined;
  let speaker: string | undefined;
  const close = () => {
    if (!open) return;
    open.fragment.text = open.parts.join(' ').replace(/\s+/g, ' ').trim();
    fragments.push(open.fragment);
    open = undefined;
  };
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || (shape === 'otter' && OTTER_FOOTER.test(line))) return;
    const h = header(raw.replace(/\s+$/, ''), shape);
    if (!h) {
      if (!open) {
        // Words before the first header (a title, a note) are kept, at the start.
        open = { fragment: { time: 0, text: '', turn: false, line: i + 1 }, parts: [] };
      }
      open.parts.push(line);
      return;
    }
    close();
    let who = h.speaker;
    let rest = h.rest;
    let label: string | undefined;
    if (shape === 'time-first' && rest) {
      const prefixed = speakerPrefix(rest);
      if (prefixed.speaker) {
        label = rest.slice(0, rest.length - prefixed.text.length).trim();
        who = prefixed.speaker;
        rest = prefixed.text;
      }
    }
    const previous = fragments.at(-1);
    if (previous && h.time < previous.time) {
      throw new TranscriptError(file, i + 1, `this turn starts at ${h.time} s, before the one above it (${previous.time} s)`, 'turns must be in time order');
    }
    const turn = who !== undefined && who !== speaker;
    if (who !== undefined) speaker = who;
    open = {
      fragment: { time: h.time, text: '', turn, line: i + 1, ...(label ? { label } : {}), ...(speaker ? { speaker } : {}) },
      parts: rest ? [rest] : [],
    };
  });
  close();
  const spoken = fragments.filter((f) => f.text !== '' || f.label);
  if (spoken.length === 0) throw new TranscriptError(file, undefined, 'the turns hold no text', 'each header line is followed by what was said');
  return transcriptFrom(file, shape === 'otter' ? 'otter-text' : 'timestamped-text', spoken);
}
