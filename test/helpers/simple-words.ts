/**
 * The words a reader must find on the pages, taken from the raw fixture files by rules of their
 * own: nothing here comes from src/, so a reader that drops, doubles or misplaces a word cannot
 * pass by agreeing with itself. Speaker labels, `>>` markers and dialogue dashes are markup, not
 * words on the page.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", hellip: '…', mdash: '—', rsquo: '’', nbsp: ' ' };
const entities = (s: string) => s.replace(/&(\w+|#\d+);/g, (all, name: string) => ENTITIES[name] ?? all);
const split = (s: string) => s.split(/\s+/).filter(Boolean);
const lines = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');

/** Caption blocks: the text lines after each timing line. */
function cues(text: string): string[][] {
  return lines(text).join('\n').split(/\n\n+/).flatMap((block) => {
    const rows = block.split('\n');
    const timing = rows.findIndex((r) => r.includes('-->'));
    return timing < 0 ? [] : [rows.slice(timing + 1)];
  });
}

/** Plain WebVTT or SRT: tags, ruby readings and ASS overrides out, `Name:` labels, `>>` and dashes off. */
export function captionWords(text: string, speakers: readonly string[]): string[] {
  return cues(text).flatMap((rows) => {
    const cue = rows.join('\n').replace(/\{\\[^}]*\}/g, '').replace(/<rt>[^<]*(<\/rt>)?/g, '').replace(/<[^<>\n]+>/g, '');
    return cue.split('\n').flatMap((line, i) => {
      let words = split(entities(line));
      if (words[0] === '-' || words[0] === '>>') words = words.slice(1);
      if (i === 0 && words[0] && speakers.includes(words[0].replace(/:$/, '')) && words[0].endsWith(':')) words = words.slice(1);
      return words;
    });
  });
}

/** YouTube's rolling captions: every cue has two lines, and the bottom one holds the new words (blank in between). */
export function rollingWords(text: string): string[] {
  return cues(text).flatMap((rows) => split(entities((rows[1] ?? '').replace(/<[^>]+>/g, ''))).filter((w) => w !== '>>'));
}

/** Whisper-family JSON: the text of each segment. */
export function jsonWords(text: string, list: 'segments' | 'transcription', key: 'text' | 'body' = 'text'): string[] {
  return (JSON.parse(text) as Record<string, Array<Record<string, string>>>)[list]!.flatMap((s) => split(s[key]!));
}

/** Text exports: every line that is not a turn's header (or Otter's footer); `[time] Name:` heads cut off. */
export function textExportWords(text: string): string[] {
  return lines(text).flatMap((line) => {
    if (/^.+ {2}\d+:\d\d {2}$/.test(line) || /^Transcribed by https:\/\/otter\.ai$/.test(line)) return [];
    if (/^[^(]+ \(\d\d:\d\d\):$/.test(line)) return [];
    return split(line.replace(/^\[\d\d:\d\d:\d\d\] [^:]+: /, ''));
  });
}

/** A YouTLDR export: the lines after the metadata line (or the AI block's last line) up to the footer, timestamps out. */
export function youtldrWords(text: string): string[] {
  const all = lines(text).map((l) => l.trim());
  const start = Math.max(all.findIndex((l) => / words · ~\d+ min read/.test(l)), all.findIndex((l) => l.startsWith('AI-generated from the transcript.'))) + 1;
  const end = all.indexOf('More transcripts');
  return all.slice(start, end).filter((l) => !/^\d+:\d\d(:\d\d)?$/.test(l)).flatMap(split).filter((w) => w !== '>>');
}
