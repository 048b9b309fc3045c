/**
 * Synthetic libraries for the benchmark: N copies of the bundled episode, each with a sidecar that
 * gives it its own title, slug, date and a YouTube video. Same words everywhere, so a difference between sizes is
 * the cost of more episodes and nothing else.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes `count` episodes into `<dir>/content` and returns that folder. */
export function writeLibrary(source: string, dir: string, count: number): string {
  const content = path.join(dir, 'content');
  mkdirSync(content, { recursive: true });
  for (let i = 1; i <= count; i++) {
    const name = `copy-${String(i).padStart(3, '0')}`;
    copyFileSync(source, path.join(content, `${name}.youtldr.txt`));
    // The sidecar, not an edited title line: the transcript stays byte-identical to the bundled one,
    // and the slug is given outright rather than hoping a derived one stays unique.
    writeFileSync(path.join(content, `${name}.yml`), sidecar(i));
  }
  return content;
}

function sidecar(i: number): string {
  // One day apart, going back from 2026-04-11, so the library's newest-first order is well defined.
  const date = new Date(Date.UTC(2026, 3, 11) - (i - 1) * 86_400_000).toISOString().slice(0, 10);
  return [
    `title: "Episode ${i} — OpenAI’s Chief Scientist on Continual Learning Hype, RL Beyond Code, & Future Alignment Directions"`,
    `slug: episode-${i}`,
    // On YouTube, as most of the episodes this site is made for: pages carry the player's facade.
    'media: https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    `date: ${date}`,
    '',
  ].join('\n');
}
