#!/usr/bin/env node
/**
 * `npm run build`: transcripts in content/ → MDX → Astro → Pagefind → dist/.
 * The site is built into a temporary folder and swapped in only when every step succeeded, so a
 * failed build never damages the previous dist/.
 */
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { TranscriptError } from '../src/domain/errors.ts';
import type { Episode } from '../src/domain/types.ts';
import checkHtml from '../src/integrations/check-html.ts';
import { loadEpisode, transcriptFiles, writeMdx } from './lib/generate.ts';

const HELP = `Usage: npm run build -- [options]

Builds the site from the transcripts in the content folder.

Options:
  --content DIR   folder of transcripts (default: content)
  --out DIR       where the site is written (default: dist)
  --base PATH     serve the site under this path, e.g. /podcast/ (default: /)
  --site URL      the site's public URL, for canonical links
  -h, --help      show this help`;

const root = path.resolve(import.meta.dirname, '..');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'dist' },
      base: { type: 'string' },
      site: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const started = performance.now();
  const contentDir = path.resolve(values.content);
  const outDir = path.resolve(values.out);
  const generated = path.resolve(root, process.env.TRANSCRIPT_SITE_GENERATED ?? 'src/generated');
  process.env.TRANSCRIPT_SITE_GENERATED = generated;

  const episodes: Episode[] = [];
  for (const file of await transcriptFiles(contentDir)) {
    const episode = await loadEpisode(file, path.relative(process.cwd(), file));
    const { source } = episode;
    console.log(
      `parsed ${path.basename(file)}: ${source.format}, ${episode.sections.length} sections, ` +
        `${source.fragments.length} fragments, ${source.metadata.words - source.turnMarkers} words → /${episode.slug}/`,
    );
    episodes.push(episode);
  }
  const files = await writeMdx(episodes, generated);
  console.log(`wrote ${files} MDX files in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const staging = `${outDir}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const { build } = await import('astro');
  try {
    await build({
      root,
      outDir: staging,
      ...(values.base ? { base: values.base } : {}),
      ...(values.site ? { site: values.site } : {}),
      integrations: [checkHtml(episodes)],
    });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await swap(staging, outDir);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`built ${episodes.length} episode(s) into ${path.relative(process.cwd(), outDir) || '.'}/ in ${seconds} s`);
  return 0;
}

/** Replace `target` by `staging` with two renames, so `target` is never half-written. */
async function swap(staging: string, target: string): Promise<void> {
  const old = `${target}.old-${process.pid}`;
  const exists = await stat(target).then(() => true, () => false);
  if (exists) await rename(target, old);
  await rename(staging, target);
  if (exists) await rm(old, { recursive: true, force: true });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof TranscriptError) {
      console.error(`error: ${error.format()}`);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
