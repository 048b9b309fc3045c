/** The parts every format without YouTLDR's extras has in common. */
import { episodeName } from '../episode-files.ts';
import type { Fragment, ParsedTranscript, TranscriptWarning } from '../types.ts';
import { youtubeWatchUrl } from '../media.ts';
import { ytDlpName } from './yt-dlp-name.ts';

/**
 * A title from the file's name until metadata gives a better one: `ten-things.en.vtt` → "Ten
 * things"; a name as yt-dlp writes it keeps its title as written, without the ` [VIDEOID]` tail.
 */
export function titleFromName(file: string): string {
  const name = episodeName(file);
  return ytDlpName(name)?.title ?? (name.replace(/[-_]+/g, ' ').trim().replace(/^\p{Ll}/u, (c) => c.toUpperCase()) || 'Untitled');
}

export function transcriptFrom(file: string, format: ParsedTranscript['format'], fragments: Fragment[], warnings: TranscriptWarning[] = []): ParsedTranscript {
  // yt-dlp's `info.json` or a sidecar, when there is one, gives the video's own address instead.
  const video = ytDlpName(episodeName(file));
  return {
    file,
    format,
    title: titleFromName(file),
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
