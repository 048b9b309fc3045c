/**
 * What the files around a transcript add to it. Field by field, the sidecar (`NAME.yml`) wins over
 * yt-dlp's metadata (`NAME.info.json`), which wins over what the transcript itself says.
 * Sections: the sidecar's, else a chapters file's, else the transcript's own, else yt-dlp's
 * chapters; without any, episode.ts finds them (as the sidecar's `autoSections` asks).
 */
import { episodeEnd } from './episode-end.ts';
import type { Chapter } from './formats/chapters.ts';
import type { EpisodeInfo } from './formats/yt-dlp-info.ts';
import type { Sidecar } from './sidecar.ts';
import type { ParsedTranscript } from './types.ts';

export interface Metadata {
  sidecar?: Sidecar | undefined;
  /** A Podcasting 2.0 chapters file's chapters (the sidecar's `chapters:` or `NAME.chapters.json`). */
  chapters?: Chapter[] | undefined;
  info?: EpisodeInfo | undefined;
  /** The language code in the transcript's file name (`talk.de.vtt`). */
  language?: string | undefined;
}

export function applyMetadata(parsed: ParsedTranscript, { sidecar: s, chapters, info, language }: Metadata = {}): ParsedTranscript {
  const out: ParsedTranscript = { ...parsed, metadata: { ...parsed.metadata } };
  if (language) out.metadata.language = language;
  if (info) {
    if (info.title) out.title = info.title;
    if (info.description) out.description = info.description;
    if (info.channel) out.channel = info.channel;
    if (info.media) out.media = info.media;
    if (info.date) out.metadata.date = info.date;
    if (info.duration) out.metadata.duration = Math.max(info.duration, out.metadata.duration ?? 0);
    if (info.language && !language) out.metadata.language = info.language;
  }
  if (s) {
    if (s.title) out.title = s.title;
    if (s.description) out.description = s.description;
    if (s.channel) out.channel = s.channel;
    if (s.slug) out.slug = s.slug;
    if (s.media) out.media = s.media;
    if (s.date) out.metadata.date = s.date;
    if (s.language) out.metadata.language = s.language;
    if (s.keyPoints) out.keyPoints = s.keyPoints.map((k, i) => ({ ...k, line: s.lines[`keyPoints.${i}`] }));
    if (s.quotes) out.quotes = s.quotes.map((q, i) => ({ ...q, line: s.lines[`quotes.${i}`] }));
  }
  const end = episodeEnd(out);
  const ending = <T extends { start: number }>(list: T[]) => list.map((x, i) => ({ ...x, end: list[i + 1]?.start ?? end }));
  if (s?.sections) {
    const sorted = s.sections.map((sec, i) => ({ ...sec, line: s.lines[`sections.${i}`] })).sort((a, b) => a.start - b.start);
    out.sections = ending(sorted).map((sec) => ({ start: sec.start, end: sec.end, title: sec.title, ...(sec.tag ? { tag: sec.tag } : {}), summary: sec.summary ?? '', origin: 'author' as const, line: sec.line }));
  } else if (chapters?.length) {
    out.sections = ending(chapters);
  } else if (out.sections.length === 0 && info?.chapters) {
    out.sections = ending(info.chapters);
  }
  out.fragments = nameSpeakers(out.fragments, s?.speakers);
  if (s?.autoSections || s?.autoTitles) out.automatic = { mode: s.autoSections ?? 'topics', ...(s.autoTitles ? { titles: s.autoTitles } : {}) };
  return out;
}

/** Diarization's labels (`SPEAKER_00`), shown as people read them when the sidecar names nobody. */
const DIARIZED = /^SPEAKER_(\d+)$/;

/**
 * Give names to speakers: labels the transcript uses (`names`), turns in order (`turns`), or
 * an alternation (`alternate`); the start is the first turn. Diarization labels left unnamed
 * read "Speaker 1", "Speaker 2".
 */
function nameSpeakers(fragments: ParsedTranscript['fragments'], speakers: Sidecar['speakers']): ParsedTranscript['fragments'] {
  let turn = 0;
  return fragments.map((f, i) => {
    if (i > 0 && f.turn) turn++;
    const label = f.speaker !== undefined ? DIARIZED.exec(f.speaker) : null;
    const shown = label ? `Speaker ${Number(label[1]) + 1}` : f.speaker;
    // A label is named as the file writes it or as the page shows it: SPEAKER_00 or Speaker 1.
    const named = f.speaker !== undefined ? (speakers?.names?.[f.speaker] ?? speakers?.names?.[shown!]) : undefined;
    const name = named ?? (speakers?.turns ? speakers.turns[turn] : speakers?.alternate?.[turn % speakers.alternate.length]);
    if (name) return { ...f, speaker: name };
    return shown === f.speaker ? f : { ...f, speaker: shown! };
  });
}
