/**
 * Property-based tests (fast-check): any valid transcript of any format survives
 * parse → MDX → HTML with its words intact; any garbage gives a clean TranscriptError; times round-trip.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parse } from 'node-html-parser';
import { overviewTree, sectionTree } from '../src/contract/mdx-pages.ts';
import { serializeMdx } from '../src/contract/mdx-serialize.ts';
import { applyMetadata } from '../src/domain/apply-metadata.ts';
import { decodeText } from '../src/domain/decode-text.ts';
import { buildEpisode } from '../src/domain/episode.ts';
import { episodeName } from '../src/domain/episode-files.ts';
import { readChecked } from '../src/domain/read-episode.ts';
import { TranscriptError } from '../src/domain/errors.ts';
import { tokens } from '../src/domain/invariants.ts';
import { isShownForm } from '../src/domain/sentences/display.ts';
import { needsSentences } from '../src/domain/sentences/punctuate.ts';
import { parseMomentRef, parseTimeValue } from '../src/domain/moment-ref.ts';
import { formatClock, parseClock } from '../src/domain/time.ts';
import type { TranscriptFormat } from '../src/domain/types.ts';
import { podcastJson, speakerText, srt, vtt, whisperCppJson, whisperJson, youtldr, youtubeVtt, type Generated } from './fixtures/generate.ts';
import { build, tempDir } from './helpers/build.ts';
import { htmlFiles } from './helpers/links.ts';

/** Every format read, with a generator of valid files and the extension they are saved with. */
const FORMATS: Array<{ format: TranscriptFormat; ext: string; gen: fc.Arbitrary<Generated> }> = [
  { format: 'youtldr', ext: 'txt', gen: youtldr },
  { format: 'vtt', ext: 'vtt', gen: vtt },
  { format: 'srt', ext: 'srt', gen: srt },
  { format: 'youtube-captions', ext: 'vtt', gen: youtubeVtt },
  { format: 'podcast-json', ext: 'json', gen: podcastJson },
  { format: 'whisper-json', ext: 'json', gen: whisperJson(false) },
  { format: 'whisperx-json', ext: 'json', gen: whisperJson(true) },
  { format: 'whisper-cpp-json', ext: 'json', gen: whisperCppJson },
  { format: 'otter-text', ext: 'txt', gen: speakerText('otter') },
  { format: 'timestamped-text', ext: 'txt', gen: speakerText('name-time') },
  { format: 'timestamped-text', ext: 'txt', gen: speakerText('time-first') },
];
/**
 * Read as the build reads: recognised by content, checked against the simple reading. YouTube
 * captions that never show a line twice (one short line, a pause) are plain WebVTT as much as
 * they are YouTube's, and read the same either way.
 */
const parseAs = (format: TranscriptFormat) => async (text: string, name: string) => {
  const parsed = await readChecked({ name, text });
  assert.ok(parsed.format === format || (format === 'youtube-captions' && parsed.format === 'vtt' && !/<\d\d:/.test(text)), `${name} is recognised as ${format}, not ${parsed.format}`);
  return parsed;
};

/**
 * `shown` is `words`, in order, each as written or (where sentences were found in a file without
 * punctuation) with a capital and a closing mark: nothing else may change.
 */
function assertShows(shown: readonly string[], words: readonly string[], sentencesFound: boolean, message?: string) {
  if (!sentencesFound) return assert.deepEqual(shown, words, message);
  assert.equal(shown.length, words.length, message);
  const k = shown.findIndex((w, i) => !isShownForm(w, words[i]!));
  assert.equal(k, -1, `${message ?? ''} word ${k + 1}: "${shown[k]}" shown for "${words[k]}"`);
}

describe('any valid transcript survives parse → MDX with every word, in order', () => {
  for (const format of FORMATS) {
    it(`${format.format} (.${format.ext})`, async () => {
      await fc.assert(
        fc.asyncProperty(format.gen, async ({ source, words }) => {
          const episode = buildEpisode(applyMetadata(await parseAs(format.format)(source, `x.${format.ext}`)));
          assertShows(episode.sections.flatMap((s) => s.paragraphs.flatMap((p) => tokens(p.text))), words, episode.sentencesFound === true);
          // The MDX writer proves its own round trip; it throws if anything differs or turns into code.
          serializeMdx(overviewTree(episode), 'overview');
          for (const s of episode.sections) serializeMdx(sectionTree(episode, s), s.slug);
        }),
        { numRuns: 60 },
      );
    });
  }
});

describe('…and through a real build into HTML', () => {
  it('a library of generated episodes of every format builds with every word on its pages', async () => {
    const content = path.join(tempDir('props'), 'content');
    mkdirSync(content);
    const expected = new Map<string, { words: string[]; sentencesFound: boolean }>();
    for (const [n, format] of FORMATS.entries()) {
      for (const [i, g] of fc.sample(format.gen, { numRuns: 3, seed: 20261126 }).entries()) {
        const name = `${format.format}-${n}-${i}`;
        writeFileSync(path.join(content, `${name}.${format.ext}`), g.source);
        // Distinct titles and slugs, whatever the generator made.
        writeFileSync(path.join(content, `${name}.yml`), `title: Generated ${name}\nslug: ${name}\n`);
        const parsed = await readChecked({ name: `${name}.${format.ext}`, text: g.source });
        expected.set(name, { words: g.words, sentencesFound: needsSentences(parsed.fragments, parsed.metadata.language) });
      }
    }
    const site = build(content, path.join(path.dirname(content), 'dist'));
    assert.equal(site.code, 0, site.stderr + site.stdout);
    for (const [name, { words, sentencesFound }] of expected) {
      const pages = htmlFiles(path.join(site.out, name)).filter((f) => !f.endsWith(`${name}/index.html`) && !f.includes('/at/'));
      const shown = pages.flatMap((f) => parse(readFileSync(f, 'utf8')).querySelectorAll('.para > p').flatMap((p) => tokens(p.text)));
      assertShows(shown, words, sentencesFound, name);
    }
  });
});

describe('garbage gives a clean error, never a crash or a hang', () => {
  // A clear error about the file, never a crash, and never the reader disagreeing with the simple reading.
  const clean = async (run: () => unknown) => {
    try {
      await run();
    } catch (error) {
      if (!(error instanceof TranscriptError) || /bug in transcript-site/.test(error.hint ?? '')) throw error;
    }
  };
  const garbage = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.array(fc.constantFrom(
      'WEBVTT', '', '00:00:01.000 --> 00:00:02.000', '00:00:01,000 --> 00:00:01,000', '1', '0:01', '>> hi', '&gt;&gt; yo', '{', '"segments"', '[', 'hello',
      'Key points', '  • a — b', 'AI-generated from the transcript. May contain errors.', 'More transcripts', 'Kind: captions', ' ',
      'hi<00:00:01.000><c> there</c>', '<v Ada>hey</v>', '{\\an8}Bob: x', '- a', '<ruby>x<rt>y</ruby>', 'Ada  0:00  ', 'Bob (00:01):', '[00:00:02] Cy: hey',
      'Transcribed by https://otter.ai', '{"segments":[{"start":1,"end":2,"text":"x"}]}', '{"transcription":[{"offsets":{"from":0,"to":1},"text":"a"}]}',
    ), { maxLength: 30 }).map((l) => l.join('\n')),
  );
  for (const format of FORMATS) {
    it(`${format.format}: valid files with lines deleted or swapped`, async () => {
      const mutated = fc.tuple(format.gen, fc.array(fc.nat(), { minLength: 1, maxLength: 4 })).map(([g, cuts]) => {
        const lines = g.source.split('\n');
        for (const c of cuts) {
          const i = c % lines.length;
          if (c % 3 === 0) [lines[i], lines[(i + 1) % lines.length]] = [lines[(i + 1) % lines.length]!, lines[i]!];
          else lines.splice(i, 1);
        }
        return lines.join('\n');
      });
      await fc.assert(fc.asyncProperty(mutated, (text) => clean(async () => buildEpisode(applyMetadata(await readChecked({ name: `m.${format.ext}`, text }))))), { numRuns: 100 });
    });
  }
  for (const ext of ['txt', 'vtt', 'srt', 'json']) {
    it(`.${ext}: random text`, async () => {
      await fc.assert(fc.asyncProperty(garbage, (text) => clean(() => readChecked({ name: `g.${ext}`, text }))), { numRuns: 300 });
    });
  }
  it('random bytes are refused as text or parsed cleanly', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      try {
        decodeText(bytes, 'b.txt');
      } catch (error) {
        assert.ok(error instanceof TranscriptError);
      }
    }), { numRuns: 300 });
  });
});

describe('times round-trip', () => {
  it('formatClock → parseClock is the identity on whole seconds', () => {
    fc.assert(fc.property(fc.nat({ max: 400_000 }), (s) => parseClock(formatClock(s)) === s));
  });
  it('every written form of a moment reads back as the same second', () => {
    fc.assert(fc.property(fc.nat({ max: 99 }), fc.nat({ max: 59 }), fc.nat({ max: 59 }), (h, m, s) => {
      const t = h * 3600 + m * 60 + s;
      assert.equal(parseTimeValue(`${h}h${m}m${s}s`), t);
      assert.equal(parseTimeValue(String(t)), t);
      assert.equal(parseMomentRef(`#${formatClock(t)}`, ''), t);
      assert.equal(parseMomentRef(`#t=${t}`, ''), t);
      assert.equal(parseMomentRef('', `?t=${t}s`), t);
    }));
  });
  it('episode names come from the file name up to the first dot', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z0-9-]{1,20}$/), (name) => episodeName(`/x/${name}.youtldr.txt`) === name));
  });
});
