/** Bad input gets a clear error; a killed build damages nothing; builds are reproducible. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { build, bundled, check, root, tempDir } from './helpers/build.ts';

const text = readFileSync(bundled, 'utf8');

/** Every file under `dir` with the sha256 of its bytes, sorted. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
    const full = path.join(f.parentPath, f.name);
    out[path.relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

function library(name: string): string {
  const content = path.join(tempDir(name), 'content');
  mkdirSync(content);
  copyFileSync(bundled, path.join(content, path.basename(bundled)));
  return content;
}

describe('clear errors for bad input: file:line: message, how to fix it, exit 1, no stack trace', () => {
  const dir = tempDir('bad');
  const cases: Array<[string, string | Buffer, RegExp]> = [
    ['empty.vtt', '', /empty\.vtt:1: the file is empty/],
    ['notes.txt', 'Shopping list\n\neggs\nmilk\n', /notes\.txt:1: not a transcript in a format this site reads\n  hint: the formats read, and how each starts:\n    YouTLDR text export: "Full Transcript"[\s\S]*\n    Otter\.ai text export: a speaker and the time \("Emma  0:00"\)[\s\S]*\n    whisper\.cpp JSON: /],
    ['binary.srt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), /binary\.srt:1: this is a binary file, not a transcript/],
    ['latin1.vtt', Buffer.from('WEBVTT\n\n00:01.000 --> 00:02.000\ncaf\xe9\n', 'latin1'), /latin1\.vtt:4: the file is not valid UTF-8 text/],
    ['truncated.txt', text.slice(0, text.indexOf('0:07\n') + 5), /truncated\.txt:\d+: timestamp 0:07 has no text after it/],
    ['cut.vtt', 'WEBVTT\n\n00:01.000 --> 00:02.000\nhello\n\n00:03.000 --> 00:04.000\n', /cut\.vtt:6: warning: the cue at 3 s has no text; skipped\n.*cut\.vtt: ok \(WebVTT, 1 sections, 1 fragments, 1 words\)/],
    ['backwards.txt', text.replace('\n0:09\n', '\n0:02\n'), /backwards\.txt:\d+: timestamp 0:02 goes back in time/],
    ['cues-backwards.vtt', 'WEBVTT\n\n00:05.000 --> 00:06.000\na\n\n00:01.000 --> 00:02.000\nb\n', /cues-backwards\.vtt:7: a cue starts at 1 s, before the cue above it/],
    ['overlap.txt', text.replace('1:53-11:21', '1:40-11:21'), /overlap\.txt:\d+: section "Timelines and Benchmarks" starts at 1:40, inside "Intro and Background"/],
    ['inverted.txt', text.replace('47:57-51:53', '47:57-40:00'), /inverted\.txt:\d+: section "OpenAI Internal Culture" ends \(40:00\) before it starts/],
    ['outside.txt', text.replace('51:53-58:43', '51:53-99:00'), /outside\.txt:\d+: section "Quickfire and Societal Impact" ends at 1:39:00, more than a minute after/],
    ['badtag.txt', text.replace('\nwatch\n', '\nmust-watch\n'), /badtag\.txt:28: section tag "must-watch" is neither "watch" nor "optional"/],
    ['notjson.json', '{ "segments": [ }', /notjson\.json:1: not valid JSON \(ValueExpected\)/],
    ["nosegments.json", "{ \"version\": \"1.0.0\" }", /nosegments\.json:1: not a transcript in a format this site reads\n  hint: the formats read/],
    ['nobody-segments.json', '{ "segments": [{ "speaker": "Ada" }] }', /nobody-segments\.json:1: segments\.0\.startTime is missing: it needs a number of seconds\n  hint: a Podcasting 2\.0 transcript is/],
    ['nobody.json', '{ "segments": [\n  { "startTime": 0, "body": "a" },\n  { "startTime": 1 }\n] }', /nobody\.json:3: segments\.1\.body/],
    ['nostart.json', '{ "segments": [\n  { "body": "a" }\n] }', /nostart\.json:2: segments\.0\.startTime/],
    // An empty segment is skipped, but the one out of order is still named by its place in the file.
    ['order.json', '{ "segments": [\n  { "startTime": 0, "body": "" },\n  { "startTime": 5, "body": "a" },\n  { "startTime": 1, "body": "b" }\n] }', /order\.json:4: segment 2 starts at 1 s, before the one above it/],
    ['noheader.vtt', '00:01.000 --> 00:02.000\nhi\n', /noheader\.vtt:1: a WebVTT file must start with the line "WEBVTT"/],
    ['badtime.vtt', 'WEBVTT\n\n00:01.000 --> 00:0x.000\nhi\n', /badtime\.vtt:3: .*invalid/],
    ['badtime-srt.srt', '1\n00:00:01,000 --> 00:00:0x,000\nhi\n', /badtime-srt\.srt:2: .*invalid/],
    ['badsidecar.yml', 'title: x\nsubtitle: y\n', /badsidecar\.yml:2: unknown key "subtitle"/],
    ['badvalue.yml', 'sections:\n  - start: 0\n    title: A\n    tag: maybe\n', /badvalue\.yml:4: sections\.0\.tag: must be "watch" or "optional"/],
  ];
  for (const [name, content] of cases) writeFileSync(path.join(dir, name), content);
  const run = check(...cases.map(([name]) => path.join(dir, name)));

  it('check reports every problem of every file in one run and exits 1', () => {
    assert.equal(run.code, 1);
    // cut.vtt only warns: an empty cue is legal WebVTT.
    assert.match(run.stdout, new RegExp(`${cases.length} file\\(s\\) checked: ${cases.length - 1} with errors`));
    assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at |TypeError|ReferenceError/);
  });
  for (const [name, , expected] of cases) {
    it(name, () => assert.match(run.stdout, expected));
  }

  it('warns (and still builds) on a word count that differs, a quote not found and a duplicate section title', () => {
    const content = path.join(tempDir('warn'), 'content');
    mkdirSync(content);
    const edited = text
      .replace('58:4713,171 words', '58:4713,000 words')
      .replace('We are buying a lot of compute', 'We are selling all of our compute')
      .replace('\nOpenAI Internal Culture\n', '\nQuickfire and Societal Impact\n');
    writeFileSync(path.join(content, 'ep.txt'), edited);
    const result = check(path.join(content, 'ep.txt'));
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /ep\.txt:7: warning: the metadata says 13000 words but the fragments hold 13171/);
    assert.match(result.stdout, /ep\.txt:78: warning: quote not found in the transcript, shown unlinked: "We are selling all of our compute/);
    assert.match(result.stdout, /ep\.txt:\d+: warning: two sections are titled "Quickfire and Societal Impact"; the second gets the address …\/quickfire-and-societal-impact-1\//);
  });

  it('check and build group files by one rule: talk.vtt beside talk.srt is one episode with two transcripts, for both', () => {
    const content = path.join(tempDir('two'), 'content');
    mkdirSync(content);
    writeFileSync(path.join(content, 'talk.vtt'), 'WEBVTT\n\n00:01.000 --> 00:02.000\nHello there.\n');
    writeFileSync(path.join(content, 'talk.srt'), '1\n00:00:01,000 --> 00:00:02,000\nHello there.\n');
    const checked = check(path.join(content, 'talk.vtt'), path.join(content, 'talk.srt'));
    const built = build(content, path.join(path.dirname(content), 'dist'));
    assert.equal(checked.code, 1);
    assert.equal(built.code, 1);
    const problem = /talk\.vtt: is a second transcript of the episode "talk" \(talk\.srt is one too\)/;
    assert.match(checked.stdout, problem);
    assert.match(built.stderr, problem);
  });

  it('two episodes that would share a slug stop the build, naming both files', () => {
    const content = library('slug');
    copyFileSync(bundled, path.join(content, 'again.txt'));
    const result = build(content, path.join(path.dirname(content), 'dist'));
    assert.equal(result.code, 1);
    assert.match(result.stderr, /error: .*openai-chief-scientist\.youtldr\.txt: gets the URL slug "openais-chief-scientist-on-continual-learning-hype", which .*again\.txt has already\n  hint: give one of them another title, or a "slug:" in its sidecar/);
  });
});

describe('nothing half-done', () => {
  it('two builds of the same content are byte-identical', () => {
    const content = library('twice');
    const a = build(content, path.join(path.dirname(content), 'a'));
    const b = build(content, path.join(path.dirname(content), 'b'));
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    const [ta, tb] = [tree(a.out), tree(b.out)];
    assert.ok(Object.keys(ta).length > 30);
    assert.deepEqual(ta, tb);
  });

  it('a build killed halfway leaves the previous dist/ byte for byte, and the next build cleans up after it', async () => {
    const content = library('killed');
    const out = path.join(path.dirname(content), 'dist');
    assert.equal(build(content, out).code, 0);
    const before = tree(out);
    // Change the content so a completed build would change dist/, then kill the build mid-Astro.
    writeFileSync(path.join(content, 'second.vtt'), 'WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ada>Hello there.\n');
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'transcript-site.mjs'), 'build', '--content', content, '--out', out, '--no-cache'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Kill it as soon as it has started writing the new site.
    const poll = setInterval(() => {
      const staging = readdirSync(path.dirname(out)).find((n) => n.startsWith('dist.tmp-'));
      if (staging && readdirSync(path.join(path.dirname(out), staging)).length > 0) child.kill('SIGKILL');
    }, 20);
    await new Promise<void>((resolve) => child.on('exit', () => resolve()));
    clearInterval(poll);
    assert.deepEqual(tree(out), before, 'dist/ is exactly as it was');
    assert.ok(readdirSync(path.dirname(out)).some((n) => n.startsWith('dist.tmp-')), 'the killed build left its staging folder');
    const next = build(content, out);
    assert.equal(next.code, 0, next.stderr);
    assert.ok(!readdirSync(path.dirname(out)).some((n) => n.startsWith('dist.tmp-')), 'and the next build removed it');
    assert.ok(existsSync(path.join(out, 'second', 'index.html')));
  });
});
