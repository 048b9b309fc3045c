/** Where an episode ends, in whole seconds: one definition for sections, pages and checks. */
import type { Fragment } from './types.ts';

/**
 * The later of the duration the source states and the end of its last words. Where the source
 * gives no end (a text export's last turn), the last words take at least the second they start in.
 */
export function episodeEnd(transcript: { metadata: { duration?: number }; fragments: readonly Fragment[] }): number {
  const last = transcript.fragments.at(-1);
  if (!last) return transcript.metadata.duration ?? 0;
  return Math.max(transcript.metadata.duration ?? 0, Math.ceil(last.end ?? last.time), Math.floor(last.time) + 1);
}
