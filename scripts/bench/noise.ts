/**
 * How much else the machine did during a build. On a shared 2-core machine another job can steal
 * a core and make a build look slower than it is; rather than guess, we measure it: CPU time spent
 * by all processes (from /proc/stat) minus the CPU time of this process and the children it has
 * waited for (from /proc/self/stat), plus the hypervisor's "steal" time.
 */
import { readFileSync } from 'node:fs';

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
