/** content/ → episodes → MDX files. Everything before Astro runs. */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildEpisode } from '../../src/domain/episode.ts';
import { TranscriptError } from '../../src/domain/errors.ts';
import type { Episode } from '../../src/domain/types.ts';
import { parseYoutldr } from '../../src/domain/youtldr.ts';
import { overviewTree, sectionTree } from './mdx-pages.ts';
import { serializeMdx } from './mdx-serialize.ts';

/**
 * What pages need besides the MDX: every paragraph's start (for the moment resolver) and every
 * speaker turn's first words (for the section contents). Data, rendered by Astro with escaping.
 */
export function timelineData(episode: Episode) {
  return {
    episode: episode.slug,
    sections: episode.sections.map((s) => ({
      section: s.slug,
      paragraphs: s.paragraphs.map((p) => [p.time, p.id] as const),
      turns: s.paragraphs.filter((p, i) => p.turn || i === 0).map((p) => [p.time, p.id, firstWords(p.text)] as const),
    })),
  };
}

function firstWords(text: string, count = 8): string {
  const words = text.split(/\s+/);
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : text;
}

const PARSERS: Array<{ suffix: string; parse: (text: string, file: string) => ReturnType<typeof parseYoutldr> }> = [
  { suffix: '.youtldr.txt', parse: parseYoutldr },
];

/** Transcript files in `dir`, sorted so output never depends on directory order. */
export async function transcriptFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw new TranscriptError(dir, undefined, 'the content folder does not exist', 'create it and put transcripts in it, or pass --content DIR');
  }
  const files = names.filter((n) => PARSERS.some((p) => n.endsWith(p.suffix))).sort();
  if (files.length === 0) {
    throw new TranscriptError(dir, undefined, 'no transcripts found', `add files ending in ${PARSERS.map((p) => p.suffix).join(', ')}`);
  }
  return files.map((n) => path.join(dir, n));
}

export async function loadEpisode(file: string, shownAs: string): Promise<Episode> {
  const parser = PARSERS.find((p) => file.endsWith(p.suffix))!;
  const bytes = await readFile(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new TranscriptError(shownAs, undefined, 'the file is not valid UTF-8 text', 'save it as UTF-8');
  }
  return buildEpisode(parser.parse(text, shownAs));
}

/** Write every episode's MDX into `outDir`, replacing what was there. */
export async function writeMdx(episodes: readonly Episode[], outDir: string): Promise<number> {
  await rm(outDir, { recursive: true, force: true });
  let files = 0;
  for (const episode of episodes) {
    const dir = path.join(outDir, episode.slug);
    await mkdir(path.join(dir, 'sections'), { recursive: true });
    await writeFile(path.join(dir, 'index.mdx'), serializeMdx(overviewTree(episode), `${episode.slug} overview`));
    await writeFile(path.join(dir, 'timeline.json'), `${JSON.stringify(timelineData(episode))}\n`);
    files++;
    for (const section of episode.sections) {
      const name = `${String(section.index + 1).padStart(2, '0')}-${section.slug}.mdx`;
      await writeFile(path.join(dir, 'sections', name), serializeMdx(sectionTree(episode, section), `${episode.slug}/${section.slug}`));
      files++;
    }
  }
  return files;
}
