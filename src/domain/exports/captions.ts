/** captions.vtt and captions.srt, from the same cues. */
import type { Episode } from '../types.ts';
import { cueTime } from '../time.ts';
import { cues, type Cue } from './cues.ts';

/** WebVTT text is markup: &, < and > must be written as character references. */
const vttText = (text: string) => (/[&<>]/.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text);

/** `made`: the episode's cues, when the caller has them already (both files use the same). */
export function webvtt(episode: Episode, made: readonly Cue[] = cues(episode)): string {
  const blocks = made.map((cue) => {
    // Every cue names its speaker where known: players show cues on their own.
    const voice = cue.speaker ? `<v ${vttText(cue.speaker)}>` : '';
    return `${cueTime(cue.start)} --> ${cueTime(cue.end)}\n${voice}${cue.lines.map(vttText).join('\n')}`;
  });
  return `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}

export function srt(episode: Episode, made: readonly Cue[] = cues(episode)): string {
  let speaker: string | undefined;
  const blocks = made.map((cue, i) => {
    // SRT marks speakers by a "Name:" prefix where a new one starts.
    const prefix = cue.speaker && cue.speaker !== speaker ? `${cue.speaker}: ` : '';
    speaker = cue.speaker ?? speaker;
    const [first, ...rest] = cue.lines;
    return `${i + 1}\n${cueTime(cue.start, ',')} --> ${cueTime(cue.end, ',')}\n${[`${prefix}${first}`, ...rest].join('\n')}`;
  });
  return `${blocks.join('\n\n')}\n`;
}
