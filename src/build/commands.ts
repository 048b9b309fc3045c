/**
 * The `transcript-site` command, run by cli.ts. `build` (what `npm run build` runs): transcripts in
 * content/ → MDX → Astro, shard by shard → Pagefind → dist/. `build --shard K/N` and `join` split
 * the same work over machines.
 * The site is built into a temporary folder and swapped in only when every step succeeded, so a
 * failed build never damages the previous dist/.
 */
import { passedLimits } from '../domain/host-limits.ts';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { TranscriptError } from '../domain/errors.ts';
import { parseDownloads } from '../domain/site-config.ts';
import { DEFAULT_DOWNLOADS, DOWNLOAD_FILES } from '../domain/exports/index.ts';
import { GROUP_SIZE, SHARD_SIZE } from '../domain/shard-sizes.ts';
import { FolderCache, filesBelow, sha256 } from './cache/folder-cache.ts';
import { codeHash, PAGE_CODE, PREPARE_CODE } from './cache/code-version.ts';
import { check } from './check.ts';
import { devServer } from './dev.ts';
import { readInputs, readLibrary, shown, type Library } from './library/library.ts';
import { EpisodeCache } from './prepare/episode-cache.ts';
import { removeLater, removeLeftovers } from './processes.ts';
import { report, reported } from './progress.ts';
import { scratch as makeScratch, type Scratch } from './render/private-root.ts';
import { overridesOf, resolveSettings, type Settings } from './settings.ts';
import { buildPart, type Caches } from './shards/build-part.ts';
import { joinParts, siteWidePages, type Part, type SiteWide } from './shards/join.ts';
import type { CatalogEntry } from '../contract/frontmatter.ts';
import { MANIFEST, PART_FORMAT, readManifest, type PartManifest } from './shards/manifest.ts';
import { groupsOfPart, planShards } from './shards/plan.ts';

const HELP = `transcript-site: turn transcripts into a searchable, linkable static site.

Usage:
  transcript-site build [options]     build the site (same as: npm run build -- [options])
  transcript-site dev [options]       serve the site while you edit it (same as: npm run dev)
  transcript-site check FILE…         parse and validate transcripts and sidecars without building
  transcript-site build --shard K/N --out DIR
                                      build part K of N of the site on one machine (see join)
  transcript-site join --out DIST DIR…
                                      put the N parts together into the site
  transcript-site --help              show this help

Build options:
  --content DIR   folder of transcripts (default: content)
  --out DIR       where the site is written (default: dist)
  --base PATH     serve the site under this path, e.g. /podcast/ (default: from transcript-site.yml, or /)
  --site URL      the site's public URL, for canonical links, sitemap and RSS (default: from transcript-site.yml)
  --shard K/N     build only part K of N (for a build split over N machines); --out gets the part
  --shard-size N  episodes one Astro process renders at most (default: shardSize in
                  transcript-site.yml, else ${SHARD_SIZE})
  --index-size N  episodes one search index holds at most (default: indexSize, else ${GROUP_SIZE})
  --downloads L   the files each episode offers: all, none, or names separated by commas, like
                  transcript.txt,captions.vtt,captions.srt (default: downloads in
                  transcript-site.yml, else ${DEFAULT_DOWNLOADS.join(',')})
  --no-cache      prepare and render everything afresh (by default, what is unchanged since the
                  last build comes from node_modules/.cache/transcript-site)
  --cache-dir DIR keep that cache somewhere else
  --verbose       show Astro's own messages while it renders

Join options:
  --out DIR       where the site is written (default: dist)
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
  if (command === 'check') return check(rest, resolveSettings(root, {}).language);
  if (command === 'dev') return devCommand(rest);
  if (command === 'join') return joinCommand(rest);
  if (command !== 'build') {
    console.error(`error: unknown command "${command}"\n\n${HELP}`);
    return 1;
  }
  return buildCommand(rest);
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
        shard: { type: 'string' },
        'shard-size': { type: 'string' },
        'index-size': { type: 'string' },
        downloads: { type: 'string' },
        cache: { type: 'boolean', default: true },
        'cache-dir': { type: 'string' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
      allowNegative: true,
    }).values,
  );
}

/** `--shard 2/8` → { k: 2, n: 8 }. */
function shardOption(text: string): { k: number; n: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const [k, n] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!(n >= 1 && k >= 1 && k <= n)) throw new UsageError(`--shard takes K/N with 1 ≤ K ≤ N, like 2/8, not "${text}"`);
  return { k, n };
}

/** `--downloads all`, `none`, or file names separated by commas. */
function downloadsOption(text: string): Settings['downloads'] {
  const files = parseDownloads(text);
  if (!files) throw new UsageError(`--downloads takes all, none, or file names separated by commas (${DOWNLOAD_FILES.join(', ')}), not "${text}"`);
  return files;
}

/** A size given on the command line: a whole number from 1. */
function sizeOption(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} takes a whole number of episodes, like 100, not "${text}"`);
  return n;
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
  await devServer({ root, content: path.resolve(values.content), cacheDir: path.join(cacheDirOf(values['cache-dir']), 'episodes'), host: values.host, port });
  return 0;
}

/** The caches' folder: the one given, or under node_modules/.cache. */
const cacheDirOf = (given: string | undefined) => path.resolve(given ?? path.join(root, 'node_modules', '.cache', 'transcript-site'));

async function buildCommand(args: string[]): Promise<number> {
  const values = buildOptions(args);
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const part = values.shard === undefined ? undefined : shardOption(values.shard);
  const started = performance.now();
  const settings = resolveSettings(root, {
    base: values.base,
    site: values.site,
    shardSize: sizeOption('--shard-size', values['shard-size']),
    indexSize: sizeOption('--index-size', values['index-size']),
    downloads: values.downloads === undefined ? undefined : downloadsOption(values.downloads),
  });
  const outDir = path.resolve(values.out);
  const scratch = makeScratch(root, settings);
  try {
    const library = await readLibrary(values.content, settings.language);
    for (const file of library.orphans) report({ type: 'orphan', file });
    const code = await codeHash(root, PAGE_CODE);
    const cacheDir = cacheDirOf(values['cache-dir']);
    const caches: Caches | undefined = values.cache
      ? {
          episodes: new EpisodeCache(path.join(cacheDir, 'episodes'), await codeHash(root, PREPARE_CODE), settings),
          shards: new FolderCache(path.join(cacheDir, 'shards')),
          groups: new FolderCache(path.join(cacheDir, 'groups')),
        }
      : undefined;
    const plan = planShards(library.episodes.map((e) => e.name), { shardSize: settings.shardSize, groupSize: settings.indexSize });
    const { k, n } = part ?? { k: 1, n: 1 };
    const groups = groupsOfPart(plan, k, n);
    report({ type: 'plan', episodes: library.episodes.length, shards: plan.reduce((s, g) => s + g.shards.length, 0), groups: plan.length, shardSize: settings.shardSize, indexSize: settings.indexSize, part: part ?? null, own: groups.reduce((s, g) => s + g.shards.length, 0) });
    // A library of one shard renders its site-wide pages beside it: two Astro processes of that
    // size fit the memory a larger library's one shard takes.
    let early: Promise<SiteWide> | undefined;
    const single = !part && plan.length === 1 && plan[0]!.shards.length === 1;
    const onPrepared = (catalog: CatalogEntry[]) => {
      if (!single) return;
      early = siteWidePages({ root, scratch, settings, verbose: values.verbose }, catalog);
      early.catch(() => {});
    };
    const ctx = { root, scratch, library, settings, code, caches, verbose: values.verbose, onPrepared };
    // A part is built into a staging folder beside its target; a whole site, into the scratch folder first.
    const partDir = part ? staging(outDir) : path.join(scratch.dir, 'part');
    await mkdir(partDir, { recursive: true });
    try {
      const result = await buildPart(ctx, groups, partDir);
      if (caches && !part) {
        // The caches keep what this build used: an old shard would never be asked for again.
        await caches.shards.prune(new Set(result.kept.shards));
        await caches.groups.prune(new Set(result.kept.groups));
      }
      const manifest: PartManifest = {
        format: PART_FORMAT,
        part: { k, n },
        code,
        settings,
        library: await libraryRecord(library, result.hashes),
        groups: groups.map((g) => ({ id: g.id, shards: g.shards.map((s) => ({ id: s.id, episodes: s.episodes })) })),
        catalog: result.catalog,
        corrections: library.corrections.rules.map((r, i) => ({ from: r.from, to: r.to, where: `${shown(library.dir, 'corrections.yml')}:${r.line ?? ''}`, made: result.corrections[i]! })),
        files: {},
      };
      if (part) {
        for (const f of await filesBelow(partDir)) manifest.files[f] = sha256(await readFile(path.join(partDir, f)));
        await writeFile(path.join(partDir, MANIFEST), `${JSON.stringify(manifest)}\n`);
        await swap(partDir, outDir);
        report({ type: 'part', k, n, groups: groups.length, episodes: result.catalog.length, seconds: (performance.now() - started) / 1000, out: path.relative(process.cwd(), outDir) || '.' });
        return 0;
      }
      reportCorrections([manifest]);
      const site = staging(outDir);
      try {
        await joinParts({ ...joinContext(ctx), own: true, shownFile: (f) => shown(library.dir, f) }, [{ dir: partDir, manifest }], site, early);
      } catch (error) {
        await rm(site, { recursive: true, force: true });
        throw error;
      }
      await swap(site, outDir);
      await reportBuilt(outDir, result.catalog.length, started);
      return 0;
    } catch (error) {
      if (part) await rm(partDir, { recursive: true, force: true });
      throw error;
    }
  } finally {
    scratch.remove();
  }
}

const joinContext = (ctx: { root: string; scratch: Scratch; settings: Settings; code: string; verbose: boolean }) => ({
  root: ctx.root,
  scratch: ctx.scratch,
  settings: ctx.settings,
  code: ctx.code,
  verbose: ctx.verbose,
});

async function joinCommand(args: string[]): Promise<number> {
  const { values, positionals } = usage(() =>
    parseArgs({
      args,
      options: {
        out: { type: 'string', default: 'dist' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    }),
  );
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('join needs the folders of the shards, like: transcript-site join --out dist parts/*');
  const started = performance.now();
  const parts: Part[] = [];
  for (const dir of positionals) parts.push({ dir, manifest: await readManifest(dir) });
  // The parts' own settings (what their command lines set) with this checkout's transcript-site.yml: they must agree.
  const recorded = parts[0]!.manifest.settings;
  const settings = resolveSettings(root, overridesOf(recorded));
  const scratch = makeScratch(root, settings);
  const outDir = path.resolve(values.out);
  try {
    const code = await codeHash(root, PAGE_CODE);
    const site = staging(outDir);
    let episodes: number;
    try {
      ({ episodes } = await joinParts({ root, scratch, settings, code, verbose: values.verbose, own: false, shownFile: (f) => f }, parts, site));
      reportCorrections(parts.map((p) => p.manifest));
    } catch (error) {
      await rm(site, { recursive: true, force: true });
      throw error;
    }
    await swap(site, outDir);
    await reportBuilt(outDir, episodes, started);
    return 0;
  } finally {
    scratch.remove();
  }
}

/**
 * Every episode of the library with a hash of its files, and corrections.yml's: what a part records
 * of it. `known`: the hashes this part's preparation already made (the rest of the library is read for them).
 */
async function libraryRecord(library: Library, known: Readonly<Record<string, string>>): Promise<PartManifest['library']> {
  const episodes: Record<string, string> = {};
  for (const job of library.episodes) episodes[job.name] = known[job.name] ?? (await readInputs(library.dir, job)).hash;
  return { episodes, corrections: sha256(library.corrections.text) };
}

/** How many replacements each correction made, over every part. */
function reportCorrections(parts: readonly PartManifest[]): void {
  parts[0]!.corrections.forEach((rule, i) => {
    const made = parts.reduce((n, m) => n + (m.corrections[i]?.made ?? 0), 0);
    report({ type: 'correction', from: rule.from, to: rule.to, where: rule.where, made });
  });
}

async function reportBuilt(outDir: string, episodes: number, started: number): Promise<void> {
  const files = await readdir(outDir, { recursive: true, withFileTypes: true });
  const pages = files.filter((f) => f.isFile() && f.name.endsWith('.html')).length;
  let bytes = 0;
  let count = 0;
  let largest = { file: '', bytes: 0 };
  for (const f of files) {
    if (!f.isFile()) continue;
    const size = (await stat(path.join(f.parentPath, f.name))).size;
    bytes += size;
    count++;
    if (size > largest.bytes) largest = { file: path.relative(outDir, path.join(f.parentPath, f.name)), bytes: size };
  }
  report({ type: 'built', episodes, pages, files: count, bytes, seconds: (performance.now() - started) / 1000, out: path.relative(process.cwd(), outDir) || '.' });
  for (const l of passedLimits({ bytes, files: count, largest })) {
    report({ type: 'host-limit', host: l.host, stated: l.stated, source: l.source, what: l.what, measured: l.measured, ...(l.what === 'file bytes' ? { file: largest.file } : {}) });
  }
}

/** A staging folder beside `target`, named for this process; those of killed builds are cleared. */
function staging(target: string): string {
  const prefix = `${path.basename(target)}.`;
  removeLeftovers(path.dirname(target), (name) => (name.startsWith(prefix) ? /^(?:tmp|old)-(\d+)$/.exec(name.slice(prefix.length))?.[1] : undefined));
  return `${target}.tmp-${process.pid}`;
}

/** Replace `target` by `staged` with two renames, so `target` is never half-written. */
async function swap(staged: string, target: string): Promise<void> {
  const old = `${target}.old-${process.pid}`;
  const exists = await stat(target).then(() => true, () => false);
  if (exists) await rename(target, old);
  await rename(staged, target);
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
