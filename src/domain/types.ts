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
}

export interface Episode {
  slug: string;
  source: ParsedTranscript;
  sections: Section[];
  keyPoints: KeyPoint[];
}
