/** Podcasting 2.0 transcript JSON and chapters JSON, and YouTube's description chapters. */
import { formatClock } from '../time.ts';
import { fragmentEnd } from './cues.ts';
import type { Episode } from '../types.ts';

export function transcriptJson(episode: Episode): string {
  const fragments = episode.source.fragments;
  const segments = fragments.map((f, i) => ({
    ...(f.speaker ? { speaker: f.speaker } : {}),
    startTime: f.time,
    endTime: fragmentEnd(fragments, i),
    body: f.text,
  }));
  return `${JSON.stringify({ version: '1.0.0', segments }, null, 2)}\n`;
}

export function chaptersJson(episode: Episode, sectionUrl: (slug: string) => string): string {
  const chapters = episode.sections.map((s) => ({ startTime: s.start, title: s.title, url: sectionUrl(s.slug) }));
  return `${JSON.stringify({ version: '1.2.0', chapters }, null, 2)}\n`;
}

/** YouTube shows description chapters only if the first is at 0:00, there are ≥ 3, each ≥ 10 s. */
export function youtubeChapters(episode: Episode): string {
  const lines = episode.sections.map((s, i) => `${formatClock(i === 0 ? 0 : s.start)} ${s.title}`);
  const problems: string[] = [];
  if (episode.sections.length < 3) problems.push(`there are ${episode.sections.length} sections and YouTube needs at least 3`);
  const short = episode.sections.filter((s, i) => s.end - (i === 0 ? 0 : s.start) < 10);
  if (short.length) problems.push(`${short.map((s) => `"${s.title}"`).join(', ')} ${short.length === 1 ? 'is' : 'are'} shorter than YouTube's 10 seconds`);
  const note = problems.length
    ? `# These sections cannot be YouTube chapters: ${problems.join('; ')}. YouTube will not show them as chapters.\n`
    : '';
  return `${note}${lines.join('\n')}\n`;
}
