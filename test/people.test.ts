/**
 * People pages: everyone who speaks by name, with the episodes they speak in, their share of the
 * talking (worked out here from the cue times the test writes) and their key moments, each linked
 * to the paragraph that says it. Generic labels ("Speaker 1") get no page. A speaker's name on a
 * section page links to their page. One person named two ways is one person: by case alone
 * ("ada lovelace"), or by a misspelling ("Ada Lovelance") that its episode's sidecar renames.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { applyMetadata } from '../src/domain/apply-metadata.ts';
import { buildEpisode } from '../src/domain/episode.ts';
import { readTranscript } from '../src/domain/formats/index.ts';
import { episodePeople, personSlug } from '../src/domain/people.ts';
import { parseSidecar } from '../src/domain/sidecar.ts';
import { build, sectionPageDirs, tempDir, type BuildResult } from './helpers/build.ts';

/**
 * Cues of [speaker, seconds, text]: Rosa speaks in two episodes, a guest in each, and one unnamed
 * voice. Ada is "ada lovelace" in the two newest of hers, "Ada Lovelace" in one and "Ada Lovelance"
 * in another (its sidecar renames her); Grace is "Grace Hopper" in her newest, then "grace hopper"
 * in two and "GRACE HOPPER" beside one of them. `sidecar`: more lines for the episode's sidecar;
 * `vtt`: written as WebVTT voices, which may be lower case (an SRT "Name:" starts with a capital).
 */
const EPISODES: Record<string, { date: string; cues: Array<[string, number, string]>; sidecar?: string; vtt?: boolean }> = {
  'tomatoes': {
    date: '2024-06-01',
    cues: [
      ['Rosa Diaz', 30, 'Tomatoes need at least eight hours of direct sun every day to ripen well in our climate.'],
      ['Ben Ortiz', 10, 'How often should beginners water their tomato plants during a dry summer month?'],
      ['Rosa Diaz', 20, 'Deep watering twice a week keeps the roots growing down instead of staying near the surface.'],
      ['Ben Ortiz', 20, 'Our community garden lost half its tomato crop to blight after a very wet July.'],
    ],
  },
  'beans': {
    date: '2023-05-01',
    cues: [
      ['Ann Lee', 40, 'Climbing beans grow best when the trellis goes up before the seeds are even planted.'],
      ['Rosa Diaz', 20, 'Bean roots feed nitrogen back into the soil, which helps whatever grows there next year.'],
    ],
  },
  'unnamed': {
    date: '2022-01-01',
    cues: [
      ['Speaker 1', 10, 'Compost piles need air and water in balance or they start to smell very quickly.'],
      ['Speaker 2', 10, 'Turning the pile every week keeps the bacteria working through the whole of the winter.'],
    ],
  },
  'letters': {
    date: '2021-04-01',
    vtt: true,
    cues: [
      ['ada lovelace', 30, 'Letters between us went back and forth about the Bernoulli numbers all that summer.'],
      ['Grace Hopper', 20, 'Programs are easier to write when the machine understands words instead of numbers.'],
    ],
  },
  'compilers': {
    date: '2021-03-01',
    vtt: true,
    cues: [
      ['grace hopper', 30, 'The first compiler turned mathematical notation into machine code for the computer.'],
      ['ada lovelace', 10, 'A machine that follows rules can compose music as elaborate as any composer.'],
      ['GRACE HOPPER', 20, 'A ship in port is safe, but that is not what ships are built for at all.'],
    ],
  },
  'engines': {
    date: '2021-02-01',
    vtt: true,
    cues: [
      ['Ada Lovelace', 30, 'The engine weaves algebraic patterns just as the loom weaves flowers and leaves.'],
      ['Charles Babbage', 20, 'Every column of the difference engine holds one number of the table we compute.'],
      ['grace hopper', 10, 'Nobody had ever built a machine that could be told what to compute before.'],
    ],
  },
  'notes': {
    date: '2021-01-01',
    sidecar: 'speakers:\n  names:\n    Ada Lovelance: Ada Lovelace\n',
    cues: [
      ['Ada Lovelance', 30, 'My notes on the engine run longer than the article they were written to translate.'],
      ['SPEAKER_01', 20, 'The translation was finished within nine months of the lecture given in Turin.'],
    ],
  },
};

const stamp = (s: number, mark = ',') => `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}${mark}000`;

/** An episode's transcript file: SRT with `Name: text` cues, or WebVTT with `<v Name>` voices. */
function transcript(cues: ReadonlyArray<[string, number, string]>, vtt = false): string {
  let t = 0;
  const written = cues.map(([who, seconds, text], i) => {
    const cue = vtt ? `${stamp(t, '.')} --> ${stamp(t + seconds, '.')}\n<v ${who}>${text}\n` : `${i + 1}\n${stamp(t)} --> ${stamp(t + seconds)}\n${who}: ${text}\n`;
    t += seconds;
    return cue;
  });
  return `${vtt ? 'WEBVTT\n\n' : ''}${written.join('\n')}`;
}

/** Who speaks by name in an episode as the domain reads it, with its sidecar or without. */
async function namesIn(name: string, sidecar?: string): Promise<string[]> {
  const { cues, vtt } = EPISODES[name]!;
  const parsed = await readTranscript(transcript(cues, vtt), `${name}.${vtt ? 'vtt' : 'srt'}`);
  const metadata = sidecar === undefined ? {} : { sidecar: parseSidecar(sidecar, `${name}.yml`) };
  return episodePeople(buildEpisode(applyMetadata(parsed, metadata))).map((p) => p.name);
}

describe('people pages', () => {
  let site: BuildResult;
  const page = (...parts: string[]) => parse(readFileSync(path.join(site.out, ...parts, 'index.html'), 'utf8'));
  /** Every page of every section of an episode, from the sections its overview lists. */
  const sectionPages = (episode: string) =>
    page(episode).querySelectorAll('.section-list > li .section-head a')
      .flatMap((a) => sectionPageDirs(site.out, episode, a.getAttribute('href')!.split('/').filter(Boolean)[1]!))
      .map((dir) => page(dir));
  /** The speaker labels on an episode's section pages: element, name and link. */
  const labels = (episode: string) =>
    sectionPages(episode).flatMap((p) => p.querySelectorAll('.para .speaker')).map((l) => [l.tagName.toLowerCase(), l.text, l.getAttribute('href') ?? null]);
  /** Whether the build has a page at a site path such as `/people/ada-lovelace/`. */
  const built = (url: string) => existsSync(path.join(site.out, url, 'index.html'));

  before(() => {
    const content = path.join(tempDir('people'), 'content');
    mkdirSync(content);
    for (const [name, { date, cues, sidecar, vtt }] of Object.entries(EPISODES)) {
      writeFileSync(path.join(content, `${name}.${vtt ? 'vtt' : 'srt'}`), transcript(cues, vtt));
      writeFileSync(path.join(content, `${name}.yml`), `date: ${date}\n${sidecar ?? ''}`);
    }
    site = build(content, path.join(path.dirname(content), 'dist'), '--site', 'https://example.com');
    assert.equal(site.code, 0, site.stderr + site.stdout);
  });

  it('lists everyone who speaks by name, A to Z, and nobody for a generic label', () => {
    const names = page('people').querySelectorAll('.people-list a').map((a) => a.text);
    assert.deepEqual(names, ['Ada Lovelace', 'Ann Lee', 'Ben Ortiz', 'Charles Babbage', 'grace hopper', 'Rosa Diaz']);
    assert.match(page('people').querySelector('.people-list')!.text, /Rosa Diaz\s*2 episodes/);
  });

  it('gives a person the episodes they speak in, newest first, with their share of the talking', () => {
    const rosa = page('people', 'rosa-diaz');
    assert.equal(rosa.querySelector('h1')!.text, 'Rosa Diaz');
    const cards = rosa.querySelectorAll('.episode-card');
    assert.deepEqual(cards.map((c) => c.querySelector('h2 a')!.getAttribute('href')), ['/tomatoes/', '/beans/']);
    // Her seconds over everyone's, from the cues above: 50 of 80, and 20 of 60.
    const shares = cards.map((c) => /(\d+) % of the episode/.exec(c.text)?.[1]);
    assert.deepEqual(shares, [String(Math.round((50 / 80) * 100)), String(Math.round((20 / 60) * 100))]);
  });

  it('links each of their moments to a paragraph they say it in', () => {
    for (const slug of ['rosa-diaz', 'ben-ortiz', 'ann-lee']) {
      const person = page('people', slug);
      const name = person.querySelector('h1')!.text;
      assert.ok(person.querySelectorAll('.person-moments li').length >= 1, `${slug} has moments`);
      for (const moment of person.querySelectorAll('.person-moments li')) {
        const [where, id] = moment.querySelector('a')!.getAttribute('href')!.split('#');
        const paragraph = page(...where!.split('/').filter(Boolean)).getElementById(id!)!;
        assert.equal(paragraph.getAttribute('data-pagefind-title')!.split(' · ')[1], name, `${slug}: ${where}#${id}`);
        assert.ok(paragraph.querySelector('p')!.text.includes(moment.text.replace(/^\s*\d+:\d\d\s*/, '').trim()), `${slug}: the moment is said there`);
      }
    }
  });

  it('links a named speaker’s label on a section page to their page, and leaves a generic label plain', () => {
    assert.deepEqual(labels('engines'), [
      ['a', 'Ada Lovelace', '/people/ada-lovelace/'], ['a', 'Charles Babbage', '/people/charles-babbage/'], ['a', 'grace hopper', '/people/grace-hopper/'],
    ]);
    // SPEAKER_01, shown as "Speaker 2", and "Speaker 1" name nobody: plain labels, and no page.
    assert.deepEqual(labels('notes'), [['a', 'Ada Lovelace', '/people/ada-lovelace/'], ['span', 'Speaker 2', null]]);
    assert.deepEqual(labels('unnamed'), [['span', 'Speaker 1', null], ['span', 'Speaker 2', null]]);
    for (const url of ['/people/speaker-1/', '/people/speaker-2/']) assert.ok(!built(url), url);
    // Search still titles the paragraph with its time and speaker.
    const first = sectionPages('engines')[0]!.querySelector('.para')!;
    assert.equal(first.getAttribute('data-pagefind-title'), '0:00 · Ada Lovelace');
    // Every speaker link of the site leads to a page the build wrote.
    for (const episode of Object.keys(EPISODES)) {
      for (const [, name, href] of labels(episode).filter(([tag]) => tag === 'a')) assert.ok(built(href!), `${episode}: ${name} → ${href}`);
    }
  });

  it('links a speaker’s name once a page, where the page first shows them', () => {
    let repeated = 0;
    for (const episode of Object.keys(EPISODES)) {
      for (const doc of sectionPages(episode)) {
        const seen = new Set<string>();
        for (const label of doc.querySelectorAll('.para .speaker')) {
          // One person, one page, whatever the capitals ("grace hopper", "GRACE HOPPER").
          const person = label.text.toLowerCase();
          const first = !seen.has(person);
          seen.add(person);
          if (!first) repeated++;
          const linkable = !/^Speaker \d+$/.test(label.text);
          assert.equal(label.tagName.toLowerCase(), first && linkable ? 'a' : 'span', `${episode}: ${label.text}`);
        }
      }
    }
    assert.ok(repeated > 0, 'some page shows a name twice');
  });

  it('links the named speakers the overview lists', () => {
    const links = page('engines').querySelectorAll('.meta a').map((a) => [a.text, a.getAttribute('href')]);
    assert.deepEqual(links, [['Ada Lovelace', '/people/ada-lovelace/'], ['Charles Babbage', '/people/charles-babbage/'], ['grace hopper', '/people/grace-hopper/']]);
    assert.match(page('notes').querySelector('.meta')!.text, /With Ada Lovelace, Speaker 2/);
    assert.deepEqual(page('notes').querySelectorAll('.meta a').map((a) => a.text), ['Ada Lovelace']);
    assert.equal(page('unnamed').querySelectorAll('.meta a').length, 0);
  });

  it('makes one person of a misspelling its sidecar renames, and of spellings that differ in case', () => {
    const ada = page('people', 'ada-lovelace');
    // "ada lovelace" in two episodes (the newest), "Ada Lovelace" in two: on a tie, capitals first.
    assert.equal(ada.querySelector('h1')!.text, 'Ada Lovelace');
    assert.deepEqual(ada.querySelectorAll('.episode-card h2 a').map((a) => a.getAttribute('href')), ['/letters/', '/compilers/', '/engines/', '/notes/']);
    assert.ok(!built('/people/ada-lovelance/'), 'no page for the misspelling');
    assert.ok(!page('people').text.includes('Lovelance'));
    assert.ok(!page('notes').text.includes('Lovelance'), 'the overview shows the sidecar’s spelling');
    // "grace hopper" in two episodes, "Grace Hopper" (the newest) and "GRACE HOPPER" in one each: the most common.
    const grace = page('people', 'grace-hopper');
    assert.equal(grace.querySelector('h1')!.text, 'grace hopper');
    const cards = grace.querySelectorAll('.episode-card');
    assert.deepEqual(cards.map((c) => c.querySelector('h2 a')!.getAttribute('href')), ['/letters/', '/compilers/', '/engines/']);
    // Named two ways in "compilers", she is listed once there, with both names' talk: 30 + 20 seconds of 60.
    const shares = cards.map((c) => /(\d+) % of the episode/.exec(c.text)?.[1]);
    assert.deepEqual(shares, [20 / 50, 50 / 60, 10 / 60].map((share) => String(Math.round(share * 100))));
    const list = page('people').querySelectorAll('.people-list a').map((a) => a.text);
    assert.equal(list.filter((n) => /lovelace/i.test(n)).length, 1);
    assert.equal(list.filter((n) => /hopper/i.test(n)).length, 1);
  });

  it('would make two people of the misspelling without its sidecar’s line', async () => {
    assert.deepEqual(await namesIn('notes'), ['Ada Lovelance']);
    assert.deepEqual(await namesIn('notes', EPISODES['notes']!.sidecar), ['Ada Lovelace']);
    assert.notEqual(personSlug('Ada Lovelance'), personSlug('Ada Lovelace'));
    // Case alone needs no sidecar: the slug is the same.
    assert.deepEqual(await namesIn('compilers'), ['grace hopper', 'ada lovelace', 'GRACE HOPPER']);
    assert.equal(new Set(['grace hopper', 'GRACE HOPPER', 'Grace Hopper'].map(personSlug)).size, 1);
  });

  it('links names on the library cards to their pages, and lists the pages in the sitemap', () => {
    const links = page().querySelectorAll('.card-people a').map((a) => [a.text, a.getAttribute('href')]);
    assert.ok(links.some(([n, h]) => n === 'Rosa Diaz' && h === '/people/rosa-diaz/'));
    assert.ok(!page().text.includes('Speaker 1'));
    const sitemap = readFileSync(path.join(site.out, 'sitemap-0.xml'), 'utf8');
    for (const u of ['people/', 'people/rosa-diaz/', 'people/ann-lee/']) assert.ok(sitemap.includes(`https://example.com/${u}`), u);
  });
});
