/**
 * What yt-dlp's default file name (`%(title)s [%(id)s].%(ext)s`) says when its `info.json` is
 * missing: the video's title, and its YouTube id, so that every timestamp can still open the
 * video at its moment.
 */

/** A YouTube video id is 11 characters of [A-Za-z0-9_-]; other ids in brackets are left alone. */
const ID_TAIL = /\s*\[([A-Za-z0-9_-]{11})\]$/;

/**
 * yt-dlp writes characters a file name may not hold as their full-width look-alikes
 * (`sanitize_filename`); the title shows the characters the video's title has.
 */
const LOOK_ALIKES: Record<string, string> = { '＂': '"', '＊': '*', '：': ':', '＜': '<', '＞': '>', '？': '?', '｜': '|', '⧸': '/', '⧹': '\\' };

export interface YtDlpName {
  title: string;
  /** The YouTube id from the name's ` [VIDEOID]` tail. */
  id: string;
}

/** `Title： a talk [dQw4w9WgXcQ]` → { title: 'Title: a talk', id: 'dQw4w9WgXcQ' }; any other name → undefined. */
export function ytDlpName(stem: string): YtDlpName | undefined {
  const tail = ID_TAIL.exec(stem);
  if (!tail) return undefined;
  const title = stem.slice(0, tail.index).replace(/[＂＊：＜＞？｜⧸⧹]/g, (c) => LOOK_ALIKES[c]!).trim();
  return title ? { title, id: tail[1]! } : undefined;
}
