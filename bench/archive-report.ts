/**
 * The archive's part of the report (bench/archive.ts): builds, site size, rebuilds, search and a
 * matrix of parts, each figure beside its target where the issue that asked for it set one.
 */
import type { ArchiveSize } from './archive.ts';
import { REBUILD_REFERENCE, SEARCH_REFERENCE } from './archive.ts';
import { buildTable, table } from './report.ts';
import { fmt, formatSummary, summarize } from './stats.ts';

const GiB = 2 ** 30;
const median = (xs: number[]) => summarize(xs).median;
const met = (ok: boolean) => (ok ? 'met' : '**not met**');
/** The publishing issue's budgets per episode: with the default downloads, and without any. */
const SIZE_BUDGET = { kb: 400, files: 20, pagesKb: 200 };
const kbPerEpisode = (r: ArchiveSize) => r.dist.bytes / r.episodes / 1e3;
const pagesKbPerEpisode = (r: ArchiveSize) => (r.dist.bytes - r.dist.downloadBytes) / r.episodes / 1e3;
const filesPerEpisode = (r: ArchiveSize) => r.dist.files / r.episodes;
const weight = (w: { page: string; bytes: number }) => (w.bytes ? `${(w.bytes / 1024).toFixed(1)} KB (${w.page})` : '–');

export function archiveMarkdown(sizes: readonly ArchiveSize[]): string {
  const parts = [
    '## Archive: builds of distinct episodes\n\n' +
      'Libraries written by bench/distinct.ts: every episode its own sentences (drawn from the fixtures), names and rare words, 6,000–14,000 words, WebVTT with a sidecar. ' +
      'Clean builds (`--no-cache`); columns as in the build table above.',
    buildTable(sizes),
    ...(sizes.some((r) => r.baseline) ? ['The same libraries built by the baseline checkout (`--baseline`), interleaved with ours:', table(['episodes', 'baseline wall s', 'ours ÷ baseline', 'baseline peak MiB', 'ours ÷ baseline'],
      sizes.filter((r) => r.baseline).map((r) => {
        const wall = median(r.baseline!.map((b) => b.wallS));
        const peak = median(r.baseline!.map((b) => b.peakTreeBytes));
        return [String(r.episodes), wall.toFixed(1), `**${(r.build.wallS.median / wall).toFixed(2)}**`, fmt.mib(peak), (r.build.peakTreeBytes.median / peak).toFixed(2)];
      }))] : []),
    '### Site size\n\n' +
      'What a host stores: every file of `dist/` (KB and MB of 1,000 bytes, as hosts count them). "Without downloads": the same site less each episode\'s download files, as `downloads: none` builds it. ' +
      `Budgets per episode: ${SIZE_BUDGET.kb} KB and ${SIZE_BUDGET.files} files with the default downloads, ${SIZE_BUDGET.pagesKb} KB without.\n\n` +
      table(['episodes', 'files', 'files per episode', 'MB', 'KB per episode', 'without downloads: KB / files per episode', 'of which HTML MB', 'Pagefind files', 'Pagefind MB', 'downloads MB'],
        sizes.map((r) => [String(r.episodes), fmt.int(r.dist.files), `**${filesPerEpisode(r).toFixed(1)}**`, (r.dist.bytes / 1e6).toFixed(1), `**${kbPerEpisode(r).toFixed(0)}**`, `**${pagesKbPerEpisode(r).toFixed(0)}** / ${((r.dist.files - r.dist.downloadFiles) / r.episodes).toFixed(1)}`, (r.dist.htmlBytes / 1e6).toFixed(1), fmt.int(r.dist.pagefindFiles), (r.dist.pagefindBytes / 1e6).toFixed(1), (r.dist.downloadBytes / 1e6).toFixed(1)])),
    '### Browsing: library, people, index of names and topics\n\n' +
      'Page counts, and the heaviest page of each kind on load (HTML + CSS + JS, gzipped, as the page budget counts them). The library pages must stay under 30 KB.\n\n' +
      table(['episodes', 'library pages', 'heaviest library page', 'people pages', 'heaviest people page', 'entry pages', 'letter pages', 'heaviest index page'],
        sizes.map((r) => [String(r.episodes), fmt.int(r.browse.libraryPages), weight(r.browse.heaviest.library), fmt.int(r.browse.peoplePages), weight(r.browse.heaviest.people), fmt.int(r.browse.entryPages), fmt.int(r.browse.letterPages), weight(r.browse.heaviest.topics)])),
  ];
  const rebuilt = sizes.filter((r) => r.rebuild);
  if (rebuilt.length) {
    parts.push('## Archive: rebuilds\n\nThe library built with empty caches (filling them), then again after one new episode, then with nothing changed. Ratio to the clean build (`--no-cache`) of the same size, medians.',
      table(['episodes', 'clean s', 'filling s', '+1 episode s', 'ratio', 'unchanged s', 'ratio', 'peak MiB (+1)'],
        rebuilt.map((r) => {
          const clean = r.build.wallS.median;
          const { fill, addOne, unchanged } = r.rebuild!;
          return [String(r.episodes), clean.toFixed(1), fill.wallS.toFixed(1), addOne.wallS.toFixed(1), `**${(addOne.wallS / clean).toFixed(2)}**`, unchanged.wallS.toFixed(1), `**${(unchanged.wallS / clean).toFixed(2)}**`, fmt.mib(addOne.peakTreeBytes)];
        })));
  }
  const searched = sizes.filter((r) => r.search);
  if (searched.length) {
    parts.push('## Archive: search\n\nCtrl+K on the first episode\'s first section page, then the query in one input event (as in the search table above). Queries: a word the generator planted once, a planted two-word phrase, a guest\'s name with their planted word, and a word said everywhere. ' +
      'Bytes are everything fetched from Ctrl+K until the first results settled (search code, Pagefind, every index\'s metadata, index chunks, fragments).',
      table(['episodes', 'indexes', 'query', 'mode', 'ms to first result', 'ms from Ctrl+K', 'requests', 'KB transferred / raw', 'pages found'],
        searched.flatMap((r) => r.search!.summary.map((q) => [String(r.episodes), fmt.int(r.build.groups.median), `“${q.query}”`, q.mode, `**${formatSummary(q.ms, fmt.ms)}**`, q.fromIntentMs ? formatSummary(q.fromIntentMs, fmt.ms) : '–', formatSummary(q.requests, fmt.int), `${fmt.kb(q.transferred.median)} / ${fmt.kb(q.raw.median)}`, q.status.replace(/^(\d+) pages? match(es)? .*$/, '$1')]))),
      table(['episodes', 'library', 'queries', 'success@1', 'success@5', 'MRR'],
        searched.filter((r) => r.relevance).flatMap((r) => r.relevance!.ours.map((k) => [String(r.episodes), k.kind, String(k.queries), k.kind === 'all' ? `**${k.successAt1.toFixed(3)}**` : k.successAt1.toFixed(3), k.successAt5.toFixed(3), k.mrr.toFixed(3)]))));
  }
  const matrix = sizes.find((r) => r.parts);
  if (matrix) {
    const p = matrix.parts!;
    parts.push(`## Archive: ${matrix.episodes} episodes as a matrix of ${p.n} parts\n\nEach part built by \`build --shard K/${p.n}\` on this machine, one after another, then \`join\` (which checks every file of every part against its manifest).`,
      table(['part', 'wall s', 'peak MiB (tree)', 'artifact MB'], [
        ...p.parts.map((x) => [`${x.k}/${p.n}`, x.wallS.toFixed(1), fmt.mib(x.peakTreeBytes), (x.bytes / 1e6).toFixed(1)]),
        ['join', p.join.wallS.toFixed(1), fmt.mib(p.join.peakTreeBytes), '–'],
      ]));
  }
  parts.push('## Archive: targets', targets(sizes));
  return parts.join('\n\n');
}

/** Each target the archive issue set, with what this run measured. */
function targets(sizes: readonly ArchiveSize[]): string {
  const at = (n: number) => sizes.find((r) => r.episodes === n);
  const rows: string[][] = [];
  const peak = (r: ArchiveSize) => Math.max(...r.runs.map((x) => x.peakTreeBytes));
  const thousand = at(1000);
  const fiveThousand = at(5000);
  if (thousand) rows.push(['peak memory of the process tree at 1,000 episodes', '≤ 1.5 GiB', `${(peak(thousand) / GiB).toFixed(2)} GiB`, met(peak(thousand) <= 1.5 * GiB)]);
  if (thousand?.baseline) {
    const ratio = thousand.build.wallS.median / median(thousand.baseline.map((b) => b.wallS));
    rows.push(['clean build at 1,000 episodes ÷ the baseline\'s, same session', '≤ 1.05', ratio.toFixed(2), met(ratio <= 1.05)]);
  }
  if (thousand) {
    const heaviest = Math.max(...sizes.map((r) => r.browse.heaviest.library.bytes));
    rows.push(['every library page on load, any size', '< 30 KB', `${(heaviest / 1024).toFixed(1)} KB`, met(heaviest < 30 * 1024)]);
  }
  if (fiveThousand) {
    rows.push(['5,000 distinct episodes build on this machine', 'yes', 'yes', met(true)]);
    rows.push(['peak memory at 5,000 episodes', '≤ 2 GiB', `${(peak(fiveThousand) / GiB).toFixed(2)} GiB`, met(peak(fiveThousand) <= 2 * GiB)]);
    if (thousand) {
      const ratio = fiveThousand.build.wallS.median / thousand.build.wallS.median;
      rows.push(['clean build, 5,000 ÷ 1,000 episodes', '≤ 5.5', ratio.toFixed(2), met(ratio <= 5.5)]);
    }
  }
  for (const r of sizes.filter((x) => x.episodes >= 1000)) {
    const n = fmt.int(r.episodes);
    rows.push([`site size per episode at ${n} episodes, default downloads`, `≤ ${SIZE_BUDGET.kb} KB`, `${kbPerEpisode(r).toFixed(0)} KB`, met(kbPerEpisode(r) <= SIZE_BUDGET.kb)]);
    rows.push([`files per episode at ${n} episodes`, `≤ ${SIZE_BUDGET.files}`, filesPerEpisode(r).toFixed(1), met(filesPerEpisode(r) <= SIZE_BUDGET.files)]);
    rows.push([`site size per episode at ${n} episodes, without downloads`, `≤ ${SIZE_BUDGET.pagesKb} KB`, `${pagesKbPerEpisode(r).toFixed(0)} KB`, met(pagesKbPerEpisode(r) <= SIZE_BUDGET.pagesKb)]);
  }
  for (const [n, label, limit, key] of [[REBUILD_REFERENCE, 'adding 1 episode to 20', 0.6, 'addOne'], [1000, 'adding 1 episode to 1,000', 0.25, 'addOne'], [1000, 'unchanged library of 1,000', 0.15, 'unchanged']] as const) {
    const r = at(n);
    if (!r?.rebuild) continue;
    const ratio = r.rebuild[key].wallS / r.build.wallS.median;
    rows.push([`rebuild: ${label}, ÷ clean build`, `≤ ${limit}`, ratio.toFixed(2), met(ratio <= limit)]);
  }
  const one = at(SEARCH_REFERENCE);
  for (const r of sizes.filter((x) => x.episodes >= 1000 && x.search)) {
    for (const mode of ['cold', 'ready'] as const) {
      const ratios = r.search!.summary.filter((q) => q.mode === mode).map((q, i) => q.ms.median / one!.search!.summary.filter((x) => x.mode === mode)[i]!.ms.median);
      const worst = Math.max(...ratios);
      if (r.episodes === 1000) rows.push([`first result (${mode}), 1,000 ÷ 1 episode, worst query`, '≤ 1.5', worst.toFixed(2), met(worst <= 1.5)]);
      else rows.push([`first result (${mode}), ${fmt.int(r.episodes)} ÷ 1 episode, worst query`, 'reported', worst.toFixed(2), '–']);
    }
    if (r.relevance) {
      const all = r.relevance.ours.at(-1)!.successAt1;
      rows.push([`success@1 at ${fmt.int(r.episodes)} episodes (planted queries)`, '≥ 0.95', all.toFixed(3), met(all >= 0.95)]);
    }
  }
  return table(['target', 'goal', 'measured', ''], rows);
}
