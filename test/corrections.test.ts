/** corrections.yml: replacements applied, counted, reported, shown with the original kept. */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { applyCorrections, parseCorrections, ruleOccurs, wordCores } from '../src/domain/corrections.ts';
import { buildEpisode } from '../src/domain/episode.ts';
import { TranscriptError } from '../src/domain/errors.ts';
import { tokens } from '../src/domain/invariants.ts';
import type { Fragment } from '../src/domain/types.ts';
import { parseYoutldr } from '../src/domain/formats/youtldr.ts';
import { build, bundled, SLUG, tempDir, type BuildResult } from './helpers/build.ts';

const frag = (time: number, text: string): Fragment => ({ time, text, turn: false, line: 1 });
const rules = (yaml: string) => parseCorrections(yaml, 'corrections.yml');

describe('applying corrections', () => {
  it('replaces whole words and phrases, ignoring case and punctuation, across fragment boundaries', () => {
    const r = rules('- { from: Akopi, to: Jakub Pachocki }\n- { from: the open team, to: the OpenAI team }\n- { from: open, to: OPEN }\n');
    const out = applyCorrections([frag(0, 'Akopi, said "akopi" and Akopis.'), frag(2, 'You and the open'), frag(4, 'team. Open it.')], r);
    assert.deepEqual(out.fragments.map((f) => f.text), ['Jakub Pachocki, said "Jakub Pachocki" and Akopis.', 'You and the OpenAI team.', 'OPEN it.']);
    assert.deepEqual(out.counts, [2, 1, 1], 'the phrase wins over its word; each rule is counted');
    assert.deepEqual(out.corrections.map((c) => c.original), ['Akopi,', '"akopi"', 'the open team.', 'Open']);
  });

  it('changes nothing when no rule matches', () => {
    const fragments = [frag(0, 'nothing to see')];
    const out = applyCorrections(fragments, rules('- { from: Akopi, to: Jakub }\n'));
    assert.deepEqual(out.fragments, fragments);
    assert.deepEqual(out.counts, [0]);
  });

  it('keeps every word of the corrected text on the pages, and marks each correction in its paragraph', () => {
    const source = parseYoutldr(readFileSync(bundled, 'utf8'), 'ep.txt');
    const { fragments, corrections } = applyCorrections(source.fragments, rules('- { from: Akopi, to: Jakub Pachocki }\n- { from: the open team, to: the OpenAI team }\n'));
    const episode = buildEpisode({ ...source, fragments }, corrections);
    assert.deepEqual(episode.sections.flatMap((s) => s.paragraphs.flatMap((p) => tokens(p.text))), fragments.flatMap((f) => tokens(f.text)));
    assert.deepEqual(episode.corrections, ['Akopi', 'the open team']);
    const fixed = episode.sections.flatMap((s) => s.paragraphs).filter((p) => p.fixes);
    assert.deepEqual(fixed.map((p) => p.fixes!.map(([s, e, n]) => [p.text.slice(s, e), n])), [[['Jakub Pachocki', 0]], [['the OpenAI team', 1]]]);
    assert.equal(episode.warnings.length, 0, 'the metadata word count is checked against the words before correction');
  });

  it('validates the file with messages that name the entry and line', () => {
    const fail = (yaml: string, message: RegExp, line: number) =>
      assert.throws(() => rules(yaml), (e: unknown) => e instanceof TranscriptError && message.test(e.message) && e.line === line);
    fail('- from: a\n  to: b\n- from: c\n', /^1\.to is missing: it must be text$/, 3);
    fail('- from: a\n  to: b\n  lang: en\n', /unknown key "0\.lang"/, 3);
    fail('from: a\n', /must be a list/, 1);
    fail('- { from: "", to: b }\n', /0\.from: must not be empty/, 1);
  });
});

describe('a build with corrections', () => {
  let site: BuildResult;
  const slug = SLUG;
  before(() => {
    const content = path.join(tempDir('corrections'), 'content');
    mkdirSync(content);
    copyFileSync(bundled, path.join(content, 'chief.txt'));
    writeFileSync(path.join(content, 'corrections.yml'), '- from: Akopi\n  to: Jakub Pachocki\n  episodes: [chief]\n- from: the open team\n  to: the OpenAI team\n- from: Nobody Said This\n  to: x\n- from: Akopi\n  to: never\n  episodes: [another-episode]\n');
    site = build(content, path.join(path.dirname(content), 'dist'), '--downloads', 'all');
    assert.equal(site.code, 0, site.stderr + site.stdout);
  });

  it('reports how many replacements each rule made, and warns about rules that matched nothing', () => {
    assert.match(site.stdout, /corrections: "Akopi" → "Jakub Pachocki": 1 replacement\(s\)/);
    assert.match(site.stdout, /corrections: "the open team" → "the OpenAI team": 1 replacement\(s\)/);
    assert.match(site.stdout, /warning: .*corrections\.yml:6: the correction "Nobody Said This" → "x" matched nothing/);
    assert.match(site.stdout, /warning: .*corrections\.yml:8: the correction "Akopi" → "never" matched nothing/);
    assert.match(site.stdout, /check: every transcript word is on its page \(13085 words, 1 episodes\)/);
  });

  it('shows the corrected words, keeping the original in a tooltip and a <del>', () => {
    const html = parse(readFileSync(path.join(site.out, slug, 'intro-and-background', 'index.html'), 'utf8'));
    const fix = html.querySelector('#t-26 .fix')!;
    assert.equal(fix.querySelector('ins')!.text, 'Jakub Pachocki');
    assert.equal(fix.querySelector('del')!.text, 'Akopi');
    assert.match(fix.querySelector('ins')!.getAttribute('title')!, /the transcript said “Akopi”/);
    assert.equal(fix.querySelector('del')!.hasAttribute('data-pagefind-ignore'), true, 'search finds the corrected words');
  });

  it('puts only the corrected text in the downloads', () => {
    for (const file of ['transcript.txt', 'transcript.md', 'captions.vtt', 'captions.srt', 'transcript.json']) {
      const text = readFileSync(path.join(site.out, slug, file), 'utf8');
      assert.doesNotMatch(text, /Akopi|the open team/, file);
      assert.match(text, /Jakub/, file);
    }
  });
});

describe('which corrections can change an episode', () => {
  it('a rule whose words the episode does not say together never makes a replacement (the cache relies on it)', () => {
    const fragments: Fragment[] = [
      { time: 0, text: 'Akopi said: “open AI’s” models — and AKOPI, again.', turn: false, line: 1 },
      { time: 5, text: 'Open', turn: false, line: 2 },
      { time: 6, text: 'AI, twice.', turn: false, line: 3 },
    ];
    const cores = wordCores(fragments);
    const rules = ['akopi', 'Open AI', 'open ai’s', 'models and', 'said', 'twice', 'open models', 'ai twice', 'again. open'].map((from) => ({ from, to: 'X', line: undefined }));
    for (const rule of rules) {
      const made = applyCorrections(fragments, [rule]).counts[0]!;
      assert.equal(ruleOccurs(cores, rule) || made === 0, true, rule.from);
      // And where it does occur, alone it is applied.
      assert.equal(ruleOccurs(cores, rule), made > 0, `${rule.from}: occurs ${ruleOccurs(cores, rule)}, made ${made}`);
    }
  });
});
