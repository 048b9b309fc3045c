/**
 * Builds the groups of shards given (plan.ts) into a part folder: the episodes read once and
 * prepared (or found in the episode cache), then each shard rendered by an Astro process of its
 * own and finished (CSP, word check), and each group's pages indexed by Pagefind, one group at a
 * time. A shard or a group index that an earlier build made from the same inputs, settings and
 * code is copied from the cache instead.
 *
 * One process at a time holds much memory: the workers while preparing, then one Astro process or
 * one Pagefind process beside this one. That is what keeps a build's peak flat as the archive grows.
 */
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { CATALOG_FILE } from '../../contract/catalog.ts';
import path from 'node:path';
import type { CatalogEntry } from '../../contract/frontmatter.ts';
import { correctedEpisode, readSource } from '../../domain/read-episode.ts';
import { FolderCache, sha256 } from '../cache/folder-cache.ts';
import { finishPages, indexPages, type Expected } from '../finish/finish-site.ts';
import { openIndex, type SearchIndex } from '../finish/pagefind-index.ts';
import { checkSlugs, readInputs, shown, type EpisodeJob, type Library } from '../library/library.ts';
import { report } from '../progress.ts';
import { downloadsDir, sectionWords } from '../prepare/prepare-episode.ts';
import { copyOut, prepareLibrary, type Ready } from '../prepare/prepare-library.ts';
import type { EpisodeCache } from '../prepare/episode-cache.ts';
import { renderer, type Renderer } from '../render/render.ts';
import type { PrivateRoot, Scratch } from '../render/private-root.ts';
import type { Settings } from '../settings.ts';
import { groupDir, shardDir } from './manifest.ts';
import type { Group, Shard } from './plan.ts';

export interface Caches {
  episodes: EpisodeCache;
  shards: FolderCache;
  groups: FolderCache;
}

export interface PartContext {
  /** Told the catalog once every episode is prepared (a one-machine build may start its site-wide pages then). */
  onPrepared?: (catalog: CatalogEntry[]) => void;
  /** The checkout. */
  root: string;
  scratch: Scratch;
  library: Library;
  settings: Settings;
  /** The hash of the code that renders pages (code-version.ts). */
  code: string;
  /** None with --no-cache: everything is made afresh and nothing kept. */
  caches: Caches | undefined;
  verbose: boolean;
}

export interface PartResult {
  catalog: Array<{ name: string; file: string; entry: CatalogEntry }>;
  /** Replacements per correction rule, in this part's episodes. */
  corrections: number[];
  /** A hash of each episode's files (library.ts), by name: this part's episodes. */
  hashes: Record<string, string>;
  /** The cache entries this part used (to keep when the caches are pruned). */
  kept: { shards: string[]; groups: string[] };
}

export async function buildPart(ctx: PartContext, groups: readonly Group[], out: string): Promise<PartResult> {
  const { library, settings, caches } = ctx;
  const started = performance.now();
  const shardOf = new Map(groups.flatMap((g) => g.shards.flatMap((s) => s.episodes.map((name) => [name, s] as const))));
  const jobs = library.episodes.filter((job) => shardOf.has(job.name));
  const renderers = new Renderers(ctx);
  // Without the caches every shard renders, the first of the plan first.
  const first = groups[0]?.shards[0];
  if (!caches && first) renderers.first(first);
  const ready = await prepareLibrary({
    library,
    episodes: jobs,
    generatedFor: (job) => generatedFolder(ctx, shardOf.get(job.name)!),
    settings,
    cache: caches?.episodes,
    onEpisode: (r) => report({ type: 'episode', summary: { ...r.summary, file: shown(library.dir, r.summary.file), warnings: r.summary.warnings.map((w) => ({ ...w, file: shown(library.dir, w.file) })) } }),
    onUnkept: (file, reason) => report({ type: 'cache-unwritable', file, reason }),
    // With them, the shard of the first episode to prepare will render: its Astro process can load now.
    onMiss: (job) => renderers.first(shardOf.get(job.name)!),
  });
  const fromCache = ready.filter((r) => r.cached).length;
  if (caches) report({ type: 'cache', hits: fromCache, prepared: ready.length - fromCache });
  checkSlugs(ready.map((r) => ({ slug: r.summary.slug, file: shown(library.dir, r.summary.file) })));
  report({ type: 'prepared', episodes: ready.length, seconds: (performance.now() - started) / 1000 });
  ctx.onPrepared?.(ready.map((r) => r.summary.catalog));

  const byName = new Map(ready.map((r) => [r.job.name, r]));
  const keys = new Map(groups.flatMap((g) => g.shards).map((shard) => [shard.id, shardKey(ctx, shard.episodes.map((name) => byName.get(name)!))]));
  renderers.plan(groups.flatMap((g) => g.shards).filter((shard) => !(caches && keys.get(shard.id) !== undefined && caches.shards.has(keys.get(shard.id)!))));
  const state: GroupState = { byName, keys, renderers, checked: { words: 0, episodes: 0, cached: 0 }, kept: { shards: [], groups: [] } };
  for (const group of groups) {
    await buildGroup(ctx, group, out, state);
    // The next group's first shard to render starts loading once this group's index is written.
    renderers.warmNextAfter(group, groups);
  }
  const { checked, kept } = state;
  if (ready.length) report({ type: 'checked', ...checked });
  const corrections = library.corrections.rules.map((_, i) => ready.reduce((n, r) => n + r.summary.counts[i]!, 0));
  return {
    catalog: ready.map((r) => ({ name: r.job.name, file: r.job.transcript, entry: r.summary.catalog })),
    corrections,
    hashes: Object.fromEntries(ready.map((r) => [r.job.name, r.hash])),
    kept,
  };
}

/** What the groups of a part share as they are built one after another. */
interface GroupState {
  byName: ReadonlyMap<string, Ready>;
  /** Each shard's cache key (shardKey). */
  keys: ReadonlyMap<string, string | undefined>;
  renderers: Renderers;
  checked: { words: number; episodes: number; cached: number };
  kept: PartResult['kept'];
}

/**
 * One group: its shards rendered (or copied from the cache) one after another, each finished while
 * the next renders, then its index written by Pagefind (or copied from the cache).
 */
async function buildGroup(ctx: PartContext, group: Group, out: string, state: GroupState): Promise<void> {
  const { caches } = ctx;
  const { byName, keys, renderers, checked, kept } = state;
  const shardKeys = group.shards.map((shard) => keys.get(shard.id));
  const groupKey = shardKeys.every(Boolean) ? sha256(JSON.stringify({ code: ctx.code, shards: shardKeys })) : undefined;
  const indexed = groupKey !== undefined && caches ? await caches.groups.get(groupKey, groupDir(out, group.id)) : false;
  let index: SearchIndex | undefined;
  const groupStarted = performance.now();
  // Each shard is finished (in this process, and indexed in Pagefind's) while the next one
  // renders (in Astro's): the two use a core each. Shards are finished one after another, in
  // order, so the index gets its pages in the same order every time.
  let finishing: Promise<void> = Promise.resolve();
  let failed: { error: unknown } | undefined;
  try {
    for (const [i, shard] of group.shards.entries()) {
      const key = shardKeys[i];
      const dir = shardDir(out, shard.id);
      const shardStarted = performance.now();
      if (key !== undefined && caches && (await caches.shards.get(key, dir))) {
        finishing = finishing.then(async () => {
          if (!indexed) await indexPages(dir, (index ??= await openIndex(group.size)));
          checked.cached += shard.episodes.length;
          report({ type: 'shard', id: shard.id, episodes: shard.episodes.length, from: 'cache', seconds: (performance.now() - shardStarted) / 1000 });
        });
      } else {
        const episodes = shard.episodes.map((name) => byName.get(name)!);
        const rendered = await renderShard(ctx, renderers.take(shard, group), episodes, generatedFolder(ctx, shard), dir);
        if (failed) throw failed.error;
        finishing = finishing.then(async () => {
          checked.words += await finishShard(ctx, shard, episodes, generatedFolder(ctx, shard), dir, indexed ? undefined : (index ??= await openIndex(group.size)), rendered);
          checked.episodes += episodes.length;
          if (key !== undefined && caches) await caches.shards.put(key, dir);
        });
      }
      // A failure while finishing stops the build after the render under way.
      finishing.catch((error: unknown) => (failed ??= { error }));
      if (key !== undefined) kept.shards.push(key);
    }
    await finishing;
    if (!indexed) {
      const writeStarted = performance.now();
      const pages = await index!.write(groupDir(out, group.id));
      report({ type: 'group', id: group.id, shards: group.shards.length, pages, from: 'indexed', seconds: (performance.now() - groupStarted) / 1000, writeSeconds: (performance.now() - writeStarted) / 1000 });
      if (groupKey !== undefined && caches) await caches.groups.put(groupKey, groupDir(out, group.id));
    } else {
      report({ type: 'group', id: group.id, shards: group.shards.length, pages: 0, from: 'cache', seconds: (performance.now() - groupStarted) / 1000 });
    }
    if (groupKey !== undefined) kept.groups.push(groupKey);
  } finally {
    // Pagefind's process ends with its group: its memory goes back before the next group starts.
    await index?.close();
  }
}

/** Where a shard's episodes are prepared: the generated folder of its private root. */
const generatedFolder = (ctx: PartContext, shard: Shard) => path.join(ctx.scratch.dir, shard.id, 'src', 'generated');

/**
 * What a shard's pages are made from: the code, the settings and its episodes' prepared files
 * (their cache keys). Undefined when one of them has no key (it could not be kept).
 */
function shardKey(ctx: PartContext, episodes: readonly Ready[]): string | undefined {
  if (!ctx.caches || episodes.some((e) => e.key === undefined)) return undefined;
  return sha256(JSON.stringify({ code: ctx.code, settings: ctx.settings, episodes: episodes.map((e) => e.key).sort() }));
}

interface ShardRenderer {
  root: PrivateRoot;
  renderer: Renderer;
}

/**
 * Each shard has an Astro process of its own (its memory goes back when it ends), which starts
 * and loads Astro (a second or more) before the shard is rendered: the first while the episodes
 * are prepared, each next one while the last is finished, but not while a group's index is being
 * written, Pagefind's largest moment.
 */
class Renderers {
  private readonly ctx: PartContext;
  private readonly warm = new Map<string, ShardRenderer>();
  /**
   * Each shard's private root, made once: a process let go (plan) leaves its root, which a later
   * one for the same shard takes up again.
   */
  private readonly roots = new Map<string, PrivateRoot>();
  /** The shards to render, in order. */
  private order: Shard[] = [];

  constructor(ctx: PartContext) {
    this.ctx = ctx;
  }

  private warmUp(shard: Shard | undefined): void {
    if (shard && !this.warm.has(shard.id)) {
      let root = this.roots.get(shard.id);
      if (!root) this.roots.set(shard.id, (root = this.ctx.scratch.root(shard.id, 'shard')));
      const astro = renderer(root.dir);
      astro.start();
      this.warm.set(shard.id, { root, renderer: astro });
    }
  }

  /** The first shard that will render, as soon as it is known (while preparing). */
  first(shard: Shard): void {
    if (this.warm.size === 0) this.warmUp(shard);
  }

  /** The shards to render, once the caches have been asked; a process started for another than the first is let go. */
  plan(shards: Shard[]): void {
    this.order = shards;
    for (const [id, { renderer: astro }] of this.warm) {
      if (id !== shards[0]?.id) {
        astro.stop();
        this.warm.delete(id);
      }
    }
    this.warmUp(shards[0]);
  }

  /** The shard's renderer, to render it now; the next one in its group starts loading. */
  take(shard: Shard, group: Group): ShardRenderer {
    this.warmUp(shard);
    const taken = this.warm.get(shard.id)!;
    this.warm.delete(shard.id);
    const next = this.order[this.order.indexOf(shard) + 1];
    if (next && group.shards.includes(next)) this.warmUp(next);
    return taken;
  }

  /** Once `group`'s index is written: the first shard to render of a later group starts loading. */
  warmNextAfter(group: Group, groups: readonly Group[]): void {
    const later = groups.slice(groups.indexOf(group) + 1);
    this.warmUp(this.order.find((shard) => later.some((g) => g.shards.includes(shard))));
  }
}

/** Renders one shard's episodes into `out`: their prepared files in place, then Astro. Returns when it took, in seconds. */
async function renderShard(ctx: PartContext, { root, renderer: astro }: ShardRenderer, episodes: readonly Ready[], generated: string, out: string): Promise<{ started: number; astroSeconds: number }> {
  // Episodes from the episode cache are copied out only now, when their shard is rendered.
  for (const episode of episodes) {
    if (episode.cached && !(await copyOut(ctx.caches!.episodes, episode, generated))) {
      // A damaged entry: prepared again (and kept again).
      report({ type: 'cache-damaged', file: shown(ctx.library.dir, episode.summary.file) });
      const [again] = await prepareLibrary({ library: ctx.library, episodes: [episode.job], generatedFor: () => generated, settings: ctx.settings, cache: ctx.caches?.episodes });
      Object.assign(episode, { summary: again!.summary, key: again!.key, cached: undefined });
    }
  }
  // A shard renders episode pages only; the catalog entries, with every term each episode proposes
  // for the index, are for the site-wide pages, and Astro would load them all into the shard's store.
  for (const episode of episodes) await rm(path.join(generated, episode.summary.slug, CATALOG_FILE), { force: true });
  const empty = path.join(ctx.scratch.dir, 'no-public');
  await mkdir(empty, { recursive: true });
  const started = performance.now();
  await astro.render({ root: root.dir, publicDir: empty, outDir: out, verbose: ctx.verbose });
  return { started, astroSeconds: (performance.now() - started) / 1000 };
}

/** The finishing pass over a rendered shard (finish-site.ts), and its downloads; returns the transcript words on its pages. */
async function finishShard(ctx: PartContext, shard: Shard, episodes: readonly Ready[], generated: string, out: string, index: SearchIndex | undefined, rendered: { started: number; astroSeconds: number }): Promise<number> {
  const finishStarted = performance.now();
  const expected: Expected[] = episodes.map((e) => ({ slug: e.summary.slug, file: shown(ctx.library.dir, e.summary.file), shown: e.summary.shown }));
  const words = await finishPages(out, expected, index, (slug, section) => explain(ctx, episodes.find((e) => e.summary.slug === slug)!.job, section));
  // The downloads join the pages, beside each overview.
  for (const e of episodes) {
    const from = downloadsDir(path.join(generated, e.summary.slug));
    for (const name of await readdir(from)) await copyFile(path.join(from, name), path.join(out, e.summary.slug, name));
  }
  const now = performance.now();
  report({ type: 'shard', id: shard.id, episodes: episodes.length, from: 'rendered', seconds: (now - rendered.started) / 1000, astroSeconds: rendered.astroSeconds, finishSeconds: (now - finishStarted) / 1000, words });
  return words;
}

/** The words a section page should show, worked out again from its transcript (for the message when it did not). */
async function explain(ctx: PartContext, job: EpisodeJob, section: string): Promise<string[]> {
  const { inputs } = await readInputs(ctx.library.dir, job);
  const episode = correctedEpisode(await readSource(inputs), ctx.library.corrections.rules);
  return sectionWords(episode)[section] ?? [];
}
