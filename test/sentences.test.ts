/**
 * Captions without punctuation read as sentences: boundaries found from pauses and words, shown
 * with capitals and closing marks, the words themselves untouched; measured against the bundled
 * episode's own punctuation (an independent reading: the original file, not what the reader made).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { sentenceScores } from '../bench/sentences.ts';
import { buildEpisode } from '../src/domain/episode.ts';
import { readTranscript } from '../src/domain/formats/index.ts';
import { checkEpisode } from '../src/domain/invariants.ts';
import { reflow } from '../src/domain/reflow.ts';
import { isShownForm, shownWord } from '../src/domain/sentences/display.ts';
import { needsSentences, withSentences } from '../src/domain/sentences/punctuate.ts';
import type { Fragment } from '../src/domain/types.ts';
import { youtubeVtt, type Cue } from './fixtures/formats/writers.ts';
import { unpunctuatedVariants } from './fixtures/unpunctuated.ts';

const root = path.resolve(import.meta.dirname, '..');

/** Two speakers, punctuated: the truth the captions below are made from. */
const SAID: Array<[string, string]> = [
  ['host', 'Welcome back to the show. Today I am talking with a beekeeper who keeps forty hives on the roofs of the city. How did you start?'],
  ['guest', 'I started with one hive my grandmother gave me. I did not know anything about bees then. The first winter every bee in that hive died, and I learned more from that loss than from any book. Now I keep forty hives on eleven roofs across the city. The bees fly three miles to find flowers in the parks. Honey from the roofs tastes different every month of the summer. In June it tastes of lime trees, and in August it tastes of clover from the river banks. People are always surprised that a city can feed so many bees.'],
  ['host', 'What does a day with the bees look like?'],
  ['guest', 'I climb the stairs to the first roof at six in the morning, before the heat. I open each hive and I look for the queen and for fresh eggs. A healthy hive sounds calm and steady. An angry hive sounds high and sharp, and you learn to hear the difference quickly. I write everything in a notebook because I forget which roof had which problem. By noon I have seen four or five roofs and I am tired but happy.'],
];

const lower = (w: string) => w.toLowerCase().replace(/[^\p{L}\p{N}']/gu, '');

/** The captions YouTube would write: lower case, no punctuation, each word timed, a pause after each sentence. */
function captions(): { vtt: string; words: string[]; ends: number[] } {
  const cues: Cue[] = [];
  const words: string[] = [];
  const ends: number[] = [];
  let t = 0.5;
  for (const [speaker, text] of SAID) {
    for (const raw of text.split(/\s+/)) {
      const open = cues.at(-1);
      if (!open || open.speaker !== speaker || open.words.length >= 7) cues.push({ start: t, end: t, speaker, words: [], times: [] });
      const cue = cues.at(-1)!;
      cue.words.push(lower(raw));
      cue.times!.push(Math.round(t * 1000) / 1000);
      words.push(lower(raw));
      t += 0.08 + 0.06 * raw.length + (/[.?!]$/.test(raw) ? 0.7 : raw.endsWith(',') ? 0.25 : 0.02);
      cue.end = t;
      if (/[.?!]$/.test(raw)) ends.push(words.length - 1);
    }
    t += 0.6;
  }
  return { vtt: youtubeVtt(cues, { quirks: false }), words, ends };
}

describe('sentences in captions without punctuation', () => {
  it('shows capitals and closing marks, and nothing else about a word changes', () => {
    assert.equal(shownWord('so', true, undefined), 'So');
    assert.equal(shownWord('i', false, undefined), 'I');
    assert.equal(shownWord("i'm", false, '.'), "I'm.");
    assert.equal(shownWord('well', false, '?'), 'well?');
    assert.equal(shownWord('"yes', true, undefined), '"Yes');
    assert.equal(shownWord('iPhone', true, '.'), 'iPhone.', 'a word with a capital keeps its letters');
    assert.equal(shownWord('问题', false, '.'), '问题', 'no Latin full stop after another script');
    for (const [shown, word] of [['So.', 'so'], ['I', 'i'], ['why?', 'why'], ['Word', 'Word']]) assert.ok(isShownForm(shown!, word!), `${shown} shows ${word}`);
    for (const [shown, word] of [['So,', 'so'], ['Sow', 'so'], ['so', 'So'], ['So..', 'so'], ['', 'so'], ['IPhone', 'iPhone']]) assert.ok(!isShownForm(shown!, word!), `${shown} is not ${word}`);
  });

  it('are found only where the file has none, in English', () => {
    const fragment = (text: string): Fragment => ({ time: 0, text, turn: false, line: 1 });
    const plain = Array.from({ length: 8 }, () => fragment('and then we went down to the river'));
    assert.ok(needsSentences(plain));
    assert.ok(!needsSentences(plain, 'de'), 'the model reads English only');
    const italian = Array.from({ length: 8 }, () => fragment('allora i ragazzi sono arrivati a casa e i genitori li aspettavano'));
    assert.ok(!needsSentences(italian), 'nor does it read a file that does not say its language and is not English');
    assert.ok(!needsSentences([...plain, fragment('It was late. We went home.')].map((f) => ({ ...f, text: `${f.text}.` }))));
    assert.equal(withSentences(plain, 'de').found, false);
  });

  it('reads timed captions as sentences, every word once, in paragraphs of reading length', async () => {
    const { vtt, words, ends } = captions();
    const parsed = await readTranscript(vtt, 'bees.en.vtt');
    const episode = buildEpisode(parsed);
    assert.equal(episode.sentencesFound, true);
    const shown = episode.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.text.split(/\s+/).filter(Boolean)));
    // The words as the punctuated original has them, lower-cased: none lost, none doubled.
    assert.deepEqual(shown.map(lower), words);
    // A sentence end is a word shown with its closing mark; the next word starts with a capital.
    const found = shown.flatMap((w, j) => (/[.?]$/.test(w) ? [j] : []));
    const recalled = ends.filter((j) => found.some((f) => Math.abs(f - j) <= 1)).length;
    assert.ok(recalled / ends.length >= 0.8, `found ${recalled} of ${ends.length} sentence ends`);
    for (const j of found.slice(0, -1)) assert.match(shown[j + 1]!, /^\p{Lu}/u, `"${shown[j + 1]}" after "${shown[j]}"`);
    assert.ok(!shown.includes('i'), '"i" is shown as "I"');
    assert.ok(shown.includes('How') && shown.some((w) => w === 'start?'), 'the host\'s question is asked');
    for (const s of episode.sections) for (const p of s.paragraphs) assert.ok(p.text.split(/\s+/).length <= 150, `${p.id}: ${p.text.split(/\s+/).length} words`);
    assert.ok(episode.sections.every((s) => s.summary.trim() !== ''), 'every section has a summary');
  });

  it('ends a sentence where each automatic section starts, so no section opens mid-sentence', async () => {
    const { files } = unpunctuatedVariants(root);
    for (const [, name, text] of files) {
      const episode = buildEpisode(await readTranscript(text, name));
      assert.ok(episode.sections.length > 1);
      for (const s of episode.sections) {
        assert.match(s.paragraphs[0]!.text, /^[\p{Lu}\[]/u, `${name} ${s.slug} starts a sentence`);
        assert.match(s.paragraphs.at(-1)!.text, /[.?\]]$/, `${name} ${s.slug} ends one`);
      }
    }
  });

  it('refuses a page that would show more than a capital and a closing mark', async () => {
    const episode = buildEpisode(await readTranscript(captions().vtt, 'bees.en.vtt'));
    const paragraph = episode.sections[0]!.paragraphs[0]!;
    paragraph.text = paragraph.text.replace(/^(\S+)/, '$1,');
    assert.throws(() => checkEpisode(episode), /would show .* words|first difference/);
  });

  it('meets its targets on the bundled episode made unpunctuated, beside the cue-end baseline', async () => {
    const scores = await sentenceScores(root);
    const ours = (variant: string) => scores.find((s) => s.variant.startsWith(variant) && s.method === 'ours')!;
    const baseline = (variant: string) => scores.find((s) => s.variant.startsWith(variant) && s.method !== 'ours')!;
    for (const [variant, recall] of [['with word times', 0.7], ['without word times', 0.5]] as const) {
      const r = ours(variant);
      assert.ok(r.recall >= recall, `${variant}: recall ${r.recall}`);
      assert.ok(r.meanSentence >= 8 && r.meanSentence <= 30, `${variant}: mean sentence ${r.meanSentence}`);
      assert.ok(r.longestParagraph <= 150, `${variant}: longest paragraph ${r.longestParagraph}`);
      assert.ok(r.longestParagraph < baseline(variant).longestParagraph);
      assert.equal(r.withSummary, r.sections, `${variant}: every section has a summary`);
      assert.equal(r.withTwoMoments, r.sections, `${variant}: every section has 2 key moments`);
    }
  });

  it('starts a new paragraph at a long silence once the paragraph has some length', () => {
    // Two timed sentences of 45 words each, said at 3 words a second, with a silence between them.
    const said = (from: number, start: number): Fragment[] =>
      Array.from({ length: 9 }, (_, k) => {
        const words = Array.from({ length: 5 }, (_, w) => `w${from + k * 5 + w}`);
        if (k === 8) words[4] += '.';
        const time = start + (k * 5) / 3;
        return { time, text: words.join(' '), words: words.map((_, w) => time + w / 3), turn: false, line: k + 1 };
      });
    const end = (silence: number) => 15 + silence;
    for (const [silence, count] of [[3, 2], [0.5, 1]] as const) {
      const paragraphs = reflow([...said(0, 0), ...said(45, end(silence))]);
      assert.equal(paragraphs.length, count, `${silence} s of silence: ${paragraphs.length} paragraphs`);
    }
  });

  it('ships the model its corpus trains', () => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'train-sentences.ts'), '--verify'], { stdio: 'pipe' });
  });
});
