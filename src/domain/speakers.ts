/** Speakers: the conventions the caption formats share, and who speaks in an episode. */
import type { Episode } from './types.ts';

// "Name: text" at the start of a cue, as SRT files and some VTT files mark speakers.
// Names may carry numbers and underscores, as transcription services label unknown voices:
// "Speaker 1:", "SPEAKER_00:", "Interviewer 2:".
const PREFIX = /^((?:\p{Lu}[\p{L}\p{N}_'’.-]*)(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}_'’.-]*){0,3}|\[[^\]\n]{1,40}\]):\s+(.*)$/su;

/** Split a leading `Name:` speaker prefix from cue text. */
export function speakerPrefix(text: string): { speaker?: string; text: string } {
  const m = PREFIX.exec(text);
  if (!m) return { text };
  return { speaker: m[1]!.replace(/^\[|\]$/g, '').trim(), text: m[2]! };
}

/**
 * A label that names nobody: diarization's "Speaker 1" (shown for `SPEAKER_00`), "Speaker A",
 * "spk_2". Such a speaker is shown on its paragraphs but is not a person the library lists.
 */
export const isGenericSpeaker = (name: string): boolean => /^(?:speaker|spk|spkr)[ _-]?[0-9a-z]{1,2}$/i.test(name.trim());

/** Everyone who speaks in `episode`, in order of their first words. */
export function episodeSpeakers(episode: Episode): string[] {
  return [...new Set(episode.sections.flatMap((s) => s.paragraphs.flatMap((p) => (p.speaker ? [p.speaker] : []))))];
}
