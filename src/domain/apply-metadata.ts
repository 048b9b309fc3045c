/** The sidecar wins over the transcript, field by field. */
import { autoSections } from './auto-sections.ts';
import type { Sidecar } from './sidecar.ts';
import type { ParsedTranscript, SectionSource } from './types.ts';

/**
 * Merge `sidecar` into `parsed`. `chapters` are the sections read from the sidecar's chapters
 * file, if it names one. Without sections from any source, the episode is divided automatically.
 */
export function applySidecar(parsed: ParsedTranscript, sidecar: Sidecar | undefined, chapters?: SectionSource[]): ParsedTranscript {
  const out: ParsedTranscript = { ...parsed, metadata: { ...parsed.metadata } };
  if (sidecar) {
    const s = sidecar;
    if (s.title) out.title = s.title;
    if (s.description) out.description = s.description;
    if (s.slug) out.slug = s.slug;
    if (s.media) out.media = s.media;
    if (s.date) out.metadata.date = s.date;
    if (s.language) out.metadata.language = s.language;
    if (s.keyPoints) out.keyPoints = s.keyPoints.map((k, i) => ({ ...k, line: s.lines[`keyPoints.${i}`] }));
    if (s.quotes) out.quotes = s.quotes.map((q, i) => ({ ...q, line: s.lines[`quotes.${i}`] }));
    if (s.sections) {
      const sorted = [...s.sections].sort((a, b) => a.start - b.start);
      out.sections = sorted.map((sec, i) => ({
        start: sec.start,
        end: sorted[i + 1]?.start ?? Math.max(out.metadata.duration, parsed.fragments.at(-1)?.time ?? 0),
        title: sec.title,
        ...(sec.tag ? { tag: sec.tag } : {}),
        summary: sec.summary ?? '',
        line: s.lines[`sections.${s.sections!.indexOf(sec)}`],
      }));
    } else if (chapters?.length) {
      out.sections = chapters;
    }
    if (s.speakers) out.fragments = nameTurns(out.fragments, s.speakers);
  }
  if (out.sections.length === 0) {
    out.sections = autoSections(out.fragments, out.metadata.duration);
    out.autoSections = true;
  }
  return out;
}

/** Give names to speaker turns: a list in order, or an alternation. The start is the first turn. */
function nameTurns(fragments: ParsedTranscript['fragments'], speakers: NonNullable<Sidecar['speakers']>): ParsedTranscript['fragments'] {
  let turn = 0;
  return fragments.map((f, i) => {
    if (i > 0 && f.turn) turn++;
    const name = speakers.turns ? speakers.turns[turn] : speakers.alternate?.[turn % speakers.alternate.length];
    return name ? { ...f, speaker: name } : f;
  });
}
