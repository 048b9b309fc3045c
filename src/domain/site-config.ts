/**
 * Site settings in `transcript-site.yml` at the project root: every key optional, with defaults.
 * Validated with zod; errors name the file, line and key.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { validate } from './validate.ts';
import { DEFAULT_DOWNLOADS, DOWNLOAD_FILES } from './exports/index.ts';
import { GROUP_SIZE, SHARD_SIZE } from './shard-sizes.ts';
import { readYaml } from './yaml.ts';

const CONFIG_FILE = 'transcript-site.yml';

/**
 * The files each episode offers for download (src/domain/exports/index.ts): a list of their names,
 * `all`, or `none`; kept in the order readers see them, each once.
 */
const DownloadsSchema = z
  .union([z.literal('all'), z.literal('none'), z.array(z.enum(DOWNLOAD_FILES))], {
    error: `must be all, none, or a list of: ${DOWNLOAD_FILES.join(', ')}`,
  })
  .default([...DEFAULT_DOWNLOADS])
  .transform((v) => (v === 'all' ? [...DOWNLOAD_FILES] : v === 'none' ? [] : DOWNLOAD_FILES.filter((f) => v.includes(f))));

const SiteConfigSchema = z.strictObject({
  title: z.string().trim().min(1).default('Transcript Site'),
  description: z.string().trim().default('Transcripts you can browse, search and link to the moment.'),
  /** Public URL of the site, e.g. https://example.com; enables canonical URLs, sitemap and feed. */
  site: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL like https://example.com' }).optional(),
  /** Path the site is served under, e.g. /podcast/. */
  base: z.string().regex(/^\/([\w.~-]+\/)*$/, { error: 'must start and end with "/", like /podcast/' }).default('/'),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'must be a language tag like en or pt-BR' }).default('en'),
  themeColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour like #1d4ed8' }).default('#1d4ed8'),
  /** Episodes one Astro process renders at most (a shard); see src/build/shards/plan.ts. */
  shardSize: z.int().min(1).max(10_000).default(SHARD_SIZE),
  /** Episodes one search index holds at most; at least shardSize. */
  indexSize: z.int().min(1).max(10_000).default(GROUP_SIZE),
  downloads: DownloadsSchema,
});

export type SiteConfig = z.infer<typeof SiteConfigSchema>;

export function loadSiteConfig(root: string): SiteConfig {
  const file = path.join(root, CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return SiteConfigSchema.parse({});
  }
  return parseSiteConfig(text, CONFIG_FILE);
}

export function parseSiteConfig(text: string, file: string): SiteConfig {
  const yaml = readYaml(text, file);
  return validate(SiteConfigSchema, yaml.data ?? {}, { file, lineOf: yaml.lineOf });
}

/** `--downloads` on the command line: `all`, `none`, or names separated by commas; undefined when it is none of these. */
export function parseDownloads(text: string): SiteConfig['downloads'] | undefined {
  const value = text === 'all' || text === 'none' ? text : text.split(',').map((f) => f.trim()).filter(Boolean);
  const parsed = DownloadsSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
