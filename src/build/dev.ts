/**
 * `transcript-site dev` (`npm run dev`): the site as you edit it. Prepares the library into the
 * checkout's `src/generated/` (from the episode cache: an unchanged episode costs a copy), starts
 * Astro's dev server, and watches the content folder and transcript-site.yml. On a change it
 * prepares again only the episodes whose files, corrections or settings changed, into a staging
 * folder, and swaps them in; Astro's dev server then reloads the page. A file with a mistake is
 * reported as `file:line: …` and the last good version stays served. Search needs the index
 * `npm run build` makes, so the dev server has none (the search page says so).
 *
 * Builds render in private roots of their own (private-root.ts), so `npm run build` beside a
 * running dev server gives a correct dist/.
 */
import { watch } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { TranscriptError } from '../domain/errors.ts';
import { readerFor } from '../domain/formats/index.ts';
import { codeHash, PREPARE_CODE } from './cache/code-version.ts';
import { checkSlugs, readInputs, readLibrary, shown } from './library/library.ts';
import { EpisodeCache } from './prepare/episode-cache.ts';
import { copyOut, prepareLibrary } from './prepare/prepare-library.ts';
import { resolveSettings } from './settings.ts';

export interface DevOptions {
  root: string;
  content: string;
  cacheDir: string;
  host: string;
  port: number;
}

/** What is in src/generated for one episode (by file stem): what it was made from, and its slug. */
interface Applied {
  key: string | undefined;
  slug: string;
  file: string;
}

/** Settings files Astro reads when it starts: a change restarts the dev server. */
const SETTINGS = 'transcript-site.yml';

export async function devServer(options: DevOptions): Promise<void> {
  const { root, content } = options;
  const generated = path.join(root, 'src', 'generated');
  const staging = path.join(root, 'node_modules', '.cache', 'transcript-site', 'dev');
  const code = await codeHash(root, PREPARE_CODE);
  const applied = new Map<string, Applied>();
  let round = 0;

  /** Prepares what changed since the last round and swaps it in; false when a file has a mistake. */
  async function refresh(): Promise<boolean> {
    const started = performance.now();
    const settings = resolveSettings(root, {});
    const cache = new EpisodeCache(options.cacheDir, code, settings);
    const library = await readLibrary(content, settings.language);
    const rules = library.corrections.rules;
    const keys = await Promise.all(library.episodes.map(async (job) => cache.stateKey((await readInputs(library.dir, job)).hash, rules)));
    const changed = library.episodes.filter((job, i) => keys[i] === undefined || applied.get(job.name)?.key !== keys[i]);
    const names = new Set(library.episodes.map((job) => job.name));
    const removed = [...applied.keys()].filter((name) => !names.has(name));
    if (changed.length === 0 && removed.length === 0) return true;

    const next = path.join(staging, `round-${++round}`);
    await rm(next, { recursive: true, force: true });
    const ready = await prepareLibrary({
      library,
      episodes: changed,
      generatedFor: () => next,
      settings,
      cache,
      onEpisode: ({ summary: e }) => {
        console.log(`dev: ${path.basename(e.file)}: ${readerFor(e.format).name}, ${e.catalog.sections.length} sections, ${e.words} words → /${e.slug}/`);
        for (const w of e.warnings) console.log(`  warning: ${shown(library.dir, w.file)}${w.line ? `:${w.line}` : ''}: ${w.message}`);
      },
    });
    for (const r of ready) if (r.cached) await copyOut(cache, r, next);
    // Slugs must stay unique across the whole library, the episodes kept as they were included.
    const kept = library.episodes.filter((job) => !changed.includes(job)).map((job) => applied.get(job.name)!);
    checkSlugs([...kept, ...ready.map((r) => ({ slug: r.summary.slug, file: r.summary.file }))].map((e) => ({ slug: e.slug, file: shown(library.dir, e.file) })));

    // Swap in: what changed or went away leaves, the new folders move into place.
    await mkdir(generated, { recursive: true });
    for (const name of [...removed, ...changed.map((job) => job.name)]) {
      const old = applied.get(name);
      if (old) await rm(path.join(generated, old.slug), { recursive: true, force: true });
      applied.delete(name);
    }
    for (const r of ready) {
      const slug = r.summary.slug;
      await rm(path.join(generated, slug), { recursive: true, force: true });
      await rename(path.join(next, slug), path.join(generated, slug));
      applied.set(r.job.name, { key: r.key, slug, file: r.summary.file });
    }
    await rm(next, { recursive: true, force: true });
    const what = [...changed.map((job) => job.transcript), ...removed.map((name) => `${name} (removed)`)];
    console.log(`dev: ${what.length} episode(s) updated in ${((performance.now() - started) / 1000).toFixed(1)} s: ${what.join(', ')}`);
    return true;
  }

  /** Runs `refresh`, saying what is wrong with a file instead of stopping. */
  async function safely(): Promise<void> {
    try {
      await refresh();
    } catch (error) {
      if (!(error instanceof TranscriptError)) throw error;
      console.error(`error: ${error.format()}`);
      console.error('dev: the last good version stays served; save the file again once it is fixed.');
    }
  }

  // The first round starts from an empty src/generated, so nothing stale is served.
  await rm(generated, { recursive: true, force: true });
  await safely();

  const { dev } = await import('astro');
  const start = () => dev({ root, server: { host: options.host, port: options.port }, logLevel: 'warn' });
  let server = await start();
  console.log(`dev: serving http://${options.host}:${options.port}${resolveSettings(root, {}).base} — edit files in ${path.relative(process.cwd(), content) || '.'}/; Ctrl+C stops`);

  // Changes come in bursts (an editor writes a file in steps): act once they settle.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  let restart = false;
  const changed = (settings: boolean) => {
    restart ||= settings;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        await safely();
        if (restart) {
          restart = false;
          await server.stop();
          server = await start();
          console.log('dev: transcript-site.yml changed; the dev server restarted with it');
        }
      });
    }, 200);
  };
  const watchers = [
    watch(content, { recursive: true }, () => changed(false)),
    watch(root, (_event, file) => file === SETTINGS && changed(true)),
  ];
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  for (const w of watchers) w.close();
  await running;
  await server.stop();
}
