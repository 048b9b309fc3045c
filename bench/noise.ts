/**
 * How much else the machine did during a build. On a shared 2-core machine another job can steal
 * a core and make a build look slower than it is; rather than guess, we measure it: CPU time spent
 * by all processes (from /proc/stat) minus the CPU time of this process and the children it has
 * waited for (from /proc/self/stat), plus the hypervisor's "steal" time.
 */
import { readFileSync, readdirSync } from 'node:fs';

export interface CpuMark {
  busyTicks: number;
  stealTicks: number;
  /** This process's own CPU time (utime + stime). */
  selfTicks: number;
  /** CPU time of the children this process has waited for (cutime + cstime). */
  childTicks: number;
}

/** Linux counts these in USER_HZ, which is 100 on every mainstream architecture. */
const TICKS_PER_S = 100;

export function cpuMark(): CpuMark {
  // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"
  const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // Fields after the command name, which may itself contain spaces and parentheses.
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ').pop()!.split(' ').map(Number);
  // utime, stime, cutime, cstime are fields 14–17, i.e. 11–14 once pid and comm are cut off.
  return {
    busyTicks: user! + nice! + system! + irq! + softirq!,
    stealTicks: steal ?? 0,
    selfTicks: fields[11]! + fields[12]!,
    childTicks: fields[13]! + fields[14]!,
  };
}

export interface CpuUse {
  /** CPU seconds of the children reaped in between: the build, when it is the only one. */
  childS: number;
  /** CPU seconds used by every other process on the machine. */
  othersS: number;
  /** Seconds the hypervisor gave this VM's CPUs to someone else. */
  stealS: number;
}

export function cpuUse(before: CpuMark, after: CpuMark): CpuUse {
  const d = (key: keyof CpuMark) => after[key] - before[key];
  const others = d('busyTicks') - d('selfTicks') - d('childTicks');
  return { childS: d('childTicks') / TICKS_PER_S, othersS: Math.max(0, others) / TICKS_PER_S, stealS: d('stealTicks') / TICKS_PER_S };
}

/**
 * Each process's own CPU ticks so far, by "pid command". Children's time (cutime) is left out: a
 * shell's count jumps by a whole test run's CPU when it reaps it, whenever that ran.
 */
export function processTicks(): Map<string, number> {
  const ticks = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(') ') + 2).split(' ').map(Number);
      ticks.set(`${pid} ${command}`, f[11]! + f[12]!);
    } catch {
      // The process ended between listing and reading: nothing to count.
    }
  }
  return ticks;
}

/**
 * The processes (other than this one) that used the most CPU between two snapshots, e.g.
 * "node 6.1 s, chromium 0.4 s". Only processes alive at both ends are compared, so a build's own
 * short-lived helpers are not counted as others; nor are other short-lived processes, which is
 * why this list can add up to less than the total in cpuUse().
 */
export function busiestOthers(before: Map<string, number>, after: Map<string, number>, limit = 3): string {
  const self = `${process.pid} `;
  return [...after]
    .filter(([key]) => before.has(key) && !key.startsWith(self))
    .map(([key, ticks]) => [key.replace(/^\d+ /, ''), (ticks - before.get(key)!) / TICKS_PER_S] as const)
    .filter(([, s]) => s >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([command, s]) => `${command} ${s.toFixed(1)} s`)
    .join(', ');
}
