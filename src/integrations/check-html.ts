/**
 * The last word on "nothing lost": reads the built section pages back and compares the words of
 * their transcripts, in order, with the source fragments (as prepared in `words.json` per episode,
 * read one episode at a time). It sees what a reader sees, so it also catches anything the Markdown
 * renderer might have rewritten or swallowed.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parse } from 'node-html-parser';
import { tokens } from '../domain/invariants.ts';

export async function transcriptWords(file: string): Promise<string[]> {
  const html = parse(await readFile(file, 'utf8'));
  // A correction's <del> keeps the transcript's original words for the reader; they are not
  // the published text, which is the corrected one.
  for (const del of html.querySelectorAll('.para del')) del.remove();
  return html.querySelectorAll('.para > p').flatMap((p) => tokens(p.text));
}

/** `episodes`: each episode's slug and the words.json written for it. */
export default function checkHtml(episodes: ReadonlyArray<{ slug: string; words: string }>): AstroIntegration {
  return {
    name: 'transcript-site:check-html',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const site = fileURLToPath(dir);
        let words = 0;
        for (const episode of episodes) {
          const expected = JSON.parse(await readFile(episode.words, 'utf8')) as { file: string; sections: Record<string, string[]> };
          for (const [section, want] of Object.entries(expected.sections)) {
            const got = await transcriptWords(path.join(site, episode.slug, section, 'index.html'));
            const k = want.findIndex((w, i) => got[i] !== w);
            if (k >= 0 || got.length !== want.length) {
              const at = k >= 0 ? k : Math.min(got.length, want.length);
              throw new Error(
                `${expected.file}: the page ${episode.slug}/${section}/ shows ${got.length} words of ${want.length}; ` +
                  `first difference at word ${at + 1}: expected "${want[at] ?? ''}", page has "${got[at] ?? ''}"`,
              );
            }
            words += got.length;
          }
        }
        console.log(`check: every transcript word is on its page (${words} words, ${episodes.length} episodes)`);
      },
    },
  };
}
