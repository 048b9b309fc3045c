/**
 * Where the reader stopped, per episode, in local storage: the section page's script reads it to
 * offer "Resume from 6:40", the player writes it while playing. The clock is stored with the
 * second so that the page's own script needs no clock formatting of its own. Storage can be off
 * (private mode): then nothing is remembered and nothing fails.
 */
import { formatClock } from '../../domain/time';

const key = (episode: string) => `transcript-site:position:${episode}`;

export interface Position {
  t: number;
  clock: string;
}

/** Where the reader stopped in this episode, if anywhere. */
export function savedPosition(episode: string): Position | undefined {
  try {
    const [t, clock] = JSON.parse(localStorage.getItem(key(episode)) ?? '[]') as [number?, string?];
    return t && clock ? { t, clock } : undefined;
  } catch {
    return undefined;
  }
}

export function savePosition(episode: string, t: number | undefined): void {
  try {
    if (t === undefined) localStorage.removeItem(key(episode));
    else localStorage.setItem(key(episode), JSON.stringify([Math.floor(t), formatClock(t)]));
  } catch {
    // Storage off or full: this visit's position is not remembered.
  }
}
