/**
 * The promise "every word reaches the site exactly once", checked on the model before anything
 * is written, and the sections' sanity. Failures name the lines involved so a user can find them.
 */
import { episodeEnd } from './episode-end.ts';
import { formatClock } from './time.ts';
import { TranscriptError } from './errors.ts';
import { isShownForm } from './sentences/display.ts';
import type { Episode, ParsedTranscript } from './types.ts';

/** What counts as a word everywhere: a run of non-space characters, punctuation attached. */
export const tokens = (text: string): string[] => text.split(/\s+/).filter(Boolean);

const SPACE = /\s/;
const ASCII_SPACE = Uint8Array.from({ length: 128 }, (_, c) => (SPACE.test(String.fromCharCode(c)) ? 1 : 0));

/** `tokens(text).length`, without making the words: most callers only count them. */
export function tokenCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c < 128 ? ASCII_SPACE[c] === 1 : SPACE.test(text[i]!);
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/**
 * The words of `texts` in order, as one string: equal for two lists of texts exactly when their
 * `tokens` are (words hold no whitespace, so one space between them is unambiguous).
 */
const wordString = (texts: readonly string[]): string => texts.join(' ').replace(/\s+/g, ' ').trim();

/** `correctionDelta`: words the corrections added (or removed, if negative) to the source's count. */
export function checkEpisode(episode: Episode, correctionDelta = 0): void {
  const { source } = episode;
  const fail = (line: number | undefined, message: string, hint?: string): never => {
    throw new TranscriptError(source.file, line, message, hint);
  };

  // YouTLDR counts the `>>` turn markers among its words. A different count means the export was
  // cut or edited: worth saying, but the words that are there are still published whole.
  const markers = source.fragments.reduce((n, f) => n + (f.label ? tokenCount(f.label) : 0), 0);
  const counted = source.fragments.reduce((n, f) => n + tokenCount(f.text), 0) + markers - correctionDelta;
  if (source.metadata.words !== undefined && counted !== source.metadata.words) {
    episode.warnings.push({
      file: source.file,
      line: source.metadataLine,
      message: `the metadata says ${source.metadata.words} words but the fragments hold ${counted} (${counted - markers} words and ${markers} ">>" markers); the export may be truncated or edited`,
    });
  }

  checkSections(episode, fail);

  // Every fragment is in exactly one section, in order.
  let expected = 0;
  for (const section of episode.sections) {
    const [first, end] = section.fragmentRange;
    if (first !== expected) {
      const lost = source.fragments[expected];
      fail(lost?.line, `fragments ${expected}–${first - 1} belong to no section (first: "${lost?.text}")`);
    }
    expected = end;
    // Reflow may regroup the words but must not change them (found sentences may show a capital
    // and a closing mark, display.ts, and nothing else).
    if (wordString(source.fragments.slice(first, end).map((f) => f.text)) === wordString(section.paragraphs.map((p) => p.text))) continue;
    const want = source.fragments.slice(first, end).flatMap((f) => tokens(f.text));
    const got = section.paragraphs.flatMap((p) => tokens(p.text));
    const same = (shown: string | undefined, word: string) => shown === word || (episode.sentencesFound === true && shown !== undefined && isShownForm(shown, word));
    const differ = want.findIndex((w, k) => !same(got[k], w));
    if (differ >= 0 || want.length !== got.length) {
      const k = differ >= 0 ? differ : Math.min(want.length, got.length);
      fail(section.line, `section "${section.title}" would show ${got.length} words instead of ${want.length}; first difference at word ${k + 1} ("${want[k] ?? ''}" vs "${got[k] ?? ''}")`);
    }
  }
  if (expected !== source.fragments.length) {
    const lost = source.fragments[expected]!;
    fail(lost.line, `${source.fragments.length - expected} fragments after ${lost.time} s belong to no section`);
  }
}

/** Sections must be in order, not overlap, end after they start and lie within the transcript. */
function checkSections(episode: Episode, fail: (line: number | undefined, message: string, hint?: string) => never): void {
  const { source } = episode;
  const last = source.fragments.at(-1)!;
  const transcriptEnd = episodeEnd(source);
  const fixHint = 'section ranges come from the transcript\'s section summaries or the sidecar\'s sections';
  episode.sections.forEach((s, i) => {
    if (s.end <= s.start) fail(s.line, `section "${s.title}" ends (${formatClock(s.end)}) before it starts (${formatClock(s.start)})`, fixHint);
    const previous = episode.sections[i - 1];
    if (previous && s.start < previous.end) {
      fail(s.line, `section "${s.title}" starts at ${formatClock(s.start)}, inside "${previous.title}" (until ${formatClock(previous.end)})`, fixHint);
    }
    if (s.start > last.time) {
      fail(s.line, `section "${s.title}" starts at ${formatClock(s.start)}, after the transcript's last words (${formatClock(last.time)})`, fixHint);
    }
    if (s.end > transcriptEnd + 60) {
      fail(s.line, `section "${s.title}" ends at ${formatClock(s.end)}, more than a minute after the transcript ends (${formatClock(transcriptEnd)})`, fixHint);
    }
  });
  const seen = new Set<string>();
  for (const s of episode.sections) {
    const key = s.title.trim().toLowerCase();
    if (seen.has(key)) {
      episode.warnings.push({ file: source.file, line: s.line, message: `two sections are titled "${s.title}"; the second gets the address …/${s.slug}/` });
    }
    seen.add(key);
  }
}

/**
 * "Every word once", at the first step: the words a reader took from a file (with the labels it
 * set aside as speaker names or turn markers) against a second, simple reading of the same file
 * (spoken-words.ts). A difference is a bug in this project's reader, not in the file; it stops the
 * build rather than publish a transcript with words missing or doubled.
 */
export function checkReading(parsed: ParsedTranscript, spoken: ReadonlyArray<readonly [string, number | undefined]>): void {
  const bug = 'this is a bug in transcript-site, not in your file: please report it with the file; nothing was published';
  const untimed = parsed.fragments.find((f) => f.words && f.words.length !== tokenCount(f.text));
  if (untimed) throw new TranscriptError(parsed.file, untimed.line, `the ${parsed.format} reader timed ${untimed.words!.length} words of a fragment that has ${tokenCount(untimed.text)}`, bug);
  const read = parsed.fragments.flatMap((f) => (f.label ? [...tokens(f.label), ...tokens(f.text)] : tokens(f.text)));
  const words = spoken.map(([w]) => w);
  if (wordString(read) === wordString(words)) return;
  const k = words.findIndex((w, i) => read[i] !== w);
  const at = k >= 0 ? k : Math.min(read.length, words.length);
  // The line of the first word that differs: in the file where the simple reading knows it, else
  // in the fragment the reader made of it.
  let seen = 0;
  const fragment = parsed.fragments.find((f) => (seen += tokenCount(f.label ?? '') + tokenCount(f.text)) > at) ?? parsed.fragments.at(-1);
  throw new TranscriptError(parsed.file, spoken[at]?.[1] ?? fragment?.line,
    `the ${parsed.format} reader took ${read.length} words from this file, which holds ${words.length}; ` +
      `first difference at word ${at + 1}: the file has "${words[at] ?? ''}", the reader "${read[at] ?? ''}"`,
    bug);
}
