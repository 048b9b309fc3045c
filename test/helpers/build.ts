/** Runs the real build (`scripts/transcript-site.mjs build`) in a child process, the way `npm run build` does. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..', '..');
export const bundled = path.join(root, 'content', 'openai-chief-scientist.youtldr.txt');
/** The bundled episode's slug and its sections' slugs, as the build names them. */
export const SLUG = 'openais-chief-scientist-on-continual-learning-hype';
export const SECTIONS = [
  'intro-and-background', 'timelines-and-benchmarks', 'business-and-developer-strategy', 'continual-learning-and-science',
  'ai-safety-and-alignment', 'openai-internal-culture', 'quickfire-and-societal-impact',
];

export interface BuildResult {
  code: number | null;
  stdout: string;
  stderr: string;
  out: string;
}

export function tempDir(name: string): string {
  return mkdtempSync(path.join(tmpdir(), `transcript-site-${name}-`));
}

/**
 * Build `content` into `out` (each build renders in its own private root, so tests never touch
 * src/ and may run beside any other build). Without
 * the episode cache unless `args` name a cache folder (`--cache-dir`): a test sees what this code
 * prepares, never what an earlier test's build kept.
 */
export function build(content: string, out: string, ...args: string[]): BuildResult {
  const cache = args.includes('--cache-dir') ? [] : ['--no-cache'];
  const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'transcript-site.mjs'), 'build', '--content', content, '--out', out, ...cache, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, out };
}

/** Runs `transcript-site check …`. */
export function check(...files: string[]): BuildResult {
  const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'transcript-site.mjs'), 'check', ...files], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, out: '' };
}

/**
 * A built section's pages in reading order, as folders below the site: `ep/section`, then
 * `ep/section/2`, `ep/section/3`… (a long section's transcript goes over several pages).
 */
export function sectionPageDirs(out: string, episode: string, section: string): string[] {
  const folder = path.join(out, episode, section);
  const more = readdirSync(folder, { withFileTypes: true }).filter((d) => d.isDirectory() && /^\d+$/.test(d.name)).map((d) => Number(d.name)).sort((a, b) => a - b);
  return [path.join(episode, section), ...more.map((n) => path.join(episode, section, String(n)))];
}
