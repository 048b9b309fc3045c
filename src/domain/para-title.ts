/**
 * A paragraph's title, as its `data-pagefind-title` carries it: its time, and its speaker where
 * known (`12:34 · Name`). Search shows it on each hit and ranks by the name in it; the paragraph
 * tools read the time and the speaker back from it for a citation, so the page states them once.
 */
const SEPARATOR = ' · ';

export const paraTitle = (clock: string, speaker: string | undefined): string => (speaker ? `${clock}${SEPARATOR}${speaker}` : clock);

/** A paragraph's time and speaker, from its title. */
export const titleParts = (title: string): [clock: string, speaker?: string] => title.split(SEPARATOR) as [string, string?];

/** The speaker a search hit's title names, if it is a paragraph's (other hits are titled by their headings). */
export function speakerOfTitle(title: string): string | undefined {
  const [clock, speaker] = titleParts(title);
  return /^\d[\d:]*$/.test(clock) ? speaker : undefined;
}
