/**
 * The results as Markdown: one table per question (build, page weight, search, Lighthouse).
 * Every timing is "median [min–max]" over the runs; byte counts are exact and the same every run.
 */
import type { BuildRun, DistStats } from './build.ts';
import type { LighthouseRun } from './lighthouse.ts';
import type { PeerRun } from './peer.ts';
import type { Machine } from './machine.ts';
import type { ParseResult } from './parse.ts';
import type { ChapterCost, SegmentationResult } from './segmentation.ts';
import type { SentenceVariant } from './sentences.ts';
import type { RelevanceResult } from './relevance.ts';
import type { RebuildResult } from './rebuild.ts';
import type { ArchiveSize } from './archive.ts';
import { archiveMarkdown } from './archive-report.ts';
import { WARM_UP_QUERY, type SearchMode, type SearchRun } from './search.ts';
import { fmt, formatSummary, type NumericKeys, type Summary } from './stats.ts';
import type { PageWeight, Totals } from './weight.ts';

export interface SearchSummary {
  query: string;
  mode: SearchMode;
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
  summary: Record<NumericKeys<LighthouseRun>, Summary>;
}

export interface SizeResult {
  episodes: number;
  runs: BuildRun[];
  build: Record<NumericKeys<BuildRun>, Summary>;
  dist: DistStats;
  /** False if some run's dist/ differed in pages, files or bytes from another's. */
  distStable: boolean;
  weights?: PageWeight[];
  search?: { runs: SearchRun[]; summary: SearchSummary[] };
  lighthouse?: LighthouseSummary[];
}

export interface PeerSizeResult {
  copies: number;
  runs: PeerRun[];
  build: Record<NumericKeys<PeerRun>, Summary>;
  dist: DistStats;
  weights?: PageWeight[];
}

export interface Results {
  startedAt: string;
  durationS: number;
  /** The commit the measured code was copied from. */
  revision: string;
  command: string;
  options: { sizes: number[]; runs: number; searchRuns: number; lighthouseRuns: number; lighthouseEpisodes: number | null; cold?: boolean };
  machine: Machine;
  sizes: SizeResult[];
  /** Rebuilds with the episode cache (absent in results from before it existed). */
  rebuilds?: RebuildResult[];
  /** Reading one hour of speech, per format (absent in results from before it was measured). */
  parse?: ParseResult[];
  /** Automatic sections against known boundaries, and what finding them costs. */
  segmentation?: { cases: SegmentationResult[]; cost: ChapterCost };
  /** Sentences found in captions without punctuation (absent in results from before they were). */
  sentences?: SentenceVariant[];
  /** Is search's first result the right one (absent in results from before it was measured). */
  relevance?: RelevanceResult[];
  peer?: { dir: string; sizes: PeerSizeResult[] };
  /** Libraries of distinct episodes, 1,000 and more (absent unless asked for with --sizes). */
  archive?: ArchiveSize[];
  /** Measurements that failed (the others went on). */
  problems: string[];
}

/** Columns of words are left-aligned, columns of numbers right-aligned. */
const TEXT_COLUMNS = new Set(['page', 'query', 'mode', 'file', 'format', 'case', 'method', 'library', 'kind', 'target', 'goal', 'part', '']);
export const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map((h) => (TEXT_COLUMNS.has(h) ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

export function markdown(results: Results): string {
  const m = results.machine;
  const parts = [
    `# Benchmark ${results.startedAt}`,
    `\`${results.command}\` at ${results.revision} · ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM · Node ${m.node} · ${m.os} · Chromium ${m.chromium} · ` +
      `${results.options.runs} build run(s) per size · compile cache ${results.options.cold ? 'emptied before each build (--cold)' : 'kept between builds'} · took ${(results.durationS / 60).toFixed(1)} min`,
    '## Build\n\nMedian [min–max] over the runs. Phases come from the build\'s progress events. ' +
      '"Prepare": reading and preparing every episode in worker processes. "Shards": the wall time of rendering, finishing and indexing them, which overlap; inside it, "Astro" adds up the Astro processes, one per shard, "finish" the passes that read each page, tighten its CSP, check its words and hand it to Pagefind (each runs while the next shard renders), "index write" Pagefind writing each group\'s index. ' +
      '"Join" moves the shards and indexes into place and writes the sitemap and llms.txt; "site-wide" is rendering the library, search, 404 and feed from the catalog (inside the join, or beside the shard when the library is one shard). "Other" is the rest: Node start-up, the plan, the swap into place, exit. ' +
      'Peak is the largest sum over the build\'s process tree (the CLI, its worker processes, the Astro children, the Pagefind binary), sampled every 50 ms, overall and within each phase. ' +
      '"Others\' CPU" is CPU time other processes on the machine used during the build (noise).',
    buildTable(results.sizes),
    noiseNote(results.sizes),
    '## dist/',
    distTable(results.sizes),
  ];
  if (results.rebuilds?.length) {
    parts.push(
      '## Rebuilds with the episode cache\n\nThe library built once with an empty cache (which also fills it), then again after adding one episode, after changing one correction (a rule limited to one episode), and with nothing changed. ' +
        'Wall s, median [min–max]; the ratio is to the clean build (`--no-cache`) of the same size above. Target: at most 0.6.',
      rebuildTable(results.rebuilds, results.sizes),
    );
  }
  if (results.parse) {
    parts.push(
      '## Reading an hour of speech, per format\n\nThe bundled episode (58:47, 13,084 words) written out in each format. Median [min–max] ms over the runs, in the benchmark process. ' +
        '"Read" = bytes to fragments: UTF-8 decoding, recognising the format, the reader. "Check" = the second, simple reading of the file and the comparison that proves every word was read once.',
      parseTable(results.parse),
    );
  }
  if (results.segmentation) {
    const { cost } = results.segmentation;
    parts.push(
      '## Automatic sections\n\nFor transcripts without sections: topics found by the segmenter (src/domain/topics/) against known boundaries, beside baselines. ' +
        'Pk and WindowDiff over words (0 is perfect; k = half the true mean section length). "Equal parts" knows the true number of sections, which no real method does.',
      segmentationTable(results.segmentation.cases),
      `Preparing the bundled hour without its sections as a build does (read, sections, titles and summaries, reflow, key moments, MDX, downloads; median [min–max] ms): ` +
        `topics ${formatSummary(cost.topicsMs, (n) => n.toFixed(0))}, plain parts ${formatSummary(cost.partsMs, (n) => n.toFixed(0))} ` +
        `(**+${Math.round((cost.topicsMs.median / cost.partsMs.median - 1) * 100)} %**).`,
    );
  }
  if (results.sentences) {
    parts.push(
      '## Sentences in captions without punctuation\n\nThe bundled episode made lower case and unpunctuated, as YouTube\'s older automatic captions are (test/fixtures/unpunctuated.ts), against its own punctuation. ' +
        'Recall: the original\'s sentence ends found within one word ("in turns": those not at a change of speaker, which `>>` gives away). ' +
        'Targets: recall ≥ 0.7 with word times, ≥ 0.5 without; mean sentence 8–30 words; no paragraph over 150 words; every section with a summary and 2 key moments.',
      sentenceTable(results.sentences),
    );
  }
  const weighed = results.sizes.filter((s) => s.weights);
  if (weighed.length) {
    parts.push(
      '## Page weight on load\n\nFrom Chromium\'s network log, fresh context, cache disabled; everything requested before the load event. ' +
        'Raw = bytes of the file in dist/, gz = gzip -6 of it (KB = 1000 B). "After load" = requests in the next 3 s of idle.',
      weightTable(weighed),
      weightGrowth(weighed),
    );
  }
  const searched = results.sizes.filter((s) => s.search);
  if (searched.length) {
    parts.push(
      '## Search\n\nCtrl+K on a section page, then the query entered in one input event. ms = input event → first result in the dialog. ' +
        'Cold = first search in a fresh context, typed the moment the field shows (bytes include the search code, Pagefind runtime and WASM); ' +
        'ready = the same, typed once the dialog is ready (Pagefind set up; index chunks and fragments still to load); ' +
        `warm = after another query ("${WARM_UP_QUERY}") in the same dialog. ` +
        'Bytes: transferred (gzip over HTTP) / as stored in dist/.',
      searchTable(searched),
    );
  }
  if (results.relevance?.length) {
    parts.push(
      '## Search relevance\n\nQueries made by rule from the mixed library\'s transcripts (bench/relevance.ts): rare words (said 1–3 times), phrases of 2–4 words said once, ' +
        'a speaker\'s name with a word they say 1–3 times, and rare words whose stem commoner words share. Each is typed into the /search/ page; the hits are read in the order shown. ' +
        'Success@1: the first hit opens a paragraph that holds the query\'s words (as typed; in order for a phrase; said by the speaker). ' +
        '"Pagefind" is Pagefind\'s own order (pages by its score, hits by its score), the UI before re-ranking. Queries a library cannot answer are left out.',
      relevanceTable(results.relevance),
      relevanceMisses(results.relevance),
    );
  }
  const audited = results.sizes.filter((s) => s.lighthouse);
  if (audited.length) {
    parts.push('## Lighthouse (mobile preset, simulated throttling)', lighthouseTable(audited));
  }
  if (results.peer) {
    parts.push(
      '## Starlight peer, measured in the same session with the same method\n\n' +
        `Cold builds (dist/, .astro/ and caches wiped) of \`${results.peer.dir}\` with \`node node_modules/astro/bin/astro.mjs build\`, interleaved with ours. ` +
        'Astro and Pagefind seconds are from its log; Astro includes Pagefind here.',
      peerBuildTable(results.peer.sizes),
    );
    const weighed = results.peer.sizes.filter((s) => s.weights);
    if (weighed.length) parts.push(peerWeightTable(weighed));
    parts.push('### Ours ÷ peer (target: at most 0.5)', comparisonTable(results.sizes, results.peer.sizes));
  }
  if (results.archive?.length) parts.push(archiveMarkdown(results.archive));
  if (results.problems.length) parts.push(`## Problems\n\n${results.problems.map((p) => `- ${p}`).join('\n')}`);
  return `${parts.join('\n\n')}\n`;
}

/** A median [min–max] of seconds, and of bytes as MiB: the cells every build table shows. */
const s = (x: Summary) => formatSummary(x, fmt.s);
const mib = (x: Summary) => formatSummary(x, fmt.mib);

function rebuildTable(rebuilds: RebuildResult[], sizes: SizeResult[]): string {
  return table(
    ['episodes', 'clean (--no-cache)', 'first, filling the cache', '+1 episode', 'ratio', '1 correction', 'ratio', 'unchanged', 'ratio'],
    rebuilds.map((r) => {
      const clean = sizes.find((x) => x.episodes === r.episodes)!.build.wallS;
      const ratio = (x: Summary) => `**${(x.median / clean.median).toFixed(2)}**`;
      return [String(r.episodes), s(clean), s(r.summary.fill.wallS), s(r.summary.addOne.wallS), ratio(r.summary.addOne.wallS), s(r.summary.correction.wallS), ratio(r.summary.correction.wallS), s(r.summary.unchanged.wallS), ratio(r.summary.unchanged.wallS)];
    }),
  );
}

export function buildTable(sizes: ReadonlyArray<Pick<SizeResult, 'episodes' | 'dist' | 'build'>>): string {
  return table(
    ['episodes', 'shards / indexes', 'pages', 'wall s', 'prepare s', 'shards s', 'of which Astro / finish / index write s', 'join s', 'site-wide s', 'other s', 'peak MiB (tree)', 'prepare / shards / join MiB', 'CPU s', "others' CPU s"],
    sizes.map((r) => [
      String(r.episodes),
      `${fmt.int(r.build.shards.median)} / ${fmt.int(r.build.groups.median)}`,
      fmt.int(r.dist.pages),
      `**${s(r.build.wallS)}**`,
      s(r.build.prepareS),
      s(r.build.shardsS),
      `${s(r.build.renderS)} / ${s(r.build.finishS)} / ${s(r.build.indexS)}`,
      s(r.build.joinS),
      s(r.build.siteS),
      s(r.build.otherS),
      `**${mib(r.build.peakTreeBytes)}**`,
      `${mib(r.build.peakPrepareBytes)} / ${mib(r.build.peakShardsBytes)} / ${mib(r.build.peakJoinBytes)}`,
      s(r.build.cpuS),
      s(r.build.othersCpuS),
    ]),
  );
}

function distTable(sizes: SizeResult[]): string {
  return table(
    ['episodes', 'pages', 'files', 'dist/ MB', 'of which HTML MB', 'Pagefind files', 'Pagefind MB', 'of which index data (files / MB)'],
    sizes.map((r) => [
      String(r.episodes),
      fmt.int(r.dist.pages),
      fmt.int(r.dist.files),
      (r.dist.bytes / 1e6).toFixed(2) + (r.distStable ? '' : ' (varied!)'),
      (r.dist.htmlBytes / 1e6).toFixed(2),
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
      rows.push([
        String(r.episodes),
        w.path,
        String(w.onLoad.requests),
        kb(w.html),
        `${fmt.kb(w.inlineJs)} / ${fmt.kb(w.inlineCss)}`,
        kb(w.css),
        kb(w.js),
        kb(w.other),
        `**${kb(w.onLoad)}**`,
        fmt.kb(w.onLoad.transferred),
        w.afterLoadUrls.length ? `${w.afterLoadUrls.join(', ')} (${fmt.kb(w.afterLoad.transferred)})` : 'nothing',
      ]);
    }
  }
  return table(['episodes', 'page', 'requests', 'HTML KB raw / gz', 'of which inline JS / CSS KB', 'CSS KB raw / gz', 'JS KB raw / gz', 'other KB raw / gz', 'total KB raw / gz', 'transferred KB', 'after load (KB transferred)'], rows);
}

/** Says, per page, whether its weight changes with the number of episodes. */
function weightGrowth(sizes: SizeResult[]): string {
  const paths = sizes[0]!.weights!.map((w) => w.path);
  return paths
    .map((p) => {
      const raws = sizes.map((s) => s.weights!.find((w) => w.path === p)!.onLoad.raw);
      const same = raws.every((x) => x === raws[0]);
      return same
        ? `- \`${p}\`: the same ${fmt.kb(raws[0]!)} KB at every size.`
        : `- \`${p}\`: changes with the number of episodes: ${sizes.map((s, i) => `${s.episodes} → ${fmt.kb(raws[i]!)} KB`).join(', ')}.`;
    })
    .join('\n');
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

function peerBuildTable(sizes: PeerSizeResult[]): string {
  return table(
    ['copies', 'pages', 'wall s', 'Astro s (incl. Pagefind)', 'Pagefind s', 'peak RSS MiB (tree)', 'largest process MiB', 'CPU s', "others' CPU s", 'dist/ MB'],
    sizes.map((r) => [
      String(r.copies),
      fmt.int(r.dist.pages),
      `**${s(r.build.wallS)}**`,
      s(r.build.astroS),
      s(r.build.pagefindS),
      `**${mib(r.build.peakTreeBytes)}**`,
      mib(r.build.peakSingleBytes),
      s(r.build.cpuS),
      s(r.build.othersCpuS),
      (r.dist.bytes / 1e6).toFixed(2),
    ]),
  );
}

function peerWeightTable(sizes: PeerSizeResult[]): string {
  const kb = (t: Totals) => `${fmt.kb(t.raw)} / ${fmt.kb(t.gzip)}`;
  const rows = sizes.flatMap((r) =>
    r.weights!.map((w) => [String(r.copies), w.path, String(w.onLoad.requests), kb(w.html), kb(w.css), kb(w.js), `**${kb(w.onLoad)}**`, `${w.afterLoad.requests} / ${kb(w.afterLoad)}`]),
  );
  return table(['copies', 'page', 'requests', 'HTML KB raw / gz', 'CSS KB raw / gz', 'JS KB raw / gz', 'total KB raw / gz', 'after load: requests / KB raw / gz'], rows);
}

/** Ours ÷ peer at the same number of episodes (same words; we make 9 pages per episode + 3, it 8 + 2). */
function comparisonTable(ours: SizeResult[], peer: PeerSizeResult[]): string {
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '–');
  const rows: string[][] = [];
  for (const p of peer) {
    const o = ours.find((s) => s.episodes === p.copies);
    if (!o) continue;
    const section = (list: PageWeight[] | undefined) => list?.find((w) => w.path.includes('timelines-and-benchmarks'));
    const ow = section(o.weights);
    const pw = section(p.weights);
    rows.push([
      String(p.copies),
      `${o.dist.pages} / ${p.dist.pages}`,
      `${fmt.s(o.build.wallS.median)} / ${fmt.s(p.build.wallS.median)} = **${ratio(o.build.wallS.median, p.build.wallS.median)}**`,
      `${fmt.mib(o.build.peakTreeBytes.median)} / ${fmt.mib(p.build.peakTreeBytes.median)} = **${ratio(o.build.peakTreeBytes.median, p.build.peakTreeBytes.median)}**`,
      `${fmt.mib(o.build.peakSingleBytes.median)} / ${fmt.mib(p.build.peakSingleBytes.median)} = ${ratio(o.build.peakSingleBytes.median, p.build.peakSingleBytes.median)}`,
      ow && pw ? `${fmt.kb(ow.onLoad.gzip)} / ${fmt.kb(pw.onLoad.gzip)} = **${ratio(ow.onLoad.gzip, pw.onLoad.gzip)}**` : '–',
      ow && pw ? `${fmt.kb(ow.onLoad.gzip + ow.afterLoad.gzip)} / ${fmt.kb(pw.onLoad.gzip + pw.afterLoad.gzip)} = ${ratio(ow.onLoad.gzip + ow.afterLoad.gzip, pw.onLoad.gzip + pw.afterLoad.gzip)}` : '–',
    ]);
  }
  return table(['episodes', 'pages (ours / peer)', 'wall s', 'peak RSS MiB (tree)', 'largest process MiB', 'section page on load, KB gz', 'section page incl. after load, KB gz'], rows);
}

/** How busy the rest of the machine was during our builds, so a reader can judge the timings. */
function noiseNote(sizes: SizeResult[]): string {
  const runs = sizes.flatMap((s) => s.runs);
  const wall = runs.reduce((n, r) => n + r.wallS, 0);
  const others = runs.reduce((n, r) => n + r.othersCpuS, 0);
  const steal = runs.reduce((n, r) => n + r.stealS, 0);
  const share = (others / wall) * 100;
  const verdict = share < 5 ? 'a quiet machine' : share < 25 ? 'some interference: read small differences with care' : 'a busy machine: timings are inflated';
  const busy = sizes.flatMap((s) => s.runs.map((r, i) => ({ r, what: `${s.episodes} episode(s) run ${i + 1}` }))).filter(({ r }) => r.othersCpuS >= 1);
  const who = busy.length ? ` Busiest other processes in the runs where others used ≥ 1 CPU-second: ${busy.map(({ r, what }) => `${what}: ${r.busiest || 'short-lived processes'}`).join('; ')}.` : '';
  return `During the ${runs.length} build${runs.length === 1 ? '' : 's'} (${wall.toFixed(0)} s), other processes used ${others.toFixed(1)} CPU-seconds (${share.toFixed(0)}% of one core) and the hypervisor stole ${steal.toFixed(1)} s: ${verdict}.${who}`;
}

function parseTable(rows: ParseResult[]): string {
  const ms = (x: Summary) => formatSummary(x, (n) => n.toFixed(0));
  return table(
    ['file', 'format', 'KB', 'words', 'read ms', 'check ms', 'total ms'],
    rows.map((r) => [r.file, r.format, fmt.kb(r.bytes), fmt.int(r.words), ms(r.readMs), ms(r.checkMs), `**${(r.readMs.median + r.checkMs.median).toFixed(0)}**`]),
  );
}

function segmentationTable(cases: SegmentationResult[]): string {
  return table(
    ['case', 'method', 'Pk', 'WindowDiff', 'sections (true)'],
    cases.flatMap((c) => Object.entries(c.methods).map(([method, m], i) => [
      i === 0 ? `${c.case} (${c.minutes} min)` : '',
      method,
      i === 0 ? `**${m.pk.toFixed(2)}**` : m.pk.toFixed(2),
      m.windowDiff.toFixed(2),
      `${m.sections} (${c.trueSections})`,
    ])),
  );
}

function sentenceTable(rows: SentenceVariant[]): string {
  return table(
    ['captions', 'method', 'recall', 'recall in turns', 'precision', 'mean sentence', 'longest paragraph', 'mean paragraph', 'sections with summary / 2 moments'],
    rows.map((r) => [
      `${r.variant} (${fmt.int(r.words)} words, ${r.trueEnds} ends)`,
      r.method,
      r.method === 'ours' ? `**${r.recall.toFixed(2)}**` : r.recall.toFixed(2),
      r.recallInTurns.toFixed(2),
      r.precision.toFixed(2),
      r.meanSentence.toFixed(1),
      String(r.longestParagraph),
      r.meanParagraph.toFixed(0),
      r.method === 'ours' ? `${r.withSummary} / ${r.withTwoMoments} of ${r.sections}` : '—',
    ]),
  );
}

function relevanceTable(libraries: RelevanceResult[]): string {
  const rows: string[][] = [];
  const f = (n: number) => n.toFixed(3);
  for (const r of libraries) {
    r.ours.forEach((ours, i) => {
      const pf = r.pagefind[i]!;
      const strong = (text: string) => (ours.kind === 'all' ? `**${text}**` : text);
      rows.push([`${r.library} (${r.episodes} episodes)`, ours.kind, String(ours.queries), strong(f(ours.successAt1)), f(pf.successAt1), f(ours.successAt5), f(pf.successAt5), f(ours.mrr), f(pf.mrr)]);
    });
  }
  return table(['library', 'kind', 'queries', 'success@1', 'Pagefind s@1', 'success@5', 'Pagefind s@5', 'MRR', 'Pagefind MRR'], rows);
}

function relevanceMisses(libraries: RelevanceResult[]): string {
  const lines = libraries.flatMap((r) => r.misses.slice(0, 10).map((m) => `- ${r.episodes} episodes, ${m.kind} “${m.text}”: first hit ${m.first ? `\`${m.first}\`` : 'none'}`));
  return lines.length ? `First hits that missed (up to 10 per library):\n\n${lines.join('\n')}` : 'No first hit missed.';
}
