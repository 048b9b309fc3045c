/**
 * WebVTT and SRT transcripts, read with media-captions (Vidstack's parser) and turned into our
 * fragments: one per cue, with the speaker from `<v Name>` voice spans or `Name:` prefixes
 * carried forward until the next one.
 */
import { ParseError, parseText, tokenizeVTTCue, type VTTCue } from 'media-captions';
import { TranscriptError } from '../errors.ts';
import { speakerPrefix } from '../speakers.ts';
import type { Fragment, ParsedTranscript } from '../types.ts';

type Node = { type: string; data?: string; voice?: string; children?: Node[] };

/** Text of a cue's nodes, with each run attributed to the voice it sits in. */
function runs(nodes: Node[], voice: string | undefined, out: Array<{ voice?: string; text: string }>): void {
  for (const node of nodes) {
    if (node.type === 'text') out.push({ ...(voice ? { voice } : {}), text: node.data ?? '' });
    else if (node.children) runs(node.children, node.type === 'v' && node.voice ? node.voice.trim() : voice, out);
  }
}

/** Line numbers of the cue timing lines (`… --> …`), in order: cue k is at timingLines[k]. */
function timingLines(lines: string[]): number[] {
  return lines.flatMap((l, i) => (l.includes('-->') ? [i + 1] : []));
}

export async function parseCaptions(source: string, file: string, format: 'vtt' | 'srt'): Promise<ParsedTranscript> {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const fail = (line: number | undefined, message: string, hint?: string): never => {
    throw new TranscriptError(file, line, message, hint);
  };
  if (text.trim() === '') fail(1, 'the file is empty');
  if (format === 'vtt' && !/^WEBVTT(?:[ \t].*)?$/.test(lines[0]!)) {
    fail(1, `a WebVTT file must start with the line "WEBVTT", found "${lines[0]!.slice(0, 40)}"`, 'add "WEBVTT" as the first line, or rename the file if it is SRT (.srt)');
  }
  let cues: VTTCue[];
  try {
    ({ cues } = await parseText(text, { type: format, strict: true }));
  } catch (error) {
    if (error instanceof ParseError) {
      return fail(error.line, error.message.replace(/ on line \d+$/, ''), format === 'srt' ? 'a time line looks like 00:01:02,500 --> 00:01:05,000' : 'a cue timing looks like 00:01:02.500 --> 00:01:05.000');
    }
    throw error;
  }
  const at = timingLines(lines);
  if (cues.length === 0) fail(undefined, 'no cues found', `is this a ${format === 'vtt' ? 'WebVTT' : 'SRT'} file?`);

  const fragments: Fragment[] = [];
  let speaker: string | undefined;
  cues.forEach((cue, k) => {
    const line = at[k] !== undefined ? at[k]! + 1 : undefined;
    if (cue.text.trim() === '') {
      fail(at[k], `the cue at ${cue.startTime} s has no text`, k === cues.length - 1 ? 'the file may be truncated; export it again' : 'remove the empty cue or give it its words');
    }
    const parts: Array<{ voice?: string; text: string }> = [];
    runs(tokenizeVTTCue(cue) as Node[], undefined, parts);
    // Runs in different voices within one cue become separate fragments at the cue's time.
    const merged: Array<{ voice?: string; text: string }> = [];
    for (const part of parts) {
      const last = merged.at(-1);
      if (last && last.voice === part.voice) last.text += part.text;
      else merged.push({ ...part });
    }
    for (const part of merged) {
      let body = part.text.replace(/\s+/g, ' ').trim();
      if (!body) continue;
      let who = part.voice;
      if (!who) {
        const prefixed = speakerPrefix(body);
        if (prefixed.speaker) ({ speaker: who, text: body } = { speaker: prefixed.speaker, text: prefixed.text });
      }
      const turn = who !== undefined && who !== speaker;
      if (who !== undefined) speaker = who;
      fragments.push({ time: cue.startTime, end: cue.endTime, text: body, turn, line, ...(speaker ? { speaker } : {}) });
    }
  });
  if (fragments.length === 0) fail(undefined, 'the cues hold no text');
  for (let i = 1; i < fragments.length; i++) {
    if (fragments[i]!.time < fragments[i - 1]!.time) {
      fail(fragments[i]!.line, `a cue starts at ${fragments[i]!.time} s, before the cue above it (${fragments[i - 1]!.time} s)`, 'cues must be in time order');
    }
  }
  return transcriptFrom(file, format, fragments);
}

/** The parts every format without YouTLDR's extras has in common. */
export function transcriptFrom(file: string, format: ParsedTranscript['format'], fragments: Fragment[]): ParsedTranscript {
  const last = fragments.at(-1)!;
  return {
    file,
    format,
    title: file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase()),
    metadata: { duration: Math.ceil(last.end ?? last.time) },
    summary: [],
    sections: [],
    keyPoints: [],
    quotes: [],
    fragments,
    turnMarkers: 0,
  };
}
