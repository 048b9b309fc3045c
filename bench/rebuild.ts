/**
 * Rebuilds, as a podcast's week goes: the library built once with the episode cache, then built
 * again after adding one episode, after changing one correction, and with nothing changed. Each
 * is compared with the clean build of the same size (`--no-cache`) from the same run.
 */
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { timedBuild, type BuildRun } from './build.ts';
import { summarizeFields, type NumericKeys, type Summary } from './stats.ts';

export interface RebuildResult {
  episodes: number;
  /** The first build, with an empty cache: a clean build that also fills the cache. */
  fill: BuildRun[];
  addOne: BuildRun[];
  correction: BuildRun[];
  unchanged: BuildRun[];
  summary: Record<'fill' | 'addOne' | 'correction' | 'unchanged', Record<NumericKeys<BuildRun>, Summary>>;
}

/** `content`: a library written by writeLibrary, of `episodes` copies of `source`. */
export async function rebuilds(project: string, source: string, content: string, episodes: number, work: string, runs: number, log: (m: string) => void): Promise<RebuildResult> {
  const cache = path.join(work, 'cache');
  const out = path.join(work, 'dist');
  const build = () => timedBuild(project, content, out, false, cache);
  const result: Omit<RebuildResult, 'summary'> = { episodes, fill: [], addOne: [], correction: [], unchanged: [] };
  const added = path.join(content, 'added.youtldr.txt');
  const addedSidecar = path.join(content, 'added.yml');
  const corrections = path.join(content, 'corrections.yml');
  for (let run = 1; run <= runs; run++) {
    rmSync(cache, { recursive: true, force: true });
    result.fill.push(await build());
    // A new episode arrives.
    copyFileSync(source, added);
    writeFileSync(addedSidecar, 'title: "A new episode"\nslug: added\ndate: 2026-04-12\n');
    result.addOne.push(await build());
    rmSync(added);
    rmSync(addedSidecar);
    await build(); // back to the library as filled
    // A name the recognition got wrong, fixed in one episode (the bundled corrections.yml's rule).
    writeFileSync(corrections, '- from: Akopi\n  to: Jakub Pachocki\n  episodes: [episode-1]\n');
    result.correction.push(await build());
    rmSync(corrections);
    await build();
    result.unchanged.push(await build());
    const last = (list: BuildRun[]) => list.at(-1)!.wallS.toFixed(1);
    log(`rebuilds ${run}/${runs}, ${episodes} episode(s): first ${last(result.fill)} s, +1 episode ${last(result.addOne)} s, 1 correction ${last(result.correction)} s, unchanged ${last(result.unchanged)} s`);
  }
  return {
    ...result,
    summary: {
      fill: summarizeFields(result.fill),
      addOne: summarizeFields(result.addOne),
      correction: summarizeFields(result.correction),
      unchanged: summarizeFields(result.unchanged),
    },
  };
}
