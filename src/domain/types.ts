/** What a transcript file says, before any layout decisions. Times are in seconds. */

export type SectionTag = 'watch' | 'optional';

export interface Fragment {
  /** Start time in seconds. */
  time: number;
  /** Text as written in the source, without a leading `>>` turn marker. */
  text: string;
  /** True when the source marks a new speaker's turn here (`>>` in YouTLDR exports). */
  turn: boolean;
  /** 1-based line of the fragment's text in the source file, for error messages. */
  line: number;
}

export interface SectionSource {
  start: number;
  end: number;
  title: string;
  tag: SectionTag;
  summary: string;
  line: number;
}

export interface KeyPointSource {
  title: string;
  explanation: string;
  line: number;
}

export interface QuoteSource {
  text: string;
  speaker: string;
  line: number;
}

export interface EpisodeMetadata {
  /** Duration in seconds. */
  duration: number;
  words: number;
  readingMinutes: number;
  language: string;
  /** ISO date (YYYY-MM-DD) the transcript was made. */
  transcribed: string;
}

export interface ParsedTranscript {
  file: string;
  format: 'youtldr';
  title: string;
  metadata: EpisodeMetadata;
  summary: string[];
  sections: SectionSource[];
  keyPoints: KeyPointSource[];
  quotes: QuoteSource[];
  /** The label the source puts on its AI-written parts. */
  disclaimer: string;
  fragments: Fragment[];
  /** How many `>>` turn markers the source carried (they count as words in YouTLDR's total). */
  turnMarkers: number;
}

/** A reflowed paragraph: consecutive sentences of one speaker turn. */
export interface Paragraph {
  /** Anchor id, `t-<seconds>`; unique within its section page. */
  id: string;
  time: number;
  text: string;
  /** True when the paragraph opens a new speaker turn. */
  turn: boolean;
  /** Character ranges `[start, end)` of pull quotes found in this paragraph. */
  marks?: Array<[number, number]>;
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
  keyPoints: KeyPoint[];
  moments: KeyMoment[];
}

export interface Episode {
  slug: string;
  source: ParsedTranscript;
  sections: Section[];
  keyPoints: KeyPoint[];
  quotes: Quote[];
  warnings: TranscriptWarning[];
}
