/**
 * The `transcript-site` command, run by cli.ts. `build` (what `npm run build` runs): transcripts in content/ →
 * MDX → Astro → Pagefind → dist/.
 * The site is built into a temporary folder and swapped in only when every step succeeded, so a
 * failed build never damages the previous dist/.
 */
import { copyFile, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { TranscriptError } from '../domain/errors.ts';
import { loadSiteConfig } from '../domain/site-config.ts';
import { isChapters, parseChapters } from '../domain/formats/chapters.ts';
import { FORMAT_LIST, readerFor } from '../domain/formats/index.ts';
import { readJson } from '../domain/formats/json.ts';
import { isYtDlpInfo, parseYtDlpInfo } from '../domain/formats/yt-dlp-info.ts';
import { decodeText } from '../domain/decode-text.ts';
import { nameFile } from '../domain/episode-files.ts';
import { parseSidecar } from '../domain/sidecar.ts';
import { CORRECTIONS_FILE, parseCorrections } from '../domain/corrections.ts';
import { writeLlmsTxt } from './prepare/downloads.ts';
import { checkSlugs, episodeOf, findEpisodes, loadCorrections, loadEpisode } from './library/library.ts';
import { episodeWords } from '../domain/reading.ts';
import { finishSite } from './finish/finish-site.ts';
import { prepareLibrary } from './prepare/prepare-library.ts';
import { downloadsDir, wordsFile } from './prepare/prepare-episode.ts';
import { renderer as makeRenderer } from './render/render.ts';
import { privateRoot, type PrivateRoot } from './render/private-root.ts';
import { devServer } from './dev.ts';
import { report, reported } from './progress.ts';
import { EpisodeCache, codeVersion } from './prepare/episode-cache.ts';
import { removeLater, removeLeftovers } from './processes.ts';

const HELP = `transcript-site: turn transcripts into a searchable, linkable static site.

Usage:
  transcript-site build [options]     build the site (same as: npm run build -- [options])
  transcript-site dev [options]       serve the site while you edit it (same as: npm run dev)
  transcript-site check FILE…         parse and validate transcripts and sidecars without building
  transcript-site --help              show this help

Build options:
  --content DIR   folder of transcripts (default: content)
  --out DIR       where the site is written (default: dist)
  --base PATH     serve the site under this path, e.g. /podcast/ (default: from transcript-site.yml, or /)
  --site URL      the site's public URL, for canonical links, sitemap and RSS (default: from transcript-site.yml)
  --no-cache      prepare every episode afresh (by default, episodes unchanged since the last
                  build come from node_modules/.cache/transcript-site/episodes)
  --cache-dir DIR keep that cache somewhere else
  --verbose       show Astro's own messages while it renders

Dev options:
  --content DIR   folder of transcripts (default: content)
  --port N        port to serve on (default: 4321)
  --host HOST     address to serve on (default: localhost)

Formats, recognised by content: YouTube auto-captions with yt-dlp's NAME.info.json, YouTLDR text
exports, WebVTT, SRT, Podcasting 2.0 JSON, Whisper, WhisperX and whisper.cpp JSON, Otter.ai and
other speaker-labelled text exports. The files of an episode share a stem (talk.en.vtt,
talk.info.json, talk.yml). Problems are printed as file:line: message.`;

const root = path.resolve(import.meta.dirname, '..', '..');

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(HELP);
    return command === undefined ? 1 : 0;
  }
  if (command === 'check') return check(rest);
  if (command === 'dev') return devCommand(rest);
  if (command !== 'build') {
    console.error(`error: unknown command "${command}"\n\n${HELP}`);
    return 1;
  }
  return buildSite(rest);
}

/** Parse every file given (transcripts and sidecars); report every problem; exit 1 on errors. */
async function check(files: string[]): Promise<number> {
  if (files.length === 0) {
    console.error('error: name the files to check, e.g. transcript-site check content/*');
    return 1;
  }
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const name = path.relative(process.cwd(), path.resolve(file)) || file;
    try {
      const text = () => readFile(file).then((bytes) => decodeText(bytes, name));
      const role = path.basename(file) === CORRECTIONS_FILE ? 'corrections' : nameFile(path.basename(file)).role;
      if (role === 'corrections') {
        console.log(`${name}: ok (${parseCorrections(await text(), name).length} corrections)`);
        continue;
      }
      if (role === 'sidecar') {
        parseSidecar(await text(), name);
        console.log(`${name}: ok (sidecar)`);
        continue;
      }
      if (role === 'metadata' || role === 'chapters' || (role === 'transcript' && file.endsWith('.json'))) {
        // Metadata and chapters are recognised by what they hold, whatever their name.
        const json = readJson(await text(), name);
        if (isYtDlpInfo(json.data) || role === 'metadata') {
          const info = parseYtDlpInfo(json, name);
          console.log(`${name}: ok (yt-dlp metadata${info.title ? `: "${info.title}"` : ''}, ${info.chapters?.length ?? 0} chapters)`);
          continue;
        }
        if (isChapters(json.data) || role === 'chapters') {
          console.log(`${name}: ok (chapters, ${parseChapters(json, name).length} listed)`);
          continue;
        }
      }
      if (role !== 'transcript') {
        throw new TranscriptError(name, undefined, 'not a transcript in a format this site reads', `the formats read, and how each starts:\n    ${FORMAT_LIST}`);
      }
      const episode = await loadEpisode(await episodeOf(file));
      for (const w of episode.warnings) {
        warnings++;
        console.log(`${w.file}${w.line ? `:${w.line}` : ''}: warning: ${w.message}`);
      }
      console.log(`${name}: ok (${readerFor(episode.source.format).name}, ${episode.sections.length} sections, ${episode.source.fragments.length} fragments, ${episodeWords(episode)} words)`);
    } catch (error) {
      if (!(error instanceof TranscriptError)) throw error;
      errors++;
      console.log(error.format());
    }
  }
  console.log(`${files.length} file(s) checked: ${errors} with errors, ${warnings} warning(s)`);
  return errors > 0 ? 1 : 0;
}

/** A mistake on the command line: said in one line with the help, never as a stack trace. */
class UsageError extends Error {}

/** The options `parse` reads, or its complaint as a UsageError. */
function usage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function buildOptions(args: string[]) {
  return usage(() =>
    parseArgs({
      args,
      options: {
        content: { type: 'string', default: 'content' },
        out: { type: 'string', default: 'dist' },
        base: { type: 'string' },
        site: { type: 'string' },
        cache: { type: 'boolean', default: true },
        'cache-dir': { type: 'string' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
      allowNegative: true,
    }).values,
  );
}

async function devCommand(args: string[]): Promise<number> {
  const values = usage(() =>
    parseArgs({
      args,
      options: {
        content: { type: 'string', default: 'content' },
        port: { type: 'string', default: '4321' },
        host: { type: 'string', default: 'localhost' },
        'cache-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values,
  );
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a port number, not "${values.port}"`);
  await devServer({ root, content: path.resolve(values.content), cacheDir: cacheDirOf(values['cache-dir']), host: values.host, port });
  return 0;
}

/** The episode cache's folder: the one given, or under node_modules/.cache. */
const cacheDirOf = (given: string | undefined) => path.resolve(given ?? path.join(root, 'node_modules', '.cache', 'transcript-site', 'episodes'));

async function buildSite(args: string[]): Promise<number> {
  const values = buildOptions(args);
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const started = performance.now();
  // This build's own Astro root and generated folder (private-root.ts explains why).
  const run = privateRoot(root);
  try {
    return await buildIn(run, values, started);
  } finally {
    run.remove();
  }
}

async function buildIn(run: PrivateRoot, values: ReturnType<typeof buildOptions>, started: number): Promise<number> {
  const { generated } = run;
  const siteConfig = loadSiteConfig(root);
  const contentDir = path.resolve(values.content);
  const outDir = path.resolve(values.out);

  const rules = await loadCorrections(contentDir);
  const urls = {
    base: values.base ?? siteConfig.base,
    site: values.site ?? siteConfig.site,
    title: siteConfig.title,
    description: siteConfig.description,
  };
  // Astro may load while the last episodes are prepared. If the build fails before it renders,
  // this process exits and the Astro process, its IPC channel closed, stops too.
  const renderer = makeRenderer(run.dir);
  const library = await findEpisodes(contentDir, siteConfig.language);
  for (const file of library.orphans) report({ type: 'orphan', file });
  // Episodes prepared by an earlier build, unchanged since, come from the cache (episode-cache.ts).
  const cache = values.cache ? new EpisodeCache(cacheDirOf(values['cache-dir']), await codeVersion(root), urls) : undefined;
  const { summaries: episodes, fromCache } = await prepareLibrary({
    jobs: library.episodes,
    rules,
    generated,
    urls,
    cache,
    onEpisode: (summary) => report({ type: 'episode', summary }),
    onIdleCore: renderer.start,
    onUnkept: (file, reason) => report({ type: 'cache-unwritable', file, reason }),
  });
  if (cache) report({ type: 'cache', hits: fromCache, prepared: episodes.length - fromCache });
  checkSlugs(episodes);
  rules.forEach((rule, i) => {
    const made = episodes.reduce((n, e) => n + e.counts[i]!, 0);
    const where = `${path.relative(process.cwd(), path.join(contentDir, CORRECTIONS_FILE))}:${rule.line ?? ''}`;
    report({ type: 'correction', from: rule.from, to: rule.to, where, made });
  });
  const mdxFiles = episodes.reduce((n, e) => n + e.sections.length + 1, 0);
  report({ type: 'prepared', mdxFiles, seconds: (performance.now() - started) / 1000 });

  const staging = `${outDir}.tmp-${process.pid}`;
  // Staging folders of builds that were killed.
  const prefix = `${path.basename(outDir)}.`;
  removeLeftovers(path.dirname(outDir), (name) => (name.startsWith(prefix) ? /^(?:tmp|old)-(\d+)$/.exec(name.slice(prefix.length))?.[1] : undefined));
  await rm(staging, { recursive: true, force: true });
  try {
    const astroStarted = performance.now();
    report({ type: 'astro-start' });
    await renderer.render({
      root: run.dir,
      publicDir: path.join(root, 'public'),
      outDir: staging,
      ...(values.base ? { base: values.base } : {}),
      ...(values.site ? { site: values.site } : {}),
      sitemap: Boolean(values.site && !siteConfig.site),
      verbose: Boolean(values.verbose),
    });
    report({ type: 'astro-done', seconds: (performance.now() - astroStarted) / 1000 });
    await finishSite(staging, episodes.map((e) => ({ slug: e.slug, sections: e.sections.map((s) => s.slug), words: wordsFile(generated, e.slug) })), report);
    // The downloads were written with each episode; they join the site beside its overview.
    let downloads = 1;
    for (const e of episodes) {
      for (const name of await readdir(downloadsDir(generated, e.slug))) {
        await copyFile(path.join(downloadsDir(generated, e.slug), name), path.join(staging, e.slug, name));
        downloads++;
      }
    }
    await writeLlmsTxt(episodes, staging, urls);
    report({ type: 'downloads', files: downloads });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await swap(staging, outDir);
  const files = await readdir(outDir, { recursive: true, withFileTypes: true });
  const pages = files.filter((f) => f.isFile() && f.name.endsWith('.html')).length;
  let bytes = 0;
  for (const f of files) if (f.isFile()) bytes += (await stat(path.join(f.parentPath, f.name))).size;
  report({ type: 'built', episodes: episodes.length, pages, bytes, seconds: (performance.now() - started) / 1000, out: path.relative(process.cwd(), outDir) || '.' });
  return 0;
}

/** Replace `target` by `staging` with two renames, so `target` is never half-written. */
async function swap(staging: string, target: string): Promise<void> {
  const old = `${target}.old-${process.pid}`;
  const exists = await stat(target).then(() => true, () => false);
  if (exists) await rename(target, old);
  await rename(staging, target);
  if (exists) removeLater([old]);
}

main(process.argv.slice(2)).then(
  // Every progress event reaches a listening parent before the process ends.
  async (code) => {
    await reported();
    process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof TranscriptError) {
      console.error(`error: ${error.format()}`);
    } else if (error instanceof UsageError) {
      console.error(`error: ${error.message}\n\n${HELP}`);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
