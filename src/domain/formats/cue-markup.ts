/**
 * The text of a caption cue, from its markup: WebVTT tags (`<v Name>`, `<c.class>`, `<b>`, `<i>`,
 * `<u>`, `<lang>`, `<ruby>` with its `<rt>` dropped), inline word times (`<00:00:01.234>`), the
 * `<font>` tags and ASS/SSA override blocks (`{\an8}`, `{\i1}`) that SRT files carry, and HTML
 * entities. media-captions finds the cues; this reads what is inside one, because captions in the
 * wild break the WebVTT rules media-captions' own cue tokenizer follows: it drops a bare `<` with
 * the words after it ("x < y", "<3") and leaves most named entities (`&hellip;`) undecoded.
 */
import { decodeHTMLStrict } from 'entities';

/** A run of cue text in one voice, starting at one time (`undefined`: the cue's start). */
export interface CueRun {
  text: string;
  voice: string | undefined;
  time: number | undefined;
}

/** ASS/SSA override blocks: `{\an8}`, `{\i1}`, `{\c&H00FFFF&}`. */
export const OVERRIDE = /\{\\[^{}\n]*\}/g;
/** A tag as captions write them: `<b>`, `</c>`, `<c.yellow.bg>`, `<v Ada>`, `<font color="#fff">`. */
export const TAG = /<\/?[A-Za-z][\w-]*(?:\.[\w-]+)*(?:[ \t][^<>\n]*)?>/y;
/** An inline word time: `<00:00:01.234>` or `<01.234>`-less `<00:01.234>`. */
export const TIMESTAMP = /<(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})>/y;
const ENTITY = /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/y;

/** Tags whose contents are not spoken text: ruby annotations (a reading aid, not the words). */
const SILENT = new Set(['rt', 'rp']);

export function cueRuns(markup: string): CueRun[] {
  const source = markup.replace(OVERRIDE, '');
  const runs: CueRun[] = [];
  const open: Array<{ tag: string; voice?: string }> = [];
  let time: number | undefined;
  let text = '';
  const voice = () => open.findLast((o) => o.voice !== undefined)?.voice;
  const silent = () => open.some((o) => SILENT.has(o.tag));
  const flush = () => {
    if (text) {
      const last = runs.at(-1);
      if (last && last.voice === voice() && last.time === time) last.text += text;
      else runs.push({ text, voice: voice(), time });
    }
    text = '';
  };
  for (let i = 0; i < source.length; ) {
    const c = source[i]!;
    if (c === '<') {
      TIMESTAMP.lastIndex = i;
      const stamp = TIMESTAMP.exec(source);
      if (stamp) {
        flush();
        time = (Number(stamp[1] ?? 0) * 3_600_000 + Number(stamp[2]) * 60_000 + Number(stamp[3]) * 1000 + Number(stamp[4])) / 1000;
        i = TIMESTAMP.lastIndex;
        continue;
      }
      TAG.lastIndex = i;
      const tag = TAG.exec(source);
      if (tag) {
        flush();
        const [, closing, name, annotation] = /^<(\/?)([A-Za-z][\w-]*)(?:\.[\w.-]+)?(?:[ \t]+(.*))?>$/.exec(tag[0])!;
        const lower = name!.toLowerCase();
        if (closing) {
          const at = open.findLastIndex((o) => o.tag === lower);
          // `</ruby>` also closes an `<rt>` left open, as the WebVTT rules say.
          if (at >= 0) open.length = at;
          else if (lower === 'ruby') open.length = Math.max(0, open.findLastIndex((o) => o.tag === 'ruby'));
        } else {
          open.push({ tag: lower, ...(lower === 'v' ? { voice: (annotation ?? '').trim() } : {}) });
        }
        i = TAG.lastIndex;
        continue;
      }
    } else if (c === '&') {
      ENTITY.lastIndex = i;
      const entity = ENTITY.exec(source);
      if (entity) {
        if (!silent()) text += decodeHTMLStrict(entity[0]);
        i = ENTITY.lastIndex;
        continue;
      }
    }
    if (!silent()) text += c;
    i++;
  }
  flush();
  // A voice span with no name (`<v>`) names nobody.
  return runs.map((r) => (r.voice === '' ? { ...r, voice: undefined } : r));
}
