/** The readers' rules, one by one: caption markup, rolling captions, Whisper's words, text exports, file names. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeText } from '../src/domain/decode-text.ts';
import { groupFiles, nameFile } from '../src/domain/episode-files.ts';
import { TranscriptError } from '../src/domain/errors.ts';
import { cueRuns } from '../src/domain/formats/cue-markup.ts';
import { readTranscript } from '../src/domain/formats/index.ts';
import { readJson } from '../src/domain/formats/json.ts';
import { parseYtDlpInfo } from '../src/domain/formats/yt-dlp-info.ts';
import { readChecked } from '../src/domain/read-episode.ts';
import { episodeSlug } from '../src/domain/episode.ts';
import { slugs } from '../src/domain/sections.ts';
import { descriptionParagraphs, linkParts, teaser } from '../src/domain/description.ts';
import { parseSidecar } from '../src/domain/sidecar.ts';

const text = (fragments: Array<{ text: string }>) => fragments.map((f) => f.text);
const fails = async (run: () => unknown, pattern: RegExp, line?: number) =>
  assert.rejects(async () => run(), (e: unknown) => e instanceof TranscriptError && pattern.test(e.message) && (line === undefined || e.line === line));

describe('caption markup', () => {
  const plain = (markup: string) => cueRuns(markup).map((r) => r.text).join('');
  it('unwraps tags, drops ruby readings and ASS overrides, decodes every entity', () => {
    assert.equal(plain('{\\an8}<font color="#fff">Hi</font> <b>b</b><i>i</i><u>u</u> <c.yellow.bg>c</c> <lang fr>soirée</lang>'), 'Hi biu c soirée');
    assert.equal(plain('<ruby>漢<rt>kan</rt>字<rt>ji</rt></ruby> <ruby>東京<rt>とうきょう</ruby>!'), '漢字 東京!');
    assert.equal(plain('&amp;lt; &hellip; &eacute; &#x41;&#65; &rsquo;'), '&lt; … é AA ’');
  });
  it('keeps a "<" that opens no tag, and its words ("x < y", "<3")', () => {
    assert.equal(plain('x < y and 5 > 4 <3'), 'x < y and 5 > 4 <3');
  });
  it('gives each run its voice and its inline time', () => {
    assert.deepEqual(cueRuns('<v Ada>hi<00:00:01.500><c> there</c></v> you'), [
      { text: 'hi', voice: 'Ada', time: undefined },
      { text: ' there', voice: 'Ada', time: 1.5 },
      { text: ' you', voice: undefined, time: 1.5 },
    ]);
  });
});

describe('plain captions as they come', () => {
  it('reads NOTE, STYLE, REGION, X-TIMESTAMP-MAP and cue settings as no words; an empty cue is skipped with a warning', async () => {
    const t = await readTranscript('WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:900000,LOCAL:00:00:00.000\n\nSTYLE\n::cue { color: red }\n\nNOTE not said\n\n00:01.000 --> 00:02.000 line:0 align:start\nSaid.\n\n00:03.000 --> 00:04.000\n\n00:05.000 --> 00:06.000\nAgain.\n', 'x.vtt');
    assert.deepEqual(text(t.fragments), ['Said.', 'Again.']);
    assert.deepEqual(t.warnings.map((w) => [w.line, w.message]), [[12, 'the cue at 3 s has no text; skipped']]);
  });
  it('keeps the words of a cue that ends where it starts (media-captions would drop them)', async () => {
    const t = await readChecked({ name: 'x.srt', text: '1\n00:00:01,000 --> 00:00:01,000\nBlink.\n\n2\n00:00:02,000 --> 00:00:03,000\nAnd gone.\n' });
    assert.deepEqual(text(t.fragments), ['Blink.', 'And gone.']);
  });
  it('an SRT with a BOM, CRLF, number gaps, {\\an8} and a speaker after it', async () => {
    const t = await readChecked({ name: 'x.srt', text: '\uFEFF7\r\n00:00:01,000 --> 00:00:02,000\r\n{\\an8}Ada: Up here.\r\n\r\n12\r\n00:00:03,000 --> 00:00:04,000\r\n- Who?\r\n- Me.\r\n' });
    assert.deepEqual(t.fragments.map((f) => [f.speaker, f.text, f.turn]), [['Ada', 'Up here.', true], [undefined, 'Who?', true], [undefined, 'Me.', true]]);
  });
  it('a cue that starts inside the block above it names its line', async () => {
    await fails(() => readTranscript('WEBVTT\n\n00:01.000 --> 00:02.000\nhello\n00:03.000 --> 00:04.000\nthere\n', 'x.vtt'), /an empty line is missing before it/, 5);
    await fails(() => readTranscript('WEBVTT\n\nNOTE a comment\n00:03.000 --> 00:04.000\nthere\n', 'x.vtt'), /an empty line is missing/, 4);
  });
});

describe('YouTube auto-captions', () => {
  const cue = (from: string, to: string, top: string, bottom: string) => `${from} --> ${to} align:start position:0%\n${top}\n${bottom}\n`;
  const file = (...cues: string[]) => `WEBVTT\nKind: captions\nLanguage: en\n\n${cues.join('\n')}`;
  it('takes each word once, at its own time: repeats and 10 ms transitions are not said again', async () => {
    const t = await readChecked({ name: 'x.en.vtt', text: file(
      cue('00:00:01.000', '00:00:03.000', ' ', 'so<00:00:01.500><c> today</c><00:00:02.000><c> we</c>'),
      cue('00:00:03.000', '00:00:03.010', 'so today we', ' '),
      cue('00:00:03.010', '00:00:05.000', 'so today we', 'talk<00:00:03.500><c> about</c>'),
    ) });
    assert.deepEqual(t.fragments.map((f) => [f.text, f.time, f.words]), [['so today we', 1, [1, 1.5, 2]], ['talk about', 3.01, [3.01, 3.5]]]);
  });
  it('a one-word line has no word times; a line said twice is said twice; [Music] after a pause is a word', async () => {
    const t = await readChecked({ name: 'x.en.vtt', text: file(
      cue('00:00:01.000', '00:00:02.000', ' ', 'manifest'),
      cue('00:00:02.000', '00:00:02.010', 'manifest', ' '),
      cue('00:00:02.010', '00:00:04.000', 'manifest', 'no<00:00:03.000><c> no</c>'),
      cue('00:00:04.000', '00:00:04.010', 'no no', ' '),
      cue('00:00:04.010', '00:00:06.000', 'no no', 'no<00:00:05.000><c> no</c>'),
      cue('00:00:06.000', '00:00:06.010', ' ', ' '),
      cue('00:00:06.010', '00:00:09.000', ' ', '[Music]'),
    ) });
    assert.deepEqual(text(t.fragments), ['manifest', 'no no', 'no no', '[Music]']);
  });
  it('&gt;&gt; starts a new speaker’s turn, also in the middle of a line', async () => {
    const t = await readChecked({ name: 'x.en.vtt', text: file(cue('00:00:01.000', '00:00:03.000', ' ', 'right<00:00:01.500><c> &gt;&gt;</c><00:00:02.000><c> thanks</c>')) });
    assert.deepEqual(t.fragments.map((f) => [f.text, f.turn, f.label, f.time]), [['right', false, undefined, 1], ['thanks', true, '>>', 2]]);
  });
  it('manual captions downloaded from YouTube stay plain WebVTT: a line said twice is said twice', async () => {
    const t = await readChecked({ name: 'x.en.vtt', text: 'WEBVTT\nKind: captions\nLanguage: en\n\n00:00:01.000 --> 00:00:02.000\nNo.\n\n00:00:02.000 --> 00:00:03.000\nNo.\n' });
    assert.equal(t.format, 'vtt');
    assert.deepEqual(text(t.fragments), ['No.', 'No.']);
  });
  it('is recognised by content, also converted to SRT without word times', async () => {
    const lines = ['hello there everyone', 'welcome to the show', 'today we talk about', 'captions that roll', 'up the screen'];
    const srt = lines.map((l, i) => `${i * 2 + 1}\n00:00:0${i},000 --> 00:00:0${i},500\n${lines[i - 1] ?? ''}\n${l}\n\n${i * 2 + 2}\n00:00:0${i},500 --> 00:00:0${i + 1},000\n${l}\n`).join('\n');
    const t = await readChecked({ name: 'x.srt', text: srt });
    assert.equal(t.format, 'youtube-captions');
    assert.deepEqual(text(t.fragments), lines);
  });
});

describe('Whisper JSON', () => {
  it('openai-whisper: segments, words at their times, the language', async () => {
    const json = JSON.stringify({ text: ' Hello there. Bye.', segments: [
      { id: 0, seek: 0, start: 0.5, end: 2, text: ' Hello there.', tokens: [1], words: [{ word: ' Hello', start: 0.5, end: 0.9, probability: 0.9 }, { word: ' there.', start: 1.1, end: 2, probability: 0.9 }] },
      { id: 1, seek: 0, start: 3, end: 4, text: ' Bye.', tokens: [2] },
    ], language: 'en' });
    const t = await readChecked({ name: 'talk.json', text: json });
    assert.equal(t.format, 'whisper-json');
    assert.deepEqual(t.fragments.map((f) => [f.time, f.text, f.words]), [[0.5, 'Hello there.', [0.5, 1.1]], [3, 'Bye.', undefined]]);
    assert.equal(t.metadata.language, 'en');
  });
  it('WhisperX: a segment cut where its words change speaker; a number without times takes the time before it', async () => {
    const json = JSON.stringify({ segments: [{ start: 1, end: 4, text: ' I have 2 questions. Go ahead.', speaker: 'SPEAKER_00', words: [
      { word: 'I', start: 1, end: 1.2, score: 0.9, speaker: 'SPEAKER_00' }, { word: 'have', start: 1.3, end: 1.5, score: 0.9, speaker: 'SPEAKER_00' },
      { word: '2' }, { word: 'questions.', start: 2, end: 2.5, score: 0.9, speaker: 'SPEAKER_00' },
      { word: 'Go', start: 3, end: 3.2, score: 0.9, speaker: 'SPEAKER_01' }, { word: 'ahead.', start: 3.3, end: 3.6, score: 0.9, speaker: 'SPEAKER_01' },
    ] }], word_segments: [] });
    const t = await readChecked({ name: 'x.json', text: json });
    assert.equal(t.format, 'whisperx-json');
    assert.deepEqual(t.fragments.map((f) => [f.speaker, f.text, f.words, f.turn]), [
      ['SPEAKER_00', 'I have 2 questions.', [1, 1.3, 1.3, 2], true],
      ['SPEAKER_01', 'Go ahead.', [3, 3.3], true],
    ]);
  });
  it('whisper.cpp: offsets in milliseconds, tinydiarize turns, tokens that start words give their times', async () => {
    const json = JSON.stringify({ systeminfo: '', model: {}, params: {}, result: { language: 'en' }, transcription: [
      { timestamps: { from: '00:00:00,000', to: '00:00:02,000' }, offsets: { from: 0, to: 2000 }, text: ' Hi there.', speaker_turn_next: true,
        tokens: [{ text: '[_BEG_]', offsets: { from: 0, to: 0 } }, { text: ' Hi', offsets: { from: 100, to: 400 } }, { text: ' the', offsets: { from: 900, to: 1100 } }, { text: 're.', offsets: { from: 1100, to: 1500 } }] },
      { timestamps: { from: '00:00:02,500', to: '00:00:03,000' }, offsets: { from: 2500, to: 3000 }, text: ' Hello.' },
    ] });
    const t = await readChecked({ name: 'a.wav.json', text: json });
    assert.equal(t.format, 'whisper-cpp-json');
    assert.deepEqual(t.fragments.map((f) => [f.time, f.text, f.turn, f.words]), [[0, 'Hi there.', false, [0.1, 0.9]], [2.5, 'Hello.', true, undefined]]);
  });
  it('a segment without its time names the segment and its line', async () => {
    await fails(() => readTranscript('{ "segments": [\n  { "start": 0, "end": 1, "text": "a" },\n  { "end": 2, "text": "b" }\n] }', 'x.json'), /^segments\.1\.start is missing: it needs a number of seconds$/, 3);
  });
});

describe('text exports of transcription services', () => {
  it('Otter: "Name  0:00  " headers, paragraphs, the footer left out', async () => {
    const t = await readChecked({ name: 'o.txt', text: 'Emma  0:00  \nHello there.\n\nKelly  0:34  \nWelcome.\nTwo lines.\n\nEmma  1:02:03  \nBye.\n\nTranscribed by https://otter.ai\n' });
    assert.equal(t.format, 'otter-text');
    assert.deepEqual(t.fragments.map((f) => [f.time, f.speaker, f.text]), [[0, 'Emma', 'Hello there.'], [34, 'Kelly', 'Welcome. Two lines.'], [3723, 'Emma', 'Bye.']]);
  });
  it('"Name (01:02):" and "[00:01:02] Name: text"', async () => {
    const rev = await readChecked({ name: 'r.txt', text: 'Speaker 1 (00:00):\nHello.\n\nSpeaker 2 (01:05):\nHi. How are you?\n' });
    assert.deepEqual(rev.fragments.map((f) => [f.time, f.speaker, f.text]), [[0, 'Speaker 1', 'Hello.'], [65, 'Speaker 2', 'Hi. How are you?']]);
    const descript = await readChecked({ name: 'd.txt', text: '[00:00:00] Ada Lovelace: Hello.\n[00:01:02.500] Bob: Hi.\n' });
    assert.deepEqual(descript.fragments.map((f) => [f.time, f.speaker, f.text, f.label]), [[0, 'Ada Lovelace', 'Hello.', 'Ada Lovelace:'], [62.5, 'Bob', 'Hi.', 'Bob:']]);
  });
  it('a YouTLDR export without its AI block gets automatic sections', async () => {
    const t = await readChecked({ name: 'y.txt', text: 'Full Transcript\n\n·YouTLDR\n\nA Talk\n\n0:0512 words · ~1 min readEnglishTranscribed Jan 2, 2026\n\n0:00\n\nOne two three four.\n\n0:03\n\n>> Five six seven eight.\n\nMore transcripts\n' });
    assert.equal(t.format, 'youtldr');
    assert.deepEqual(t.sections, []);
    assert.deepEqual(t.fragments.map((f) => [f.time, f.text, f.turn]), [[0, 'One two three four.', false], [3, 'Five six seven eight.', true]]);
  });
});

describe('recognised by content, not by name', () => {
  it('a .txt that is WebVTT, a .json that is chapters or yt-dlp metadata', async () => {
    assert.equal((await readTranscript('WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n', 'captions.txt')).format, 'vtt');
    await fails(() => readTranscript('{"version":"1.2.0","chapters":[{"startTime":0,"title":"A"}]}', 'c.json'), /chapters file, not a transcript/);
    await fails(() => readTranscript('{"id":"abc","title":"T","webpage_url":"https://www.youtube.com/watch?v=abc","extractor":"youtube"}', 'v.json'), /yt-dlp's metadata/);
  });
  it('a file that matches no format gets one error listing each format and how it starts', async () => {
    await assert.rejects(readTranscript('Dear diary,\ntoday…\n', 'notes.txt'), (e: unknown) =>
      e instanceof TranscriptError && e.line === 1 && /not a transcript in a format this site reads/.test(e.message)
      && ['YouTLDR text export', 'YouTube auto-captions', 'WebVTT', 'SRT', 'Otter.ai text export', 'speaker-labelled text', 'Podcasting 2.0 JSON', 'WhisperX JSON', 'Whisper JSON', 'whisper.cpp JSON'].every((n) => e.hint!.includes(`\n    ${n}: `)));
  });
});

describe('yt-dlp metadata', () => {
  it('title, YYYYMMDD date, description, chapters, web address, channel; nulls are absent values', () => {
    const info = parseYtDlpInfo(readJson(JSON.stringify({
      id: 'x', title: 'T', upload_date: '20230110', description: 'Mine.', webpage_url: 'https://www.youtube.com/watch?v=x', channel: 'C', uploader: 'U',
      chapters: [{ start_time: 60, end_time: 90, title: 'B' }, { start_time: 0, end_time: 60, title: '' }], duration: 90.4, language: null,
    }), 'x.info.json'), 'x.info.json');
    assert.deepEqual(info, {
      title: 'T', date: '2023-01-10', description: 'Mine.', media: 'https://www.youtube.com/watch?v=x', channel: 'C', duration: 91,
      chapters: [{ start: 0, title: 'Chapter 1', summary: '', origin: 'author', line: 1 }, { start: 60, title: 'B', summary: '', origin: 'author', line: 1 }],
    });
    assert.equal(parseYtDlpInfo(readJson('{"id":"x","webpage_url":"javascript:alert(1)","chapters":null}', 'x.info.json'), 'x.info.json').media, undefined);
  });
});

describe('the files of an episode share a stem', () => {
  it('strips the extension, a language code, yt-dlp and whisper.cpp markers', () => {
    assert.deepEqual(['Talk [abc].en.vtt', 'Talk [abc].info.json', 'talk.youtldr.txt', 'talk.wav.json', 'talk.en-orig.vtt', 'talk.pt-BR.srt', 'talk.chapters.json', 'talk.yml', 'ep.1.vtt', 'Dr. Who.vtt', 'x.live_chat.json']
      .map((n) => [nameFile(n).stem, nameFile(n).role, nameFile(n).language]), [
      ['Talk [abc]', 'transcript', 'en'], ['Talk [abc]', 'metadata', undefined], ['talk', 'transcript', undefined], ['talk', 'transcript', undefined],
      ['talk', 'transcript', 'en-orig'], ['talk', 'transcript', 'pt-BR'], ['talk', 'chapters', undefined], ['talk', 'sidecar', undefined],
      ['ep.1', 'transcript', undefined], ['Dr. Who', 'transcript', undefined], ['x', 'ignored', undefined],
    ]);
  });
  it('reads the language asked for, reports the others, and refuses two transcripts of one stem', () => {
    const { episodes, orphans } = groupFiles(['t.de.vtt', 't.en.vtt', 't.info.json', 't.yml', 'lonely.yml', 'u.en-US.vtt', 'u.fr.vtt'], () => 'en');
    assert.deepEqual(episodes.map((e) => [e.name, e.transcript, e.metadata, e.sidecar, e.skipped]), [
      ['t', 't.en.vtt', 't.info.json', 't.yml', [{ file: 't.de.vtt', language: 'de' }]],
      ['u', 'u.en-US.vtt', undefined, undefined, [{ file: 'u.fr.vtt', language: 'fr' }]],
    ]);
    assert.deepEqual(orphans, ['lonely.yml']);
    assert.throws(() => groupFiles(['talk.json', 'talk.srt'], () => 'en'), (e: unknown) =>
      e instanceof TranscriptError && /talk\.srt/.test(e.file) && /second transcript of the episode "talk"/.test(e.message) && /rename one of them/.test(e.hint!));
  });
});

describe('addresses the site keeps for itself', () => {
  it('an episode titled like a site page, a section titled "At", a sidecar slug that is taken', () => {
    assert.deepEqual(['Search', 'Pagefind', '404', '_astro', 'Searching'].map(episodeSlug), ['search-1', 'pagefind-1', '404-1', '_astro-1', 'searching']);
    assert.deepEqual(slugs(['At', 'At', 'Later']), ['at-1', 'at-2', 'later']);
    assert.throws(() => parseSidecar('slug: search\n', 'ep.yml'), (e: unknown) => e instanceof TranscriptError && e.line === 1 && /"search" is the address of one of the site's own pages/.test(e.message));
  });
});

describe('bytes to text', () => {
  it('a bad UTF-8 byte is reported at its true line, after multi-byte characters', () => {
    const bytes = Buffer.concat([Buffer.from('WEBVTT\n\nnaïve 日本語 😀\nfine\n'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    assert.throws(() => decodeText(bytes, 'x.vtt'), (e: unknown) => e instanceof TranscriptError && e.line === 5 && /not valid UTF-8/.test(e.message));
    for (const bad of [[0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0xff]]) {
      assert.throws(() => decodeText(Uint8Array.from([0x61, 0x0a, ...bad]), 'x'), (e: unknown) => e instanceof TranscriptError && e.line === 2, String(bad));
    }
    assert.equal(decodeText(Buffer.from('\uFEFFok ✓'), 'x'), 'ok ✓', 'a byte order mark is not text');
  });
});

describe('an author’s description', () => {
  it('paragraphs and lines as written, only web addresses as links, a short first paragraph for cards and metadata', () => {
    const text = 'New episode!\nWith Ada.\n\nLinks: https://example.com/a, and javascript:alert(1).\n\n\n#tags';
    assert.deepEqual(descriptionParagraphs(text), [['New episode!', 'With Ada.'], ['Links: https://example.com/a, and javascript:alert(1).'], ['#tags']]);
    assert.deepEqual(linkParts('Links: https://example.com/a, and javascript:alert(1).'), [
      { text: 'Links: ' }, { text: 'https://example.com/a', href: 'https://example.com/a' }, { text: ', and javascript:alert(1).' },
    ]);
    assert.equal(teaser(text), 'New episode! With Ada.');
    assert.equal(teaser(`${'word '.repeat(60)}end`, 40), 'word word word word word word word word…');
  });
});
