/**
 * Sounds a caption describes instead of words: `[Music]`, `[Applause]`, `[Laughter]`,
 * `[Music playing]`. They stay in the text where they were (nothing is lost, and the check that
 * every word reaches its page reads them like any other), but they are not speech: pages show
 * them as tags, search does not index them, word counts and summaries leave them out.
 */
import { tokenCount } from './invariants.ts';

/** One to three words of letters in square brackets (not a Markdown link); an editor's longer insertion is not a sound. */
const SOUND = /\[\p{L}+(?: \p{L}+){0,2}\](?!\()/gu;

/** Where the sound tags of `text` are: `[start, end)` character ranges. */
export function soundTags(text: string): Array<[number, number]> {
  if (!text.includes('[')) return [];
  return [...text.matchAll(SOUND)].map((m) => [m.index, m.index + m[0].length]);
}

export const hasSoundTag = (text: string): boolean => soundTags(text).length > 0;

/** `text` with each sound tag as a space: what was said. */
export const withoutSoundTags = (text: string): string => (text.includes('[') ? text.replace(SOUND, ' ') : text);

/** The words `text` says: its words without its sound tags. */
export const spokenCount = (text: string): number => tokenCount(withoutSoundTags(text));
