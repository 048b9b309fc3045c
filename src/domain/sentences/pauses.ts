/**
 * What a silence says about a sentence end, as log-odds to add to the words' evidence. Set from
 * what is known of speech, not fitted to any transcript here: pauses inside a sentence are mostly
 * under a quarter of a second (breaths and hesitations), pauses between sentences mostly longer
 * than half a second (Goldman-Eisler 1968; Campione & Véronis 2002).
 */

/** Seconds a word of `letters` letters takes to say, at about 150 words a minute. */
export const wordSeconds = (letters: number): number => 0.06 + 0.06 * letters;

/** Log-odds of a sentence end after a silence of `seconds`: against below 0.15 s, for above 0.3 s. */
export function pauseEvidence(seconds: number): number {
  if (seconds <= 0.15) return -1.5;
  if (seconds <= 0.3) return -1.5 + ((seconds - 0.15) / 0.15) * 1.5;
  return Math.min(3.5, ((seconds - 0.3) / 0.3) * 3.5);
}
