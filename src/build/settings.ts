/**
 * The settings a build runs with: transcript-site.yml (src/domain/site-config.ts), with the
 * command line's --base, --site, --shard-size, --index-size and --downloads over it. Every part of a sharded
 * build records them, and `join` refuses parts built with others.
 */
import { loadSiteConfig, type SiteConfig } from '../domain/site-config.ts';

export type Settings = SiteConfig;

/** What the command line may set over transcript-site.yml. */
const OVERRIDABLE = ['base', 'site', 'shardSize', 'indexSize', 'downloads'] as const;
type Overrides = { [K in (typeof OVERRIDABLE)[number]]?: Settings[K] | undefined };

/** A build's overridable settings, to resolve another build's with them (join: its parts'). */
export const overridesOf = (settings: Settings): Overrides => Object.fromEntries(OVERRIDABLE.map((k) => [k, settings[k]]));

export function resolveSettings(root: string, overrides: Overrides): Settings {
  const settings: Settings = { ...loadSiteConfig(root) };
  for (const [key, value] of Object.entries(overrides) as Array<[keyof Overrides, Settings[keyof Overrides]]>) {
    if (value !== undefined) Object.assign(settings, { [key]: value });
  }
  settings.indexSize = Math.max(settings.indexSize, settings.shardSize);
  return settings;
}

/** The settings that differ between two builds, as `key` names. */
export function settingsDiffer(a: Settings, b: Settings): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => JSON.stringify(a[k as keyof Settings]) !== JSON.stringify(b[k as keyof Settings]));
}
