/**
 * The speaker turns a section page lists in its on-page contents. A conversation of quick
 * exchanges opens a turn every few seconds: listing each made the contents a second copy of the
 * transcript (a fifth of a section page's bytes on the benchmark's archive) and no quicker to scan.
 * The list keeps the section's first paragraph, then each turn that starts at least a minute
 * after the last one listed; every paragraph keeps its own timestamp link either way.
 */
const CONTENTS_TURN_GAP = 60;

export function contentsTurns<P extends { time: number; turn?: boolean }>(paragraphs: readonly P[]): P[] {
  const listed: P[] = [];
  for (const [i, p] of paragraphs.entries()) {
    if (i === 0 || (p.turn && p.time - listed.at(-1)!.time >= CONTENTS_TURN_GAP)) listed.push(p);
  }
  return listed;
}
