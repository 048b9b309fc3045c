#!/usr/bin/env node
/**
 * Where a build's CPU time goes, from a V8 .cpuprofile (written by `node --cpu-prof`):
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof src/build/cli.ts build --content … --out …
 *   node bench/profile.ts /tmp/prof/CPU.*.cpuprofile [--top 25] [--from S] [--to S]
 *
 * --from/--to keep only the samples taken in that window (seconds from the profile's start), e.g.
 * to look at the Astro phase alone: async code loses its callers, so inclusive time cannot
 * separate the phases, but time can.
 * Prints self time by package, by file and by function, and inclusive time by function (a
 * function counted once per sample however deep it recurses), as Markdown tables.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** "astro", "@astrojs/mdx", "src/domain/nlp.ts", "(node internals)", "(garbage collector)" … */
function owner(url: string): string {
  if (!url) return '(V8 / native)';
  if (url.startsWith('node:')) return '(node internals)';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)?.pop();
  if (pkg) return pkg.replace('node_modules/', '');
  return shortFile(url);
}

function shortFile(url: string): string {
  const file = url.replace(/^file:\/\//, '');
  const inModules = file.lastIndexOf('node_modules/');
  if (inModules >= 0) return file.slice(inModules + 'node_modules/'.length);
  return file.replace(/^.*?\/(src|scripts|astro\.config\.mjs)/, '$1');
}

function frameName(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  return frame.url ? `${name} ${shortFile(frame.url)}:${frame.lineNumber + 1}` : name;
}

export function analyse(profile: Profile, top: number, fromS = 0, toS = Infinity): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const selfByFunction = new Map<string, number>();
  const selfByFile = new Map<string, number>();
  const selfByOwner = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  let totalMs = 0;
  let clockUs = 0;

  profile.samples.forEach((id, i) => {
    clockUs += profile.timeDeltas[i]!;
    if (clockUs / 1e6 < fromS || clockUs / 1e6 >= toS) return;
    // timeDeltas[i] is the time *before* sample i; the time a sample stands for is the next delta.
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    totalMs += ms;
    const node = byId.get(id)!;
    add(selfByFunction, frameName(node.callFrame), ms);
    add(selfByFile, node.callFrame.url ? shortFile(node.callFrame.url) : node.callFrame.functionName, ms);
    add(selfByOwner, node.callFrame.url ? owner(node.callFrame.url) : node.callFrame.functionName || '(V8 / native)', ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = frameName(byId.get(at)!.callFrame);
      if (!seen.has(name)) add(inclusive, name, ms);
      seen.add(name);
    }
  });

  const rows = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => `| ${(k.length > 100 ? `${k.slice(0, 99)}…` : k).replace(/\|/g, '\\|')} | ${(ms / 1000).toFixed(2)} | ${((ms / totalMs) * 100).toFixed(1)} |`)
      .join('\n');
  const section = (title: string, map: Map<string, number>) => `### ${title}\n\n| what | s | % |\n|---|---:|---:|\n${rows(map)}`;
  return [
    `Profile: ${(totalMs / 1000).toFixed(1)} s of samples on the main thread` +
      `${fromS > 0 || toS < Infinity ? `, from ${fromS} s to ${toS === Infinity ? 'the end' : `${toS} s`}` : ''} (whole profile: ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s).`,
    section('Self time by package or file owner', selfByOwner),
    section('Self time by file', selfByFile),
    section('Self time by function', selfByFunction),
    section('Inclusive time by function', inclusive),
  ].join('\n\n');
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '25' }, from: { type: 'string', default: '0' }, to: { type: 'string' } },
  });
  if (positionals.length !== 1) {
    console.error('usage: node bench/profile.ts FILE.cpuprofile [--top N] [--from S] [--to S]');
    process.exit(1);
  }
  const profile = JSON.parse(readFileSync(positionals[0]!, 'utf8')) as Profile;
  console.log(analyse(profile, Number(values.top), Number(values.from), values.to === undefined ? Infinity : Number(values.to)));
}

if (import.meta.main) main();
