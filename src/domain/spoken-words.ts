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

/** YouTLDR: the lines after the AI block (or the metadata line) up to the site's footer, timestamps left out. */
function youtldr(text: string): string[] {
  const all = lines(text).map((l) => l.trim());
  const disclaimer = all.findIndex((l) => DISCLAIMER.test(l));
  const start = disclaimer >= 0 ? disclaimer + 1 : all.findIndex((l) => METADATA.test(l)) + 1;
  const footer = all.indexOf(FOOTER, start);
  return all.slice(start, footer < 0 ? undefined : footer).filter((l) => parseClock(l) === undefined).flatMap(tokens);
}

/** The text lines of each cue: the lines after a timing line, up to an empty line. */
function cueBlocks(text: string): string[][] {
  const blocks: string[][] = [];
  let block: string[] | undefined;
  for (const line of lines(text)) {
    if (line.includes('-->')) blocks.push((block = []));
    else if (line === '') block = undefined;
    else block?.push(line);
  }
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

const captions = (text: string): string[] => cueBlocks(text).flatMap((block) => tokens(plain(block.join('\n'))));

/** Rolling captions: per cue, the lines that do not repeat the end of the cue before (a timed line is always new). */
function rolling(text: string): string[] {
  let previous: string[] = [];
  return cueBlocks(text).flatMap((block) => {
    const cue = block.map((l) => ({ text: plain(l).replace(/\s+/g, ' ').trim(), timed: /<\d[\d:.]*>/.test(l) })).filter((l) => l.text !== '');
    let k = repeated(cue.map((l) => l.text), previous);
    while (k > 0 && cue.slice(0, k).some((l) => l.timed)) k--;
    previous = cue.map((l) => l.text);
    return cue.slice(k).flatMap((l) => tokens(l.text));
  });
}

/** Speaker-labelled text: a header line's own words after the header, every other line whole. */
const turns = (shape: Shape) => (text: string): string[] =>
  lines(text).flatMap((line) => {
    if (shape === 'otter' && OTTER_FOOTER.test(line.trim())) return [];
    const h = header(line.replace(/\s+$/, ''), shape);
    return tokens(h ? h.rest : line);
  });

/** The strings at `key` of each entry of `data[list]`. */
function field(text: string, list: string, key: string): string[] {
  const data = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, Array<Record<string, unknown>>>;
  return (data[list] ?? []).flatMap((entry) => (typeof entry[key] === 'string' ? tokens(entry[key]) : []));
}

/** The words of a file in `format`, read the simple way. */
export const SPOKEN: Record<TranscriptFormat, (text: string) => string[]> = {
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
