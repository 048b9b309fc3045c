/** The files every episode offers for download, beside its overview page. */
export const DOWNLOADS = [
  { file: 'transcript.txt', label: 'Plain text', type: 'text/plain' },
  { file: 'transcript.md', label: 'Markdown', type: 'text/markdown' },
  { file: 'captions.vtt', label: 'Captions (WebVTT)', type: 'text/vtt' },
  { file: 'captions.srt', label: 'Captions (SRT)', type: 'application/x-subrip' },
  { file: 'transcript.json', label: 'Podcasting 2.0 transcript', type: 'application/json' },
  { file: 'chapters.json', label: 'Podcasting 2.0 chapters', type: 'application/json+chapters' },
  { file: 'youtube-chapters.txt', label: 'YouTube chapters', type: 'text/plain' },
] as const;
