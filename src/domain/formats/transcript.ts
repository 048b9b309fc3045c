/** The parts every format without YouTLDR's extras has in common. */
import { episodeName } from '../episode-files.ts';
import type { Fragment, ParsedTranscript, TranscriptWarning } from '../types.ts';

/** A title from the file's name until metadata gives a better one: `ten-things.en.vtt` → "Ten things". */
export function titleFromName(file: string): string {
  return episodeName(file).replace(/[-_]+/g, ' ').trim().replace(/^\p{Ll}/u, (c) => c.toUpperCase()) || 'Untitled';
}

export function transcriptFrom(file: string, format: ParsedTranscript['format'], fragments: Fragment[], warnings: TranscriptWarning[] = []): ParsedTranscript {
  return {
    file,
    format,
    title: titleFromName(file),
    metadata: {},
    summary: [],
    sections: [],
    keyPoints: [],
    quotes: [],
    fragments,
    warnings,
  };
}
