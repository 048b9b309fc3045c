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

/** A YouTube URL's video id, or undefined for other media. */
export function youtubeId(url: string): string | undefined {
  return YOUTUBE.exec(url)?.[1];
}

/** A YouTube video's address, from its id. */
export const youtubeWatchUrl = (id: string): string => `https://www.youtube.com/watch?v=${id}`;

/** The media at second `t`: YouTube's `t=` parameter, or a Media Fragments `#t=` for files. */
export function mediaAt(url: string, t: number): string {
  const seconds = Math.max(0, Math.floor(t));
  const id = youtubeId(url);
  if (id) return `${youtubeWatchUrl(id)}&t=${seconds}s`;
  return `${url.replace(/#.*$/, '')}#t=${seconds}`;
}
