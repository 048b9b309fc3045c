/** Speaker conventions shared by the caption formats. */

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
