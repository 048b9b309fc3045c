/** Sections where the talk changes subject, for transcripts that come without any. */
import type { Fragment, SectionSource } from '../types.ts';
import { segmentUnits, type SegmentOptions } from './segment.ts';
import { topicUnits } from './units.ts';

/** `end`: the episode's end (episode-end.ts). Titles are filled in once the text is final. */
export function topicSections(fragments: readonly Fragment[], end: number, options: Partial<SegmentOptions> = {}): SectionSource[] {
  const units = topicUnits(fragments);
  const starts = segmentUnits(units, end, options).map((u) => units[u]!.time);
  if (starts.length === 0) starts.push(0);
  starts[0] = Math.min(starts[0]!, fragments[0]?.time ?? 0, 0);
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? end, title: '', summary: '', origin: 'topics' as const, line: undefined }));
}
