/** What a transcript file says, before any layout decisions. Times are in seconds. */
import type { EpisodeTerm } from './topic-index/episode-terms.ts';

export type SectionTag = 'watch' | 'optional';

export interface Fragment {
  /** Start time in seconds (fractions allowed; anchors use whole seconds). */
  time: number;
  /** End time in seconds, where the format gives one. */
  end?: number;
  /** Who speaks, where the format or the sidecar says. */
  speaker?: string;
  /** Text as written in the source, without the markup in `label`. */
  text: string;
  /**
   * Words of the source that the reader took as markup, not speech, just before `text`: a `>>`
   * turn marker, a `Name:` speaker prefix. Kept so "every word read once" can be checked against
   * the source (see spoken.ts).
   */
  label?: string;
  /** Start of each word of `text` (as `tokens` splits it), where the source times its words. */
  words?: number[];
  /** True when the source marks a new speaker's turn here (`>>`, a new voice or name). */
  turn: boolean;
  /** 1-based line of the fragment's text in the source file, for error messages. */
  line: number | undefined;
}

/**
 * Where a section's bounds, title and summary come from: an AI summary tool (YouTLDR), the author
 * (a sidecar, chapters), the transcript's own words (topics found automatically), or the clock
 * (plain parts, titled by their time range).
 */
export type SectionOrigin = 'ai' | 'author' | 'topics' | 'parts';

export interface SectionSource {
  start: number;
  end: number;
  title: string;
  /** Watch/optional, where the source judges it; absent for chapters and automatic parts. */
  tag?: SectionTag;
  summary: string;
  origin: SectionOrigin;
  line: number | undefined;
}

export interface KeyPointSource {
  title: string;
  explanation: string;
  line: number | undefined;
}

export interface QuoteSource {
  text: string;
  speaker: string;
  line: number | undefined;
}

export interface EpisodeMetadata {
  /** Duration in seconds, where the source states one (see `episodeEnd` for the episode's end). */
  duration?: number;
  /** The word count the source states, if it states one (checked against the fragments). */
  words?: number;
  readingMinutes?: number;
  language?: string;
  /** ISO date (YYYY-MM-DD) of the episode or its transcript. */
  date?: string;
}

export type TranscriptFormat =
  | 'youtldr'
  | 'vtt'
  | 'srt'
  | 'youtube-captions'
  | 'podcast-json'
  | 'whisper-json'
  | 'whisperx-json'
  | 'whisper-cpp-json'
  | 'otter-text'
  | 'timestamped-text';

export interface ParsedTranscript {
  file: string;
  format: TranscriptFormat;
  title: string;
  /** The author's own description (sidecar, yt-dlp metadata); the AI summary's first sentence stands in otherwise. */
  description?: string;
  /** Who published it: a YouTube channel, a podcast (from yt-dlp metadata or the sidecar). */
  channel?: string;
  /** Preferred URL slug (from the sidecar). */
  slug?: string;
  /** The episode's audio or video: a YouTube URL or a media file URL (from the sidecar). */
  media?: string;
  metadata: EpisodeMetadata;
  summary: string[];
  sections: SectionSource[];
  keyPoints: KeyPointSource[];
  quotes: QuoteSource[];
  /** The label the source puts on its AI-written parts. */
  disclaimer?: string;
  fragments: Fragment[];
  /** What the reader noticed but could read past (an empty cue, a skipped caption language). */
  warnings: TranscriptWarning[];
  /** How to divide the episode when no source gives sections, and titles for them (the sidecar's). */
  automatic?: { mode: 'topics' | 'parts'; titles?: string[] };
  /** Line of the metadata line (YouTLDR), for messages about it. */
  metadataLine?: number;
}

/** A reflowed paragraph: consecutive sentences of one speaker turn. */
export interface Paragraph {
  /** Anchor id, `t-<seconds>`; unique within its section page. */
  id: string;
  time: number;
  text: string;
  /** True when the paragraph opens a new speaker turn. */
  turn: boolean;
  speaker?: string;
  /** Character ranges `[start, end)` of pull quotes found in this paragraph. */
  marks?: Array<[number, number]>;
  /** Corrected spans `[start, end, n]`, n indexing the episode's `corrections`. */
  fixes?: Array<[number, number, number]>;
}

/** A salient sentence from the transcript itself (extracted, not AI-written). */
export interface KeyMoment {
  text: string;
  /** Anchor of the paragraph it is in. */
  id: string;
  time: number;
}

/** Something worth telling the user that does not stop the build. */
export interface TranscriptWarning {
  file: string;
  line: number | undefined;
  message: string;
}

export interface Quote extends QuoteSource {
  /** Where it was said: section slug and paragraph anchor; absent when not found. */
  at?: { section: string; id: string };
}

export interface KeyPoint extends KeyPointSource {
  /** Slug of the section whose text matches this point best. */
  section: string;
}

export interface Section extends SectionSource {
  slug: string;
  index: number;
  /** Indices into the episode's fragments: [first, last + 1). */
  fragmentRange: [number, number];
  paragraphs: Paragraph[];
  /** Indices of the paragraphs that open its pages 2, 3… (section-pages.ts): decided once, here. */
  pageStarts: number[];
  keyPoints: KeyPoint[];
  moments: KeyMoment[];
  /** For a section that came without a summary: whether its title was extracted too (topics, not the sidecar's), and the summary's sentences. */
  extracted?: { title: boolean; summary: KeyMoment[] };
}

export interface Episode {
  slug: string;
  source: ParsedTranscript;
  sections: Section[];
  keyPoints: KeyPoint[];
  quotes: Quote[];
  warnings: TranscriptWarning[];
  /** The original words of each corrected span (see corrections.ts), in order. */
  corrections: string[];
  /**
   * True when the file had no punctuation and its sentences were found (sentences/punctuate.ts):
   * the paragraphs show capitals and closing marks the file does not have.
   */
  sentencesFound?: boolean;
  /** For episodes whose topics were found automatically: the most central of their summaries' sentences. */
  summary?: Array<KeyMoment & { section: string }>;
  /** Its candidates for the archive's index of names and topics (topic-index/episode-terms.ts). */
  terms: EpisodeTerm[];
}
