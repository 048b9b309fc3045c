/**
 * How long reading one hour of speech takes in each format: the bundled episode (58:47, 13,084
 * words) written out as every format the site reads, by the same writers as the test fixtures.
 * "Read" is bytes to fragments (decoding, recognising the format, the reader); "check" is the
 * second, simple reading and the comparison that prove no word was lost or doubled.
 */
import { readFileSync } from 'node:fs';
import { decodeText } from '../src/domain/decode-text.ts';
import { input, recognise } from '../src/domain/formats/index.ts';
import { parseYoutldr } from '../src/domain/formats/youtldr.ts';
import { checkReading, tokens } from '../src/domain/invariants.ts';
import { SPOKEN } from '../src/domain/spoken-words.ts';
import * as write from '../test/fixtures/formats/writers.ts';
import { summarize, type Summary } from './stats.ts';

export interface ParseResult {
  file: string;
  format: string;
  bytes: number;
  words: number;
  readMs: Summary;
  checkMs: Summary;
}

/**
 * The bundled episode as cues: each fragment, its speaker turns named Host and Guest in turn.
 * YouTLDR times whole seconds; fragments that share one are spread over it, so cues never overlap.
 */
function hourOfCues(bundled: string): write.Cue[] {
  const parsed = parseYoutldr(readFileSync(bundled, 'utf8'), 'bundled');
  const spoken = parsed.fragments.filter((f) => tokens(f.text).length > 0);
  const starts = spoken.map((f) => {
    const same = spoken.filter((g) => g.time === f.time);
    return f.time + same.indexOf(f) / same.length;
  });
  let speaker = 'Host';
  return spoken.map((f, i) => {
    if (f.turn) speaker = speaker === 'Host' ? 'Guest' : 'Host';
    return { start: write.round(starts[i]!), end: write.round(starts[i + 1] ?? f.time + 2), speaker, words: tokens(f.text) };
  });
}

export async function parseTimes(bundled: string, runs: number): Promise<ParseResult[]> {
  const cues = hourOfCues(bundled);
  const files: Array<[string, string]> = [
    ['hour.youtldr.txt', readFileSync(bundled, 'utf8')],
    ['hour.en.vtt (YouTube)', write.youtubeVtt(cues)],
    ['hour.vtt', write.plainVtt(cues)],
    ['hour.srt', write.srt(cues)],
    ['hour.json (Podcasting 2.0, a segment per word)', write.podcastJson(cues)],
    ['hour.json (openai-whisper, with words)', write.whisper(cues)],
    ['hour.json (WhisperX)', write.whisperx(cues)],
    ['hour.wav.json (whisper.cpp -ojf)', write.whisperCpp(cues)],
    ['hour.txt (Otter)', write.otter(cues)],
    ['hour.txt (Rev)', write.rev(cues)],
    ['hour.txt (Descript)', write.descript(cues)],
  ];
  const results: ParseResult[] = [];
  for (const [label, text] of files) {
    const bytes = Buffer.from(text);
    const name = label.split(' ')[0]!;
    const reads: number[] = [];
    const checks: number[] = [];
    let format = '';
    let words = 0;
    // One run to warm up, then the measured ones.
    for (let run = 0; run <= runs; run++) {
      const t0 = performance.now();
      const i = input(decodeText(bytes, name), name);
      const parsed = await recognise(i).read(i);
      const t1 = performance.now();
      checkReading(parsed, SPOKEN[parsed.format](i.text));
      const t2 = performance.now();
      if (run === 0) {
        format = parsed.format;
        words = parsed.fragments.reduce((n, f) => n + tokens(f.text).length, 0);
        continue;
      }
      reads.push(t1 - t0);
      checks.push(t2 - t1);
    }
    results.push({ file: label, format, bytes: bytes.length, words, readMs: summarize(reads), checkMs: summarize(checks) });
  }
  return results;
}
