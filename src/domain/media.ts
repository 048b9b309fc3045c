/** Links into an episode's audio or video at a given second. */

export type MediaKind = 'youtube' | 'audio' | 'video' | 'other';

const YOUTUBE = /^https?:\/\/(?:www\.|m\.)?(?:youtube\.com\/(?:watch\?(?:.*&)?v=|embed\/|shorts\/|live\/)|youtu\.be\/)([\w-]{6,})/i;

export function mediaKind(url: string): MediaKind {
  if (YOUTUBE.test(url)) return 'youtube';
  const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(url)?.[1]?.toLowerCase();
  if (ext && ['mp3', 'm4a', 'aac', 'ogg', 'oga', 'opus', 'wav', 'flac'].includes(ext)) return 'audio';
  if (ext && ['mp4', 'm4v', 'webm', 'mov', 'ogv'].includes(ext)) return 'video';
  return 'other';
}

const TYPES: Record<string, string> = {
  mp3: 'audio/mpeg', m4a: 'audio/mp4', aac: 'audio/aac', ogg: 'audio/ogg', oga: 'audio/ogg', opus: 'audio/opus', wav: 'audio/wav', flac: 'audio/flac',
  mp4: 'video/mp4', m4v: 'video/mp4', webm: 'video/webm', mov: 'video/quicktime', ogv: 'video/ogg',
};

/** An audio or video file's MIME type, from its extension (for a feed's enclosure), or undefined. */
export function mediaType(url: string): string | undefined {
  const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(url)?.[1]?.toLowerCase();
  return ext ? TYPES[ext] : undefined;
}

/** A YouTube URL's video id, or undefined for other media. */
export function youtubeId(url: string): string | undefined {
  return YOUTUBE.exec(url)?.[1];
}

/** A YouTube video's address, from its id. */
export const youtubeWatchUrl = (id: string): string => `https://www.youtube.com/watch?v=${id}`;

/**
 * The media at second `t`: YouTube's share link (`youtu.be/<id>?t=`, 20 bytes shorter than the
 * watch address), or a Media Fragments `#t=` for files. It ends with the second: the page's script
 * makes each paragraph's ▶ from the section's link by swapping it (src/browser/paragraph-tools.ts).
 */
export function mediaAt(url: string, t: number): string {
  const seconds = Math.max(0, Math.floor(t));
  const id = youtubeId(url);
  if (id) return `https://youtu.be/${id}?t=${seconds}`;
  return `${url.replace(/#.*$/, '')}#t=${seconds}`;
}

const CODES = ['en', 'es', 'fr', 'de', 'it', 'pt', 'nl', 'sv', 'da', 'no', 'nb', 'fi', 'pl', 'cs', 'sk', 'hu', 'ro', 'el', 'tr', 'ru', 'uk', 'ar', 'he', 'fa', 'hi', 'bn', 'ur', 'ja', 'zh', 'ko', 'vi', 'th', 'id', 'ms', 'tl', 'sw', 'ca', 'eu', 'gl', 'hr', 'sr', 'sl', 'bg', 'lt', 'lv', 'et', 'is', 'ga', 'cy'];
const named = new Intl.DisplayNames('en', { type: 'language' });
const BY_NAME = new Map(CODES.map((code) => [named.of(code)!.toLowerCase(), code]));

/**
 * A language as feeds name it (a BCP 47 code, "en", "pt-BR"): a code is kept, an English name
 * ("English", as some exports write it) becomes its code; undefined when it is neither.
 */
export function languageCode(language: string): string | undefined {
  const trimmed = language.trim();
  if (/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/i.test(trimmed)) return trimmed;
  return BY_NAME.get(trimmed.toLowerCase());
}
