/**
 * A paragraph's anchor: `t-<seconds>` (whole seconds), and `t-<seconds>-<n>` for the n-th
 * paragraph to start in the same second of one page. Links, the resolver and the player all read
 * the paragraph's moment from it.
 */
export const anchorId = (second: number, n = 1): string => (n === 1 ? `t-${second}` : `t-${second}-${n}`);

/** The second an anchor names, or undefined for ids that are not paragraph anchors. */
export function anchorTime(id: string): number | undefined {
  const m = /^t-(\d+)(?:-\d+)?$/.exec(id);
  return m ? Number(m[1]) : undefined;
}
