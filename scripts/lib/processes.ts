/** Whether a process is still running: folders named for a process are stale once it is gone. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
