/**
 * "A moment in an episode" as people write it in links: `#12:34`, `#1:02:03`, `#t=754`,
 * `?t=754`, `?t=12m34s`, `?t=1h2m3s`. Shared by the build and the resolver page's script.
 */
import { anchorNamer } from './anchor.ts';
import { parseClock } from './time.ts';

const UNITS = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s?)?$/;

/** Seconds for one time value (`754`, `754s`, `12m34s`, `12:34`, `1:02:03`), or undefined. */
export function parseTimeValue(value: string): number | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return undefined;
  const clock = parseClock(v);
  if (clock !== undefined) return clock;
  const m = UNITS.exec(v);
  if (!m || (!m[1] && !m[2] && !m[3])) return undefined;
  // Media-fragment style `t=754.5` and `t=754,800` (a range) start at the first number.
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Math.floor(Number(m[3] ?? 0));
}

/** The moment a URL's hash or query names, or undefined when it names none. */
export function parseMomentRef(hash: string, search: string): number | undefined {
  const h = decodeURIComponent(hash.replace(/^#/, ''));
  if (h) {
    const t = /^t=([^&,]+)/.exec(h);
    const fromHash = parseTimeValue(t ? t[1]! : h);
    if (fromHash !== undefined) return fromHash;
  }
  const q = new URLSearchParams(search).get('t');
  return q === null ? undefined : parseTimeValue(q.split(',')[0]!);
}

export interface MomentTarget {
  /** Index of the section in the episode. */
  section: number;
  /** Anchor id of the paragraph. */
  id: string;
}

/**
 * The paragraph holding second `t`: the last paragraph starting at or before it (the first
 * paragraph for earlier times). `paragraphs[s]` lists section s's `[time, id]` in order.
 */
export function resolveMoment(t: number, paragraphs: ReadonlyArray<ReadonlyArray<readonly [number, string]>>): MomentTarget | undefined {
  let found: MomentTarget | undefined;
  for (const [section, list] of paragraphs.entries()) {
    for (const [time, id] of list) if (found === undefined || time <= t) found = { section, id };
  }
  return found;
}

/**
 * Each section page's `[time, id]` list, as `resolveMoment` reads it, from the seconds alone:
 * `seconds[s][k]` lists when the paragraphs of section s's page k + 1 start. The ids are named
 * again as reflow named them, one count per section (the resolver page writes only the seconds).
 */
export function momentParagraphs(seconds: ReadonlyArray<ReadonlyArray<ReadonlyArray<number>>>): Array<Array<[number, string]>> {
  return seconds.flatMap((pages) => {
    const name = anchorNamer();
    return pages.map((list) => list.map((t): [number, string] => [t, name(t)]));
  });
}

/**
 * The moments `resolveMoment` sends to section `s`'s page: from its first paragraph's time
 * (unbounded for the first section) until the next section's first paragraph (unbounded for the
 * last). The player plays these on that page and hands others to the resolver, so the two agree.
 */
export function sectionMoments(paragraphs: ReadonlyArray<ReadonlyArray<readonly [number, string]>>, s: number): { from?: number; until?: number } {
  const from = s > 0 ? paragraphs[s]?.[0]?.[0] : undefined;
  const until = paragraphs.slice(s + 1).find((list) => list.length > 0)?.[0]?.[0];
  return { ...(from === undefined ? {} : { from }), ...(until === undefined ? {} : { until }) };
}
