import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { applyMetadata } from '../src/domain/apply-metadata.ts';
import { parseChapters } from '../src/domain/formats/chapters.ts';
import { readTranscript } from '../src/domain/formats/index.ts';
import { readJson } from '../src/domain/formats/json.ts';
import { TranscriptError } from '../src/domain/errors.ts';
import { parseSidecar } from '../src/domain/sidecar.ts';
import { parseDownloads, parseSiteConfig } from '../src/domain/site-config.ts';
import { parseYoutldr } from '../src/domain/formats/youtldr.ts';
import { bundled } from './helpers/build.ts';

const parsed = parseYoutldr(readFileSync(bundled, 'utf8'), 'ep.youtldr.txt');

function error(run: () => unknown): TranscriptError {
  try {
    run();
  } catch (e) {
    assert.ok(e instanceof TranscriptError, String(e));
    return e;
  }
  assert.fail('expected an error');
}

describe('sidecar', () => {
  it('wins over the transcript, field by field', () => {
    const sidecar = parseSidecar(
      [
        'title: A Better Title',
        'date: 2026-05-01',
        'description: Our own words about it.',
        'slug: chief-scientist',
        'language: en-GB',
        'media: https://youtu.be/dQw4w9WgXcQ',
        'sections:',
        '  - { start: 0, title: Opening, tag: optional }',
        '  - { start: "24:23", title: Science, summary: Math and proofs. }',
        'quotes:',
        '  - { text: "It is really the thing that we are building.", speaker: Jakub Pachocki }',
      ].join('\n'),
      'ep.yml',
    );
    const out = applyMetadata(parsed, { sidecar });
    assert.equal(out.title, 'A Better Title');
    assert.equal(out.metadata.date, '2026-05-01');
    assert.equal(out.metadata.language, 'en-GB');
    assert.equal(out.description, 'Our own words about it.');
    assert.equal(out.slug, 'chief-scientist');
    assert.equal(out.media, 'https://youtu.be/dQw4w9WgXcQ');
    assert.deepEqual(out.sections.map((s) => [s.start, s.end, s.title, s.tag, s.summary]), [
      [0, 1463, 'Opening', 'optional', ''],
      [1463, 3527, 'Science', undefined, 'Math and proofs.'],
    ]);
    assert.equal(out.quotes.length, 1);
    // What the sidecar does not mention stays as the transcript says.
    assert.deepEqual(out.keyPoints, parsed.keyPoints);
    assert.deepEqual(out.summary, parsed.summary);
  });

  it('names speaker turns in order, or alternates, only when asked', () => {
    const named = applyMetadata(parsed, { sidecar: parseSidecar('speakers:\n  turns: [Jakub Pachocki, Jacob Efron, Jakub Pachocki]\n', 'ep.yml') });
    const turns = named.fragments.filter((f, i) => i === 0 || f.turn);
    assert.deepEqual(turns.slice(0, 4).map((f) => f.speaker), ['Jakub Pachocki', 'Jacob Efron', 'Jakub Pachocki', undefined]);
    const alternating = applyMetadata(parsed, { sidecar: parseSidecar('speakers:\n  alternate: [Host, Guest]\n', 'ep.yml') });
    assert.deepEqual(alternating.fragments.filter((f, i) => i === 0 || f.turn).slice(0, 3).map((f) => f.speaker), ['Host', 'Guest', 'Host']);
    assert.equal(applyMetadata(parsed).fragments.some((f) => f.speaker), false);
  });

  it('renames any label the transcript uses, not only diarization’s: a misspelt name to the right one', async () => {
    const srt = ['1\n00:00:00,000 --> 00:00:05,000\nAda Lovelance: The engine weaves algebraic patterns.\n', '2\n00:00:05,000 --> 00:00:09,000\nSPEAKER_01: As the loom weaves flowers.\n', '3\n00:00:09,000 --> 00:00:12,000\nCharles Babbage: And leaves.\n'];
    const labelled = await readTranscript(srt.join('\n'), 'ep.srt');
    const speakers = (sidecar?: string) => applyMetadata(labelled, sidecar ? { sidecar: parseSidecar(sidecar, 'ep.yml') } : {}).fragments.map((f) => f.speaker);
    assert.deepEqual(speakers(), ['Ada Lovelance', 'Speaker 2', 'Charles Babbage']);
    assert.deepEqual(speakers('speakers:\n  names:\n    Ada Lovelance: Ada Lovelace\n'), ['Ada Lovelace', 'Speaker 2', 'Charles Babbage']);
    // A diarization label by its name in the file or as the page shows it; labels it does not name stay.
    assert.deepEqual(speakers('speakers:\n  names: { SPEAKER_01: Mary Somerville, Ada Lovelance: Ada Lovelace }\n'), ['Ada Lovelace', 'Mary Somerville', 'Charles Babbage']);
    assert.deepEqual(speakers('speakers:\n  names: { Speaker 2: Mary Somerville }\n'), ['Ada Lovelance', 'Mary Somerville', 'Charles Babbage']);
  });

  it('takes sections from a Podcasting 2.0 chapters file, skipping toc: false', () => {
    const text = '{"version":"1.2.0","chapters":[{"startTime":0,"title":"Intro"},{"startTime":60,"title":"Ad","toc":false},{"startTime":600,"title":"Main"}]}';
    const chapters = parseChapters(readJson(text, 'c.json'), 'c.json');
    const out = applyMetadata(parsed, { sidecar: parseSidecar('chapters: c.json\n', 'ep.yml'), chapters });
    assert.deepEqual(out.sections.map((s) => [s.start, s.end, s.title]), [[0, 600, 'Intro'], [600, 3527, 'Main']]);
  });

  it('reports an unknown key with its line and the allowed keys', () => {
    const e = error(() => parseSidecar('title: x\nauthor: me\n', 'ep.yml'));
    assert.equal(e.format(), 'ep.yml:2: unknown key "author"\n  hint: allowed here: title, date, description, channel, slug, language, media, speakers, sections, keyPoints, quotes, chapters, autoSections, autoTitles');
    const nested = error(() => parseSidecar('sections:\n  - start: 0\n    title: A\n    colour: red\n', 'ep.yml'));
    assert.equal(nested.format(), 'ep.yml:4: unknown key "sections.0.colour"\n  hint: allowed here: start, title, tag, summary');
  });

  it('reports bad values with the key path and what is allowed', () => {
    const cases: Array<[string, number, RegExp]> = [
      ['sections:\n  - start: 0\n    title: A\n    tag: maybe\n', 4, /^sections\.0\.tag: must be "watch" or "optional"$/],
      ['sections:\n  - start: soon\n    title: A\n', 2, /^sections\.0\.start: "soon" is not a time/],
      ['media: javascript:alert(1)\n', 1, /^media: must be an https:\/\/ or http:\/\/ URL or a relative path/],
      ['media: data:text/html,hi\n', 1, /^media: must be/],
      ['media: //evil.example/x.mp3\n', 1, /^media: must be/],
      ['date: 5 May\n', 1, /^date: must be a date written YYYY-MM-DD$/],
      ['slug: Not A Slug\n', 1, /^slug: must be lower-case letters/],
      ['title: ""\n', 1, /^title: must not be empty$/],
      ['speakers:\n  alternate: [Solo]\n', 2, /^speakers\.alternate: needs at least two names/],
    ];
    for (const [yaml, line, message] of cases) {
      const e = error(() => parseSidecar(yaml, 'ep.yml'));
      assert.equal(e.line, line, yaml);
      assert.match(e.message, message);
    }
    assert.match(error(() => parseSidecar('title: [oops\n', 'ep.yml')).message, /^not valid YAML/);
  });

  it('accepts relative media paths and http(s) URLs', () => {
    assert.equal(parseSidecar('media: audio/ep1.mp3\n', 'ep.yml').media, 'audio/ep1.mp3');
    assert.equal(parseSidecar('media: http://example.com/a.mp3\n', 'ep.yml').media, 'http://example.com/a.mp3');
  });
});

describe('site config', () => {
  it('has defaults and validates every key by name', () => {
    assert.deepEqual(parseSiteConfig('', 'transcript-site.yml'), {
      title: 'Transcript Site', description: 'Transcripts you can browse, search and link to the moment.', base: '/', language: 'en', themeColor: '#1d4ed8',
      // The rule's own sizes (src/domain/shard-sizes.ts), documented in the README.
      shardSize: 120, indexSize: 300,
      // The README's default downloads: WebVTT captions and the chapters.
      downloads: ['captions.vtt', 'chapters.json'],
    });
    assert.deepEqual(parseSiteConfig('downloads: all\n', 'x.yml').downloads.length, 7);
    assert.deepEqual(parseSiteConfig('downloads: none\n', 'x.yml').downloads, []);
    assert.deepEqual(parseSiteConfig('downloads: [captions.srt, transcript.txt, captions.srt]\n', 'x.yml').downloads, ['transcript.txt', 'captions.srt'], 'in the order readers see them, once');
    assert.deepEqual(parseDownloads('transcript.json, captions.vtt'), ['captions.vtt', 'transcript.json']);
    assert.equal(parseDownloads('captions.vtt,transcript.pdf'), undefined);
    assert.match(error(() => parseSiteConfig('downloads: [transcript.pdf]\n', 'transcript-site.yml')).format(), /^transcript-site\.yml:1: downloads: must be all, none, or a list of: transcript\.txt, transcript\.md, captions\.vtt/);
    assert.equal(error(() => parseSiteConfig('theme: dark\n', 'transcript-site.yml')).format(),
      'transcript-site.yml:1: unknown key "theme"\n  hint: allowed here: title, description, site, base, language, themeColor, shardSize, indexSize, downloads');
    assert.match(error(() => parseSiteConfig('shardSize: 0\n', 'transcript-site.yml')).message, /^shardSize: /);
    assert.match(error(() => parseSiteConfig('base: podcast\n', 'transcript-site.yml')).message, /^base: must start and end with "\/"/);
    assert.match(error(() => parseSiteConfig('site: example.com\n', 'transcript-site.yml')).message, /^site: must be an http\(s\) URL/);
    assert.match(error(() => parseSiteConfig('themeColor: blue\n', 'transcript-site.yml')).message, /^themeColor: must be a colour/);
  });
});
