import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { TranscriptError } from '../src/domain/errors.ts';
import { parseYoutldr } from '../src/domain/formats/youtldr.ts';
import { bundled } from './helpers/build.ts';

const text = readFileSync(bundled, 'utf8');
const parsed = parseYoutldr(text, 'bundled.youtldr.txt');
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** The bundled file with `edit` applied to its lines. */
function edited(edit: (lines: string[]) => string[]): string {
  return edit(text.split('\n')).join('\n');
}

function parseError(source: string): TranscriptError {
  try {
    parseYoutldr(source, 'bad.youtldr.txt');
  } catch (error) {
    assert.ok(error instanceof TranscriptError, `expected a TranscriptError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the parse to fail');
}

describe('YouTLDR parser on the bundled episode', () => {
  it('reads the title and the glued metadata line', () => {
    assert.equal(parsed.title, 'OpenAI’s Chief Scientist on Continual Learning Hype, RL Beyond Code, & Future Alignment Directions');
    assert.deepEqual(parsed.metadata, { duration: 58 * 60 + 47, words: 13171, readingMinutes: 66, language: 'English', date: '2026-04-11' });
  });

  it('reads the AI summary paragraphs and the disclaimer', () => {
    assert.equal(parsed.summary.length, 2);
    assert.match(parsed.summary[0]!, /^OpenAI's Chief Scientist details the path/);
    assert.equal(parsed.disclaimer, 'AI-generated from the transcript. May contain errors.');
  });

  it('finds the 7 sections with their exact titles, ranges and tags', () => {
    assert.deepEqual(
      parsed.sections.map((s) => [s.start, s.end, s.title, s.tag]),
      [
        [0, 113, 'Intro and Background', 'optional'],
        [113, 681, 'Timelines and Benchmarks', 'watch'],
        [681, 1463, 'Business and Developer Strategy', 'watch'],
        [1463, 2260, 'Continual Learning and Science', 'optional'],
        [2260, 2877, 'AI Safety and Alignment', 'watch'],
        [2877, 3113, 'OpenAI Internal Culture', 'optional'],
        [3113, 3523, 'Quickfire and Societal Impact', 'watch'],
      ],
    );
    assert.equal(parsed.sections[0]!.summary, 'Host introduces Jakub and sets the stage; skip if you already know who the Chief Scientist of OpenAI is.');
  });

  it('finds 3 key points and 2 quotes by Jakub Pachocki', () => {
    assert.deepEqual(parsed.keyPoints.map((k) => k.title), [
      'The Path to Research Autonomy',
      'Chain of Thought Monitoring for Alignment',
      'Generalization as the Alignment Frontier',
    ]);
    assert.match(parsed.keyPoints[0]!.explanation, /^Pachocki distinguishes between a 'research intern'/);
    assert.deepEqual(parsed.quotes.map((q) => q.speaker), ['Jakub Pachocki', 'Jakub Pachocki']);
    assert.equal(parsed.quotes[1]!.text, 'We are buying a lot of compute because we still believe... more than ever to some degree.');
  });

  it('reads 1,845 fragments holding 13,171 tokens: 13,084 words and 87 ">>" turn markers', () => {
    assert.equal(parsed.fragments.length, 1845);
    assert.equal(parsed.fragments.filter((f) => f.label === '>>').length, 87);
    assert.equal(parsed.fragments.filter((f) => f.turn).length, 87);
    const total = parsed.fragments.reduce((n, f) => n + words(f.text), 0);
    assert.equal(total, 13084);
    assert.equal(total + parsed.fragments.filter((f) => f.label === '>>').length, 13171);
    assert.ok(parsed.fragments.every((f) => !f.text.includes('>>')), 'turn markers are not text');
  });

  it('keeps fragment times and source lines', () => {
    assert.deepEqual(parsed.fragments[0], { time: 0, text: 'I definitely agree that continual', turn: false, line: 84 });
    assert.deepEqual(parsed.fragments[7], { time: 9, text: 'What are like the other research areas', turn: true, line: 112, label: '>>' });
    assert.equal(parsed.fragments.at(-1)!.text, 'listening. We\'ll see you next episode.');
  });

  it('drops the YouTLDR footer and nothing else', () => {
    assert.ok(!parsed.fragments.some((f) => /More transcripts|Try YouTLDR Free/.test(f.text)));
  });

  it('reads BOM and CRLF files identically', () => {
    const windows = parseYoutldr(`\uFEFF${text.replaceAll('\n', '\r\n')}`, 'bundled.youtldr.txt');
    assert.deepEqual(windows, parsed);
  });

  it('reads h:mm:ss durations and timestamps', () => {
    const long = parseYoutldr(
      edited((lines) => lines.map((l) => l.replace(/^58:4713,171 words/, '1:02:0313,171 words').replace(/^58:43$/, '1:00:43'))),
      'long.youtldr.txt',
    );
    assert.equal(long.metadata.duration, 3723);
    assert.equal(long.metadata.words, 13171);
    assert.equal(long.fragments.at(-1)!.time, 3643);
  });
});

describe('YouTLDR parser errors name the file, the line and the fix', () => {
  it('an empty file', () => {
    const e = parseError('');
    assert.equal(e.format(), 'bad.youtldr.txt:1: the file is empty\n  hint: export the transcript again from YouTLDR');
  });

  it('a timestamp that goes back in time', () => {
    const e = parseError(edited((lines) => lines.map((l, i) => (i === 104 ? '0:05' : l))));
    assert.equal(e.line, 105);
    assert.match(e.message, /goes back in time/);
  });

  it('a timestamp with no text (a truncated file)', () => {
    const cut = text.slice(0, text.indexOf('0:07\n') + 5);
    const e = parseError(cut);
    assert.match(e.message, /timestamp 0:07 has no text after it/);
    assert.match(e.hint!, /truncated/);
  });

  it('a section tag other than watch or optional', () => {
    const e = parseError(text.replace('\nwatch\n', '\nmust-see\n'));
    assert.match(e.message, /section tag "must-see" is neither "watch" nor "optional"/);
    assert.equal(e.line, 28);
  });

  it('a malformed metadata line', () => {
    const e = parseError(text.replace('58:4713,171 words', 'about an hour'));
    assert.equal(e.line, 7);
    assert.match(e.message, /expected the metadata line/);
  });
});
