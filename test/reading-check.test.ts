/**
 * The build's "every word once" check starts at the file: what a reader produced is compared with
 * a second, simple reading of the same file (src/domain/spoken-words.ts). Shown here by breaking
 * each reader on purpose, the way a real bug would: one line read twice, one line lost.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { TranscriptError } from '../src/domain/errors.ts';
import { READERS, type Reader } from '../src/domain/formats/index.ts';
import { readEpisode } from '../src/domain/read-episode.ts';
import type { ParsedTranscript, TranscriptFormat } from '../src/domain/types.ts';
import { bundled, root } from './helpers/build.ts';

const fixture = (...parts: string[]) => path.join(root, 'test', 'fixtures', ...parts);
/** A file of each format. */
const FILES: Record<TranscriptFormat, string> = {
  'youtldr': bundled,
  'vtt': fixture('podcast-namespace', 'long-example.vtt'),
  'srt': fixture('podcast-namespace', 'example.srt'),
  'youtube-captions': fixture('formats', 'ten-things.en.vtt'),
  'podcast-json': fixture('podcast-namespace', 'example.json'),
  'whisper-json': fixture('formats', 'whisper.json'),
  'whisperx-json': fixture('formats', 'whisperx.json'),
  'whisper-cpp-json': fixture('formats', 'talk.wav.json'),
  'otter-text': fixture('formats', 'otter.txt'),
  'timestamped-text': fixture('formats', 'descript.txt'),
};

/** The readers, with `format`'s read changed by `bug`. */
function broken(format: TranscriptFormat, bug: (p: ParsedTranscript) => void): Reader[] {
  return READERS.map((r) => (r.format !== format ? r : { ...r, read: async (i) => {
    const parsed = await r.read(i);
    bug(parsed);
    return parsed;
  } }));
}

const read = (format: TranscriptFormat, readers?: Reader[]) =>
  readEpisode({ name: 'x', transcript: { name: path.basename(FILES[format]), text: readFileSync(FILES[format], 'utf8') } }, [], undefined, readers);

describe('the build refuses a reader that loses or doubles a line', () => {
  for (const format of Object.keys(FILES) as TranscriptFormat[]) {
    it(`${format}: reads cleanly; a line read twice and a line lost both stop the build`, async () => {
      const episode = await read(format);
      assert.equal(episode.source.format, format);
      const middle = (p: ParsedTranscript) => Math.floor(p.fragments.length / 2);
      const twice = broken(format, (p) => p.fragments.splice(middle(p), 0, { ...p.fragments[middle(p)]! }));
      const lost = broken(format, (p) => p.fragments.splice(middle(p), 1));
      for (const readers of [twice, lost]) {
        await assert.rejects(read(format, readers), (e: unknown) =>
          e instanceof TranscriptError && /reader took \d+ words from this file, which holds \d+/.test(e.message) && /bug in transcript-site/.test(e.hint ?? ''));
      }
    });
  }

  it('names the line where the reading first differs', async () => {
    const readers = broken('vtt', (p) => p.fragments.splice(10, 1));
    const error = await read('vtt', readers).catch((e: unknown) => e as TranscriptError);
    assert.ok(error instanceof TranscriptError);
    // long-example.vtt's 11th cue begins at line 42.
    assert.equal(error.line, readFileSync(FILES.vtt, 'utf8').split(/\r?\n/).findIndex((l) => l.startsWith('00:00:31.111')) + 2);
  });
});
