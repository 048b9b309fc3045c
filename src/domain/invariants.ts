/**
 * The promise "every word reaches the site exactly once", checked on the model before anything
 * is written. Failures name the fragments involved so a user can find them in the file.
 */
import { TranscriptError } from './errors.ts';
import type { Episode } from './types.ts';

export const tokens = (text: string): string[] => text.split(/\s+/).filter(Boolean);

export function checkEpisode(episode: Episode): void {
  const { source } = episode;
  const fail = (line: number | undefined, message: string, hint?: string): never => {
    throw new TranscriptError(source.file, line, message, hint);
  };

  // YouTLDR counts the `>>` turn markers among its words.
  const counted = source.fragments.reduce((n, f) => n + tokens(f.text).length, 0) + source.turnMarkers;
  if (source.metadata.words !== undefined && counted !== source.metadata.words) {
    fail(undefined,
      `the metadata says ${source.metadata.words} words but the fragments hold ${counted} (${counted - source.turnMarkers} words and ${source.turnMarkers} ">>" markers)`,
      'the export may be truncated or edited; export it again or fix the word count');
  }

  // Every fragment is in exactly one section, in order.
  let expected = 0;
  for (const section of episode.sections) {
    const [first, end] = section.fragmentRange;
    if (first !== expected) {
      const lost = source.fragments[expected];
      fail(lost?.line, `fragments ${expected}–${first - 1} belong to no section (first: "${lost?.text}")`);
    }
    expected = end;
    // Reflow may regroup the words but must not change them.
    const want = source.fragments.slice(first, end).flatMap((f) => tokens(f.text));
    const got = section.paragraphs.flatMap((p) => tokens(p.text));
    const differ = want.findIndex((w, k) => got[k] !== w);
    if (differ >= 0 || want.length !== got.length) {
      const k = differ >= 0 ? differ : Math.min(want.length, got.length);
      fail(section.line, `section "${section.title}" would show ${got.length} words instead of ${want.length}; first difference at word ${k + 1} ("${want[k] ?? ''}" vs "${got[k] ?? ''}")`);
    }
  }
  if (expected !== source.fragments.length) {
    const lost = source.fragments[expected]!;
    fail(lost.line, `${source.fragments.length - expected} fragments after ${lost.time} s belong to no section`);
  }
}
