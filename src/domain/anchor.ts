/**
 * A paragraph's anchor: `t-<seconds>` (whole seconds), and `t-<seconds>-<n>` for the n-th
 * paragraph to start in the same second of one section (its pages share the count). Links, the
 * resolver and the player all read the paragraph's moment from it.
 */
export const anchorId = (second: number, n = 1): string => (n === 1 ? `t-${second}` : `t-${second}-${n}`);

/**
 * Names one section's paragraphs, given in order by the second each starts at: the n-th to start
 * in a second gets `anchorId(second, n)`. Reflow names them with it, and the moment resolver
 * names them again from their seconds alone.
 */
export function anchorNamer(): (second: number) => string {
  const seen = new Map<number, number>();
  return (second) => {
    const n = (seen.get(second) ?? 0) + 1;
    seen.set(second, n);
    return anchorId(second, n);
  };
}

/** The second an anchor names, or undefined for ids that are not paragraph anchors. */
export function anchorTime(id: string): number | undefined {
  const m = /^t-(\d+)(?:-\d+)?$/.exec(id);
  return m ? Number(m[1]) : undefined;
}
