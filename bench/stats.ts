/** Median and range of repeated measurements: one run on a shared 2-core machine proves little. */

export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarize(values: number[]): Summary {
  if (values.length === 0) throw new Error('nothing to summarize');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  // With an even count the median is the mean of the two middle values.
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: values.length };
}

/** The keys of T whose values are numbers. */
export type NumericKeys<T> = { [K in keyof T]: T[K] extends number ? K : never }[keyof T];

/** Summarizes every numeric field of a list of like records, field by field. */
export function summarizeFields<T extends object>(records: T[]): Record<NumericKeys<T>, Summary> {
  const out = {} as Record<NumericKeys<T>, Summary>;
  for (const key of Object.keys(records[0]!) as Array<NumericKeys<T>>) {
    if (typeof records[0]![key] === 'number') out[key] = summarize(records.map((r) => r[key] as number));
  }
  return out;
}

/** "1.23 [1.10–1.40]", or just the value when every run gave the same. */
export function formatSummary(s: Summary, format: (n: number) => string): string {
  const median = format(s.median);
  if (s.runs === 1 || format(s.min) === format(s.max)) return median;
  return `${median} [${format(s.min)}–${format(s.max)}]`;
}

export const fmt = {
  s: (n: number) => n.toFixed(2),
  ms: (n: number) => Math.round(n).toString(),
  mib: (bytes: number) => (bytes / 1024 / 1024).toFixed(0),
  kb: (bytes: number) => (bytes / 1000).toFixed(1),
  int: (n: number) => Math.round(n).toLocaleString('en-US'),
  score: (n: number) => Math.round(n * 100).toString(),
};
