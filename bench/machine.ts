/** The machine a result was measured on: numbers mean little without it. */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  os: string;
  chromium: string;
  loadAtStart: number[];
}

export function machine(chromiumVersion: string): Machine {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    ramGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${osName()} (kernel ${release()})`,
    chromium: chromiumVersion,
    loadAtStart: loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

function osName(): string {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    return text.match(/^PRETTY_NAME="?([^"\n]*)"?/m)?.[1] ?? 'Linux';
  } catch {
    return process.platform;
  }
}
