/**
 * The files an episode can offer for download, beside its overview page. Which of them a site
 * writes is the `downloads` setting (src/domain/site-config.ts): every one is a byte cost per
 * episode, and a channel's archive meets the hosts' size and file limits through them first
 * (the README's "Downloads" and "Size and file budgets").
 */
export const DOWNLOADS = [
  { file: 'transcript.txt', label: 'Plain text', type: 'text/plain' },
  { file: 'transcript.md', label: 'Markdown', type: 'text/markdown' },
  { file: 'captions.vtt', label: 'Captions (WebVTT)', type: 'text/vtt' },
  { file: 'captions.srt', label: 'Captions (SRT)', type: 'application/x-subrip' },
  { file: 'transcript.json', label: 'Podcasting 2.0 transcript', type: 'application/json' },
  { file: 'chapters.json', label: 'Podcasting 2.0 chapters', type: 'application/json+chapters' },
  { file: 'youtube-chapters.txt', label: 'YouTube chapters', type: 'text/plain' },
] as const;

export type DownloadFile = (typeof DOWNLOADS)[number]['file'];

export const DOWNLOAD_FILES = DOWNLOADS.map((d) => d.file) as [DownloadFile, ...DownloadFile[]];

/**
 * What a site writes unless its settings say otherwise: the captions every player and podcast app
 * reads, and the chapters podcast apps show (1 KB). The Podcasting 2.0 namespace's transcript
 * guide names WebVTT the format to offer "if you can only support one"; the words themselves are
 * on the pages. Each other file is one setting away (`downloads:` in transcript-site.yml).
 */
export const DEFAULT_DOWNLOADS: readonly DownloadFile[] = ['captions.vtt', 'chapters.json'];

/** The downloads of a site, in the order readers see them. */
export const downloadsOf = (files: readonly DownloadFile[]) => DOWNLOADS.filter((d) => files.includes(d.file));
