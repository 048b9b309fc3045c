/** The parts every format without YouTLDR's extras has in common. */
import { episodeName } from '../episode-files.ts';
import type { Fragment, ParsedTranscript, TranscriptWarning } from '../types.ts';
import { youtubeWatchUrl } from '../media.ts';
import { ytDlpName } from './yt-dlp-name.ts';

/** A title from a file's name until metadata gives a better one: `ten-things` → "Ten things". */
const titleOf = (name: string): string => name.replace(/[-_]+/g, ' ').trim().replace(/^\p{Ll}/u, (c) => c.toUpperCase()) || 'Untitled';

export function transcriptFrom(file: string, format: ParsedTranscript['format'], fragments: Fragment[], warnings: TranscriptWarning[] = []): ParsedTranscript {
  const name = episodeName(file);
  // A name as yt-dlp writes it (`Title [VIDEOID]`) keeps its title as written, and gives the video;
  // yt-dlp's `info.json` or a sidecar, when there is one, has the last word on both.
  const video = ytDlpName(name);
  return {
    file,
    format,
    title: video?.title ?? titleOf(name),
    ...(video ? { media: youtubeWatchUrl(video.id) } : {}),
    metadata: {},
    summary: [],
    sections: [],
    keyPoints: [],
    quotes: [],
    fragments,
    warnings,
  };
}
