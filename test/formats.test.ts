/** Every supported format, read from the real CC0 examples of the Podcasting 2.0 namespace. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseCaptions } from '../src/domain/formats/captions.ts';
import { TranscriptError } from '../src/domain/errors.ts';
import { tokens } from '../src/domain/invariants.ts';
import { parsePodcastJson } from '../src/domain/formats/podcast-json.ts';
import { readJson } from '../src/domain/formats/json.ts';
import { parseYoutldr } from '../src/domain/formats/youtldr.ts';
import { buildEpisode } from '../src/domain/episode.ts';
import { applyMetadata } from '../src/domain/apply-metadata.ts';
import { autoSections } from '../src/domain/auto-sections.ts';
import { root } from './helpers/build.ts';

export const examples = path.join(root, 'test', 'fixtures', 'podcast-namespace');
const read = (name: string) => readFileSync(path.join(examples, name), 'utf8');
const words = (fragments: Array<{ text: string }>) => fragments.flatMap((f) => tokens(f.text));

/** An independent count of a caption file's spoken words: drop headers, ids, timings, tags, speaker prefixes. */
function oracleWords(text: string, format: 'vtt' | 'srt'): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => !/-->/.test(l) && !/^\d+$/.test(l.trim()) && !(format === 'vtt' && /^WEBVTT/.test(l)))
    .map((l) => l.replace(/<[^>]+>/g, '').replace(/^(Travis|Sarah|Gilon|Gillian): /, '').replace(/&amp;/g, '&'))
    .flatMap((l) => tokens(l));
}

describe('WebVTT', () => {
  it('reads short-example.vtt: 7 cues, voice spans, entities', async () => {
    const t = await parseCaptions(read('short-example.vtt'), 'short-example.vtt', 'vtt');
    assert.equal(t.fragments.length, 7);
    assert.deepEqual([...new Set(t.fragments.map((f) => f.speaker))], ['Sarah', 'Gillian']);
    assert.deepEqual(t.fragments.filter((f) => f.turn).map((f) => f.speaker), ['Sarah', 'Gillian']);
    assert.match(t.fragments[2]!.text, /Welcome to Podcasting Q&A, where you learn/);
    assert.equal(t.fragments[4]!.time, 15.75);
    assert.deepEqual(words(t.fragments), oracleWords(read('short-example.vtt'), 'vtt'));
    assert.equal(words(t.fragments).length, 66);
  });

  it('reads long-example.vtt: 222 multi-line cues, speakers carried forward until the next voice', async () => {
    const t = await parseCaptions(read('long-example.vtt'), 'long-example.vtt', 'vtt');
    assert.equal(t.fragments.length, 222);
    assert.equal(t.fragments[1]!.speaker, 'Travis', 'a voice carries forward to cues without one');
    assert.deepEqual([...new Set(t.fragments.map((f) => f.speaker))].sort(), ['Gilon', 'Sarah', 'Travis'], 'voices and Name: prefixes');
    assert.deepEqual(words(t.fragments), oracleWords(read('long-example.vtt'), 'vtt'));
    assert.equal(words(t.fragments).length, 2492);
  });

  it('skips NOTE, STYLE and REGION blocks, cue ids and settings, reads classes on voices and hours-less times', async () => {
    const vtt = [
      'WEBVTT - with extras', '', 'STYLE', '::cue { color: red }', '', 'REGION', 'id:r1 width:40%', '',
      'NOTE a comment', 'that spans lines', '',
      'intro-1', '00:01.000 --> 00:02.500 align:start position:10%', '<v.loud Ada Lovelace>Hello &amp; welcome</v>', '',
      '00:00:03.000 --> 00:00:04.000', 'Still Ada here,', 'over two lines', '',
      '00:05.000 --> 00:06.000', 'Bob: And Bob replies.', '',
    ].join('\n');
    const t = await parseCaptions(vtt, 'x.vtt', 'vtt');
    assert.deepEqual(t.fragments.map((f) => [f.time, f.speaker, f.text, f.turn]), [
      [1, 'Ada Lovelace', 'Hello & welcome', true],
      [3, 'Ada Lovelace', 'Still Ada here, over two lines', false],
      [5, 'Bob', 'And Bob replies.', true],
    ]);
  });

  it('refuses a file without the WEBVTT header, and a malformed time, naming the line', async () => {
    await assert.rejects(parseCaptions('00:01.000 --> 00:02.000\nhi\n', 'x.vtt', 'vtt'), (e: unknown) => e instanceof TranscriptError && e.line === 1 && /must start with the line "WEBVTT"/.test(e.message));
    await assert.rejects(parseCaptions('WEBVTT\n\n00:0x.000 --> 00:02.000\nhi\n', 'x.vtt', 'vtt'), (e: unknown) => e instanceof TranscriptError && e.line === 3 && /invalid/.test(e.message));
  });
});

describe('SRT', () => {
  it('reads example.srt: 222 cues, comma decimals, Name: prefixes', async () => {
    const t = await parseCaptions(read('example.srt'), 'example.srt', 'srt');
    assert.equal(t.fragments.length, 222);
    assert.equal(t.fragments[0]!.time, 0.179);
    assert.deepEqual([...new Set(t.fragments.map((f) => f.speaker))], ['Travis', 'Sarah', 'Gilon']);
    assert.equal(t.fragments[0]!.text.startsWith('When you first get'), true, 'the prefix is not text');
    assert.deepEqual(words(t.fragments), oracleWords(read('example.srt'), 'srt'));
  });

  it('tolerates stray blank lines and gaps in the numbering', async () => {
    const srt = '\n\n3\n00:00:01,000 --> 00:00:02,000\nAda: One.\n\n\n\n7\n00:00:03,000 --> 00:00:04,000\nTwo.\n';
    const t = await parseCaptions(srt, 'x.srt', 'srt');
    assert.deepEqual(t.fragments.map((f) => [f.time, f.speaker, f.text]), [[1, 'Ada', 'One.'], [3, 'Ada', 'Two.']]);
  });
});

describe('Podcasting 2.0 JSON', () => {
  it('reads example.json: word-level segments merged into fragments, speakers kept', () => {
    const t = parsePodcastJson(readJson(read('example.json'), 'example.json'), 'example.json');
    assert.deepEqual(t.fragments.map((f) => [f.time, f.speaker, f.text, f.turn]), [
      [0.5, 'Darth Vader', 'I am your father.', true],
      [2.75, 'Luke', 'Nooooo', true],
    ]);
  });

  it('keeps paragraph-level segments whole', () => {
    const json = JSON.stringify({ version: '1.0.0', segments: [{ speaker: 'A', startTime: 0, endTime: 30, body: 'A whole paragraph of speech. It goes on.' }, { startTime: 31, body: 'Same speaker, no name given.' }] });
    const t = parsePodcastJson(readJson(json, 'x.json'), 'x.json');
    assert.deepEqual(t.fragments.map((f) => [f.speaker, f.text]), [['A', 'A whole paragraph of speech. It goes on.'], ['A', 'Same speaker, no name given.']]);
  });

  it('names what is wrong: not JSON, no segments, a segment without body or startTime', () => {
    const fails = (text: string, pattern: RegExp) =>
      assert.throws(() => parsePodcastJson(readJson(text, 'x.json'), 'x.json'), (e: unknown) => e instanceof TranscriptError && pattern.test(e.message));
    fails('{ nope', /not valid JSON/);
    fails('{"version":"1.0.0"}', /segments/);
    fails('{"segments":[{"startTime":1}]}', /segments\.0\.body/);
    fails('{"segments":[{"body":"hi"}]}', /segments\.0\.startTime/);
  });
});

describe('episodes from any format', () => {
  it('divides an episode without sections into ~8–10 minute parts at turns or sentence ends', async () => {
    const t = await parseCaptions(read('long-example.vtt'), 'long-example.vtt', 'vtt');
    const long = [...t.fragments, ...t.fragments.map((f) => ({ ...f, time: f.time + 800, turn: false }))];
    const parts = autoSections(long, 1600);
    assert.ok(parts.length >= 2);
    for (const [i, p] of parts.entries()) {
      assert.equal(p.title, `${Math.floor(p.start / 60)}:${String(Math.floor(p.start % 60)).padStart(2, '0')}–${p.title.split('–')[1]}`);
      assert.equal(p.summary, '');
      if (i < parts.length - 1) assert.ok(p.end - p.start >= 480 && p.end - p.start <= 600, `${p.title} is ${p.end - p.start} s`);
    }
  });

  it('builds a complete episode from each shared example, every word on its section pages', async () => {
    for (const [name, parse] of [
      ['short-example.vtt', (s: string) => parseCaptions(s, 'short-example.vtt', 'vtt')],
      ['long-example.vtt', (s: string) => parseCaptions(s, 'long-example.vtt', 'vtt')],
      ['example.srt', (s: string) => parseCaptions(s, 'example.srt', 'srt')],
      ['example.json', (s: string) => parsePodcastJson(readJson(s, 'example.json'), 'example.json')],
    ] as const) {
      const episode = buildEpisode(applyMetadata(await parse(read(name))));
      assert.ok(episode.sections.length >= 1, name);
      assert.deepEqual(episode.sections.flatMap((s) => s.paragraphs.flatMap((p) => tokens(p.text))), words(episode.source.fragments), name);
      assert.ok(episode.sections.flatMap((s) => s.paragraphs).some((p) => p.speaker), `${name} shows speakers`);
    }
  });

  it('reads the bundled YouTLDR export unchanged through the same path', () => {
    const t = parseYoutldr(readFileSync(path.join(root, 'content', 'openai-chief-scientist.youtldr.txt'), 'utf8'), 'x');
    assert.equal(applyMetadata(t).sections.length, 7);
  });
});
