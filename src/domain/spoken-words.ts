/**
 * A second reading of every transcript file, deliberately simple and written apart from the
 * readers in formats/: it walks the raw lines (or the raw JSON) and keeps every word that is
 * not structure (timings, cue numbers, tags, headers), speaker labels and `>>` markers included.
 * The build compares it with what the reader produced (invariants.ts `checkReading`): a reader
 * that drops, doubles or reorders a line fails the build, which the count of the reader's own
 * output could never show. It shares with the readers only the small definitions of what a tag,
 * a turn header or a repeated caption line is.
 */
import { decodeHTMLStrict } from 'entities';
import { parseClock } from './time.ts';
import { tokens } from './invariants.ts';
import type { TranscriptFormat } from './types.ts';
import { OVERRIDE } from './formats/cue-markup.ts';
import { header, OTTER_FOOTER, type Shape } from './formats/speaker-text.ts';
import { repeated } from './formats/youtube-captions.ts';
import { DISCLAIMER, FOOTER, METADATA } from './formats/youtldr.ts';

const lines = (text: string) => text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);

/** A word of the file and the line it is on (where the simple reading can tell). */
export type SpokenWord = [word: string, line: number | undefined];
const on = (text: string, line: number | undefined): SpokenWord[] => tokens(text).map((w) => [w, line]);

/** YouTLDR: the lines after the AI block (or the metadata line) up to the site's footer, timestamps left out. */
function youtldr(text: string): SpokenWord[] {
  const all = lines(text).map((l) => l.trim());
  const disclaimer = all.findIndex((l) => DISCLAIMER.test(l));
  const start = disclaimer >= 0 ? disclaimer + 1 : all.findIndex((l) => METADATA.test(l)) + 1;
  const footer = all.indexOf(FOOTER, start);
  return all.slice(start, footer < 0 ? undefined : footer).flatMap((l, i) => (parseClock(l) === undefined ? on(l, start + i + 1) : []));
}

/** The text lines of each cue, with their line numbers: the lines after a timing line, up to an empty line. */
function cueBlocks(text: string): Array<Array<{ text: string; line: number }>> {
  const blocks: Array<Array<{ text: string; line: number }>> = [];
  let block: Array<{ text: string; line: number }> | undefined;
  lines(text).forEach((line, i) => {
    if (line.includes('-->')) blocks.push((block = []));
    else if (line === '') block = undefined;
    else block?.push({ text: line, line: i + 1 });
  });
  return blocks;
}

/** Cue text without its markup: override blocks, ruby readings, tags and word times; entities decoded. */
function plain(cue: string): string {
  return cue
    .replace(OVERRIDE, '')
    .replace(/<rt\b[^>]*>[\s\S]*?(?:<\/rt>|(?=<\/ruby>)|$)/g, '')
    .replace(/<\/?[A-Za-z][^<>\n]*>|<[\d:.]+>/g, '')
    .replace(/&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/g, (e) => decodeHTMLStrict(e));
}

/** A cue's words, each on its line (markup can span lines, so the cue is cleaned whole). */
function cueWords(block: ReadonlyArray<{ text: string; line: number }>): SpokenWord[] {
  const cleaned = plain(block.map((l) => l.text).join('\n')).split('\n');
  return cleaned.flatMap((text, i) => on(text, block[cleaned.length === block.length ? i : 0]?.line));
}

const captions = (text: string): SpokenWord[] => cueBlocks(text).flatMap(cueWords);

/** Rolling captions: per cue, the lines that do not repeat the end of the cue before (a timed line is always new). */
function rolling(text: string): SpokenWord[] {
  let previous: string[] = [];
  return cueBlocks(text).flatMap((block) => {
    const cue = block.map((l) => ({ text: plain(l.text).replace(/\s+/g, ' ').trim(), timed: /<\d[\d:.]*>/.test(l.text), line: l.line })).filter((l) => l.text !== '');
    let k = repeated(cue.map((l) => l.text), previous);
    while (k > 0 && cue.slice(0, k).some((l) => l.timed)) k--;
    previous = cue.map((l) => l.text);
    return cue.slice(k).flatMap((l) => on(l.text, l.line));
  });
}

/** Speaker-labelled text: a header line's own words after the header, every other line whole. */
const turns = (shape: Shape) => (text: string): SpokenWord[] =>
  lines(text).flatMap((line, i) => {
    if (shape === 'otter' && OTTER_FOOTER.test(line.trim())) return [];
    const h = header(line.replace(/\s+$/, ''), shape);
    return on(h ? h.rest : line, i + 1);
  });

/** The strings at `key` of each entry of `data[list]` (JSON does not tell lines without a second parse). */
function field(text: string, list: string, key: string): SpokenWord[] {
  const data = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, Array<Record<string, unknown>>>;
  return (data[list] ?? []).flatMap((entry) => (typeof entry[key] === 'string' ? on(entry[key], undefined) : []));
}

/** The words of a file in `format`, read the simple way. */
export const SPOKEN: Record<TranscriptFormat, (text: string) => SpokenWord[]> = {
  'youtldr': youtldr,
  'vtt': captions,
  'srt': captions,
  'youtube-captions': rolling,
  'podcast-json': (t) => field(t, 'segments', 'body'),
  'whisper-json': (t) => field(t, 'segments', 'text'),
  'whisperx-json': (t) => field(t, 'segments', 'text'),
  'whisper-cpp-json': (t) => field(t, 'transcription', 'text'),
  'otter-text': turns('otter'),
  'timestamped-text': (t) => turns(header(firstLine(t), 'name-time') ? 'name-time' : 'time-first')(t),
};

function firstLine(text: string): string {
  return lines(text).find((l) => l.trim() !== '')?.replace(/\s+$/, '') ?? '';
}
