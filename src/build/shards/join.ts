/**
 * Puts the parts of a build together into the site: every shard's pages, every group's search
 * index, and what only the whole library makes: the site-wide pages (library, people, the index of
 * names and topics, search, 404, feed) rendered from the catalog, the episode pages' links into
 * that index and to related episodes (index-links.ts), the sitemap and llms.txt.
 *
 * A one-machine build is one part joined; a sharded build is N parts, each built on its own
 * machine (`build --shard K/N`), joined by `transcript-site join`. The parts must be of one
 * library, built from the same code with the same settings, and all there, each once: the join
 * checks their manifests (manifest.ts) and refuses with the reason, never making a smaller site.
 */
import { cp, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CATALOG_FILE, libraryOrder } from '../../contract/catalog.ts';
import { indexedOnly, topicIndex, type TopicIndex } from '../../domain/topic-index/entries.ts';
import type { CatalogEntry } from '../../contract/frontmatter.ts';
import { TranscriptError } from '../../domain/errors.ts';
import { filesBelow, sha256 } from '../cache/folder-cache.ts';
import { finishPages } from '../finish/finish-site.ts';
import { installBundles } from '../finish/pagefind-index.ts';
import { checkSlugs } from '../library/library.ts';
import { report } from '../progress.ts';
import { renderer } from '../render/render.ts';
import type { Scratch } from '../render/private-root.ts';
import { settingsDiffer, type Settings } from '../settings.ts';
import { writeIndexLinks } from '../site/index-links.ts';
import { writeLlmsTxt } from '../site/llms.ts';
import { writeSitemap } from '../site/sitemap.ts';
import { groupDir, shardDir, type PartManifest } from './manifest.ts';
import { groupsOfPart, planShards } from './plan.ts';

export interface Part {
  /** Its folder, as the user named it (for messages). */
  dir: string;
  manifest: PartManifest;
}

export interface JoinContext {
  root: string;
  scratch: Scratch;
  /** The settings and code of the machine that joins: the parts' must be the same. */
  settings: Settings;
  code: string;
  verbose: boolean;
  /** Whether the parts are this build's own: their files are moved, not copied, and not checked again. */
  own: boolean;
  /** Where the content folder is, for naming files in messages; the folder the parts name when unknown. */
  shownFile: (file: string) => string;
}

const label = (p: Part) => `shard ${p.manifest.part.k}/${p.manifest.part.n} (${p.dir})`;

/** Refuses parts that do not make one site together, saying which and why. */
export function checkParts(ctx: JoinContext, parts: readonly Part[]): void {
  if (parts.length === 0) throw new TranscriptError('join', undefined, 'no shards given', 'name the folders that `transcript-site build --shard K/N --out DIR` wrote');
  const first = parts[0]!;
  const n = first.manifest.part.n;
  for (const p of parts) {
    const m = p.manifest;
    if (m.part.n !== n) {
      throw new TranscriptError(p.dir, undefined, `is shard ${m.part.k} of ${m.part.n}, but ${label(first)} is of ${n}`, 'build every shard with the same N (--shard K/N) and join them all');
    }
    if (m.code !== ctx.code) {
      throw new TranscriptError(p.dir, undefined, `${label(p)} was built from other code than this checkout's`,
        'build every shard and join them from the same commit (and the same package-lock.json)');
    }
    const differ = settingsDiffer(m.settings, ctx.settings);
    if (differ.length) {
      throw new TranscriptError(p.dir, undefined, `${label(p)} was built with other settings: ${differ.map((k) => `${k} ${JSON.stringify(m.settings[k as keyof Settings])} here ${JSON.stringify(ctx.settings[k as keyof Settings])}`).join(', ')}`,
        'build every shard and join them with the same transcript-site.yml and the same --base, --site and --downloads');
    }
  }
  const seen = new Map<number, Part>();
  for (const p of parts) {
    const twice = seen.get(p.manifest.part.k);
    if (twice) throw new TranscriptError(p.dir, undefined, `is shard ${p.manifest.part.k}/${n} again (${twice.dir} is too)`, 'give each shard\'s folder once');
    seen.set(p.manifest.part.k, p);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length) {
    throw new TranscriptError('join', undefined, `shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${n}`).join(', ')} missing: the site would lack their episodes`,
      `give join the folders of all ${n} shards`);
  }
  // One library: every part saw the same episodes, with the same files and corrections.
  const library = first.manifest.library;
  for (const p of parts.slice(1)) {
    const other = p.manifest.library;
    const names = [...new Set([...Object.keys(library.episodes), ...Object.keys(other.episodes)])].sort();
    const differs = names.find((name) => library.episodes[name] !== other.episodes[name]);
    if (differs !== undefined || library.corrections !== other.corrections) {
      const what = differs === undefined ? 'corrections.yml'
        : !(differs in other.episodes) ? `the episode "${differs}" (only in ${label(first)})`
        : !(differs in library.episodes) ? `the episode "${differs}" (only in ${label(p)})`
        : `the files of the episode "${differs}"`;
      throw new TranscriptError(p.dir, undefined, `${label(p)} was built from another content folder than ${label(first)}: ${what} differ${what.endsWith('s') ? '' : 's'}`,
        'build every shard from the same commit of the content folder');
    }
  }
  // Each part holds exactly the groups the plan gives it.
  const groups = planShards(Object.keys(library.episodes), { shardSize: ctx.settings.shardSize, groupSize: ctx.settings.indexSize });
  for (const p of parts) {
    const want = groupsOfPart(groups, p.manifest.part.k, n).map((g) => JSON.stringify({ id: g.id, shards: g.shards.map((s) => ({ id: s.id, episodes: s.episodes })) }));
    const got = p.manifest.groups.map((g) => JSON.stringify(g));
    if (JSON.stringify(want) !== JSON.stringify(got)) {
      throw new TranscriptError(p.dir, undefined, `${label(p)} does not hold the shards its place in the plan gives it`, 'build it again with this version, from this content folder');
    }
  }
}

/** Checks that a part's files are all there, as its manifest lists them. */
async function checkFiles(p: Part): Promise<void> {
  const listed = Object.keys(p.manifest.files).sort();
  const present = (await filesBelow(p.dir)).filter((f) => f !== 'manifest.json');
  const missing = listed.find((f) => !present.includes(f));
  if (missing) throw new TranscriptError(p.dir, undefined, `${label(p)} is incomplete: ${missing} is missing`, 'download or build that shard again');
  const extra = present.find((f) => !(f in p.manifest.files));
  if (extra) throw new TranscriptError(p.dir, undefined, `${label(p)} holds a file its manifest does not list: ${extra}`, 'download or build that shard again');
  for (const f of listed) {
    if (sha256(await readFile(path.join(p.dir, f))) !== p.manifest.files[f]) {
      throw new TranscriptError(p.dir, undefined, `${label(p)} is damaged: ${f} is not the file that was built`, 'download or build that shard again');
    }
  }
}

/**
 * Moves (own parts) or copies `from` into `to`. Files already there (the shared `_astro/` assets
 * every render writes) must be the same bytes; an asset of one name and two contents would mean
 * pages built apart do not fit together, and fails the join.
 */
async function merge(from: string, to: string, move: boolean, where: string): Promise<void> {
  for (const name of await readdir(from)) {
    const source = path.join(from, name);
    const target = path.join(to, name);
    const exists = await stat(target).then((s) => s, () => undefined);
    const isDir = (await stat(source)).isDirectory();
    if (!exists) {
      if (move) await rename(source, target);
      else await cp(source, target, { recursive: true });
    } else if (isDir && exists.isDirectory()) {
      await merge(source, target, move, where);
    } else if (!(await sameBytes(source, target))) {
      throw new Error(`${where}: ${path.basename(to)}/${name} differs from the file of that name another shard or the site-wide pages made`);
    }
  }
}

async function sameBytes(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([readFile(a), readFile(b)]);
  return x.equals(y);
}

/**
 * Joins `parts` into `site` (an empty folder). `early`: the site-wide pages, already rendering
 * (siteWidePages), when the build could start them sooner; by default they are rendered here.
 */
export async function joinParts(ctx: JoinContext, parts: readonly Part[], site: string, early?: Promise<SiteWide>): Promise<{ episodes: number }> {
  checkParts(ctx, parts);
  const sorted = [...parts].sort((a, b) => a.manifest.part.k - b.manifest.part.k);
  if (!ctx.own) for (const p of sorted) await checkFiles(p);
  const catalog: CatalogEntry[] = sorted.flatMap((p) => p.manifest.catalog.map((c) => c.entry));
  checkSlugs(sorted.flatMap((p) => p.manifest.catalog.map((c) => ({ slug: c.entry.id, file: ctx.shownFile(c.file) }))));
  const started = performance.now();
  // Rendered while the shards are put in place.
  const siteWide = early ?? siteWidePages(ctx, catalog);
  await mkdir(site, { recursive: true });
  const groups = planShards(Object.keys(sorted[0]!.manifest.library.episodes), { shardSize: ctx.settings.shardSize, groupSize: ctx.settings.indexSize });
  const partOf = new Map(sorted.flatMap((p) => p.manifest.groups.map((g) => [g.id, p] as const)));
  for (const group of groups) {
    const part = partOf.get(group.id)!;
    for (const shard of group.shards) await merge(shardDir(part.dir, shard.id), site, ctx.own, label(part));
  }
  await installBundles(site, groups.map((g) => ({ id: g.id, dir: groupDir(partOf.get(g.id)!.dir, g.id) })), ctx.own);
  const { out, pages, seconds, index } = await siteWide;
  await merge(out, site, true, 'the site-wide pages');
  await writeIndexLinks(site, catalog, index, ctx.settings.base);
  if (ctx.settings.site) await writeSitemap(site, catalog, ctx.settings.base, ctx.settings.site, index);
  await writeLlmsTxt(site, catalog, ctx.settings, index);
  report({ type: 'site', pages, seconds });
  report({ type: 'joined', parts: sorted.length, episodes: catalog.length, seconds: (performance.now() - started) / 1000 });
  return { episodes: catalog.length };
}

/** The site-wide pages, rendered and finished, in a folder of the scratch area, and the index of names and topics they show. */
export interface SiteWide {
  out: string;
  pages: number;
  seconds: number;
  index: TopicIndex;
}

/** Renders the site-wide pages (library, search, 404, feed) from the catalog, by an Astro process of their own. */
export async function siteWidePages(ctx: Pick<JoinContext, 'root' | 'scratch' | 'settings' | 'verbose'>, catalog: readonly CatalogEntry[]): Promise<SiteWide> {
  const started = performance.now();
  const root = ctx.scratch.root('site', 'site');
  const astro = renderer(root.dir);
  // Astro loads while the catalog is written.
  astro.start();
  // The pages read the catalog with only the terms the index keeps (the same index, a fraction of the terms).
  const index = topicIndex(libraryOrder(catalog));
  for (const entry of indexedOnly(catalog, index)) {
    await mkdir(path.join(root.generated, entry.id), { recursive: true });
    await writeFile(path.join(root.generated, entry.id, CATALOG_FILE), `${JSON.stringify(entry)}\n`);
  }
  const out = path.join(ctx.scratch.dir, 'site-out');
  await rm(out, { recursive: true, force: true });
  await astro.render({ root: root.dir, publicDir: path.join(ctx.root, 'public'), outDir: out, verbose: ctx.verbose });
  await finishPages(out, [], undefined);
  const pages = (await filesBelow(out)).filter((f) => f.endsWith('.html')).length;
  return { out, pages, seconds: (performance.now() - started) / 1000, index };
}
