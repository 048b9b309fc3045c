/**
 * The results as Markdown: one table per question (build, page weight, search, Lighthouse).
 * Every timing is "median [min–max]" over the runs; byte counts are exact and the same every run.
 */
import type { BuildRun, DistStats } from './build.ts';
import type { LighthouseRun } from './lighthouse.ts';
import type { Machine } from './machine.ts';
import type { SearchRun } from './search.ts';
import { fmt, formatSummary, type Summary } from './stats.ts';
import type { PageWeight, Totals } from './weight.ts';

export interface SearchSummary {
  query: string;
  mode: 'cold' | 'warm';
  ms: Summary;
  fromIntentMs: Summary | null;
  requests: Summary;
  transferred: Summary;
  raw: Summary;
  status: string;
}

export interface LighthouseSummary {
  page: string;
  path: string;
  runs: LighthouseRun[];
  summary: Record<keyof LighthouseRun, Summary>;
}

export interface SizeResult {
  episodes: number;
  runs: BuildRun[];
  build: Record<keyof BuildRun, Summary>;
  dist: DistStats;
  /** False if some run's dist/ differed in pages, files or bytes from another's. */
  distStable: boolean;
  weights?: PageWeight[];
  search?: { runs: SearchRun[]; summary: SearchSummary[] };
  lighthouse?: LighthouseSummary[];
}

export interface Results {
  startedAt: string;
  durationS: number;
  command: string;
  options: { sizes: number[]; runs: number; searchRuns: number; lighthouseRuns: number; lighthouseEpisodes: number | null };
  machine: Machine;
  sizes: SizeResult[];
}

/** Columns of words are left-aligned, columns of numbers right-aligned. */
const TEXT_COLUMNS = new Set(['page', 'query', 'mode']);
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map((h) => (TEXT_COLUMNS.has(h) ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

export function markdown(results: Results): string {
  const m = results.machine;
  const parts = [
    `# Benchmark ${results.startedAt}`,
    `\`${results.command}\` · ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM · Node ${m.node} · ${m.os} · Chromium ${m.chromium} · ` +
      `${results.options.runs} build run(s) per size · took ${(results.durationS / 60).toFixed(1)} min`,
    '## Build\n\nMedian [min–max] over the runs. Phases come from the build log (0.1 s resolution). ' +
      '"Astro" excludes Pagefind, which runs inside Astro\'s build. "Other" is Node start-up, module loading and the final dist/ swap. ' +
      'Peak RSS is the largest sum over the build\'s process tree (Node + the Pagefind binary), sampled every 50 ms; "largest process" is the biggest single one. ' +
      '"Others\' CPU" is CPU time other processes on the machine used during the build (noise).',
    buildTable(results.sizes),
    '## dist/',
    distTable(results.sizes),
  ];
  const weighed = results.sizes.filter((s) => s.weights);
  if (weighed.length) {
    parts.push(
      '## Page weight on load\n\nFrom Chromium\'s network log, fresh context, cache disabled; everything requested before the load event. ' +
        'Raw = bytes of the file in dist/, gz = gzip -6 of it (KB = 1000 B). "After load" = requests in the next 3 s of idle.',
      weightTable(weighed),
    );
  }
  const searched = results.sizes.filter((s) => s.search);
  if (searched.length) {
    parts.push(
      '## Search\n\nCtrl+K on a section page, then the query entered at once. ms = input event → first result in the dialog (includes the 150 ms debounce). ' +
        'Cold = first search in a fresh context (bytes include the search code, Pagefind runtime and WASM); ' +
        'warm = after another query ("reinforcement") in the same dialog. Bytes: transferred (gzip over HTTP) / as stored in dist/.',
      searchTable(searched),
    );
  }
  const audited = results.sizes.filter((s) => s.lighthouse);
  if (audited.length) {
    parts.push('## Lighthouse (mobile preset, simulated throttling)', lighthouseTable(audited));
  }
  return `${parts.join('\n\n')}\n`;
}

function buildTable(sizes: SizeResult[]): string {
  const s = (x: Summary) => formatSummary(x, fmt.s);
  const mib = (x: Summary) => formatSummary(x, fmt.mib);
  return table(
    ['episodes', 'pages', 'wall s', 'parse+MDX s', 'Astro s', 'Pagefind s', 'other s', 'peak RSS MiB (tree)', 'largest process MiB', 'CPU s', "others' CPU s"],
    sizes.map((r) => [
      String(r.episodes),
      fmt.int(r.dist.pages),
      `**${s(r.build.wallS)}**`,
      s(r.build.parseS),
      s(r.build.astroOnlyS),
      s(r.build.pagefindS),
      s(r.build.otherS),
      `**${mib(r.build.peakTreeBytes)}**`,
      mib(r.build.peakSingleBytes),
      formatSummary(r.build.cpuS, fmt.s),
      formatSummary(r.build.othersCpuS, fmt.s),
    ]),
  );
}

function distTable(sizes: SizeResult[]): string {
  return table(
    ['episodes', 'pages', 'files', 'dist/ MB', 'Pagefind files', 'Pagefind MB', 'of which index data (files / MB)'],
    sizes.map((r) => [
      String(r.episodes),
      fmt.int(r.dist.pages),
      fmt.int(r.dist.files),
      (r.dist.bytes / 1e6).toFixed(2) + (r.distStable ? '' : ' (varied!)'),
      fmt.int(r.dist.pagefindFiles),
      (r.dist.pagefindBytes / 1e6).toFixed(2),
      `${fmt.int(r.dist.pagefindIndexFiles)} / ${(r.dist.pagefindIndexBytes / 1e6).toFixed(2)}`,
    ]),
  );
}

function weightTable(sizes: SizeResult[]): string {
  const kb = (t: Totals) => `${fmt.kb(t.raw)} / ${fmt.kb(t.gzip)}`;
  const rows: string[][] = [];
  for (const r of sizes) {
    for (const w of r.weights!) {
      rows.push([String(r.episodes), w.path, String(w.onLoad.requests), kb(w.html), kb(w.css), kb(w.js), kb(w.other), `**${kb(w.onLoad)}**`, fmt.kb(w.onLoad.transferred), `${w.afterLoad.requests} / ${fmt.kb(w.afterLoad.transferred)}`]);
    }
  }
  return table(['episodes', 'page', 'requests', 'HTML KB raw / gz', 'CSS KB raw / gz', 'JS KB raw / gz', 'other KB raw / gz', 'total KB raw / gz', 'transferred KB', 'after load: requests / KB'], rows);
}

function searchTable(sizes: SizeResult[]): string {
  const rows: string[][] = [];
  for (const r of sizes) {
    for (const q of r.search!.summary) {
      rows.push([
        String(r.episodes),
        `“${q.query}”`,
        q.mode,
        `**${formatSummary(q.ms, fmt.ms)}**`,
        q.fromIntentMs ? formatSummary(q.fromIntentMs, fmt.ms) : '–',
        formatSummary(q.requests, fmt.int),
        `${fmt.kb(q.transferred.median)} / ${fmt.kb(q.raw.median)}`,
        q.status.replace(/^(\d+) pages? match(es)? .*$/, '$1'),
      ]);
    }
  }
  return table(['episodes', 'query', 'mode', 'ms to first result', 'ms from Ctrl+K', 'requests', 'KB transferred / raw', 'pages found'], rows);
}

function lighthouseTable(sizes: SizeResult[]): string {
  const rows: string[][] = [];
  for (const r of sizes) {
    for (const l of r.lighthouse!) {
      const x = l.summary;
      rows.push([
        String(r.episodes),
        `${l.page} \`${l.path}\``,
        formatSummary(x.performance, fmt.score),
        formatSummary(x.accessibility, fmt.score),
        formatSummary(x.bestPractices, fmt.score),
        formatSummary(x.seo, fmt.score),
        `**${formatSummary(x.lcpMs, fmt.ms)}**`,
        formatSummary(x.fcpMs, fmt.ms),
        formatSummary(x.tbtMs, fmt.ms),
        formatSummary(x.cls, (n) => n.toFixed(3)),
        fmt.int(x.totalBytes.median),
      ]);
    }
  }
  return table(['episodes', 'page', 'perf', 'a11y', 'best practices', 'SEO', 'LCP ms', 'FCP ms', 'TBT ms', 'CLS', 'bytes'], rows);
}
