/**
 * How far a segmentation is from the true one, as the literature measures it. Both take the
 * positions where segments start (each in 1..n-1; a text of n units) and slide a window of k
 * units over the text, k being half the true segments' mean length unless given:
 * - Pk (Beeferman, Berger & Lafferty 1999): the share of windows whose two ends are in the same
 *   segment in one segmentation and not in the other;
 * - WindowDiff (Pevzner & Hearst 2002): the share of windows holding a different number of
 *   boundaries in the two; it does not reward too few boundaries as Pk does.
 * 0 is perfect; placing no boundary or one every unit typically scores 0.4–0.6.
 */

export interface Scores {
  pk: number;
  windowDiff: number;
  k: number;
}

export function segmentationScores(n: number, truth: readonly number[], found: readonly number[], k?: number): Scores {
  if (n < 2) return { pk: 0, windowDiff: 0, k: 1 };
  const window = k ?? Math.max(1, Math.round(n / (2 * (truth.length + 1))));
  // Segment number of each unit, and boundaries up to each unit, for O(1) window questions.
  const segmentOf = (starts: readonly number[]) => {
    const at = new Int32Array(n);
    const set = new Set(starts);
    for (let i = 1; i < n; i++) at[i] = at[i - 1]! + (set.has(i) ? 1 : 0);
    return at;
  };
  const ref = segmentOf(truth);
  const hyp = segmentOf(found);
  let pkErrors = 0;
  let wdErrors = 0;
  const windows = Math.max(1, n - window);
  for (let i = 0; i + window < n; i++) {
    const refCount = ref[i + window]! - ref[i]!;
    const hypCount = hyp[i + window]! - hyp[i]!;
    if ((refCount === 0) !== (hypCount === 0)) pkErrors++;
    if (refCount !== hypCount) wdErrors++;
  }
  return { pk: pkErrors / windows, windowDiff: wdErrors / windows, k: window };
}
