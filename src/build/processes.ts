/**
 * Folders named for the process that made them (a build's staging output, its private root, a
 * cache entry being written) are left behind when that process is killed; the next build clears
 * those whose process is gone.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Whether a process is still running. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Removes the entries of `dir` whose name `pidOf` reads a process id from, and that process is gone. */
export function removeLeftovers(dir: string, pidOf: (name: string) => string | undefined): void {
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const pid = pidOf(name);
    if (pid !== undefined && !alive(Number(pid))) rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

/**
 * Removes folders named for this process from a detached process, so the build hands the prompt
 * back without waiting on the disk (a 200-episode site's old dist/ and generated files are ~9,000
 * files: seconds). Whatever it has not removed when it stops is a leftover like any other, cleared
 * by the next build.
 */
export function removeLater(dirs: readonly string[]): void {
  const remover = spawn(process.execPath, ['-e', 'for (const d of process.argv.slice(1)) require("node:fs").rmSync(d, { recursive: true, force: true })', ...dirs], {
    detached: true,
    stdio: 'ignore',
  });
  remover.on('error', () => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  remover.unref();
}
