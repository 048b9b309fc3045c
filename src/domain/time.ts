/** Clock times as transcripts write them: `m:ss`, `mm:ss` or `h:mm:ss`. */

const CLOCK = /^(?:(\d+):([0-5]\d):([0-5]\d)|(\d+):([0-5]\d))$/;

/** Seconds for a clock string, or `undefined` when it is not one. */
export function parseClock(value: string): number | undefined {
  const m = CLOCK.exec(value.trim());
  if (!m) return undefined;
  if (m[1] !== undefined) return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  return Number(m[4]) * 60 + Number(m[5]);
}

/** `m:ss` below an hour, `h:mm:ss` from an hour on, as players show times. */
export function formatClock(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A time range as players show it: `1:53–11:21`. */
export const formatRange = (start: number, end: number): string => `${formatClock(start)}–${formatClock(end)}`;

/** A date as `YYYY-MM-DD` (UTC), for `datetime` attributes and structured data. */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

/** A human duration for labels: `9 min`, `1 h 05 min`, `45 s`. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return `${total} s`;
  const minutes = Math.round(total / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** ISO 8601 duration (`PT58M47S`) for machine-readable markup. */
export function isoDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

/**
 * `01:02.500` (WebVTT, whose hours are optional while they are zero: 6 bytes fewer in each time of
 * a cue under an hour), `1:01:02.500` past the hour, or `00:01:02,500` (SRT, always with hours).
 */
export function cueTime(seconds: number, separator: '.' | ',' = '.'): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const hours = separator === ',' || h > 0 ? `${pad(h)}:` : '';
  return `${hours}${pad(m)}:${pad(s)}${separator}${pad(ms % 1000, 3)}`;
}
