/**
 * Folders named for the process that made them (a build's staging output, its private root, a
 * cache entry being written) are left behind when that process is killed; the next build clears
 * those whose process is gone.
 */
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
