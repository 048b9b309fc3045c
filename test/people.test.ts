/**
 * People pages: everyone who speaks by name, with the episodes they speak in, their share of the
 * talking (worked out here from the cue times the test writes) and their key moments, each linked
 * to the paragraph that says it. Generic labels ("Speaker 1") get no page.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { build, tempDir, type BuildResult } from './helpers/build.ts';

/** Cues of [speaker, seconds, text]: Rosa speaks in two episodes, a guest in each, and one unnamed voice. */
const EPISODES: Record<string, { date: string; cues: Array<[string, number, string]> }> = {
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
};

const stamp = (s: number) => `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')},000`;

describe('people pages', () => {
  let site: BuildResult;
  const page = (...parts: string[]) => parse(readFileSync(path.join(site.out, ...parts, 'index.html'), 'utf8'));

  before(() => {
    const content = path.join(tempDir('people'), 'content');
    mkdirSync(content);
    for (const [name, { date, cues }] of Object.entries(EPISODES)) {
      let t = 0;
      const srt = cues.map(([who, seconds, text], i) => {
        const cue = `${i + 1}\n${stamp(t)} --> ${stamp(t + seconds)}\n${who}: ${text}\n`;
        t += seconds;
        return cue;
      });
      writeFileSync(path.join(content, `${name}.srt`), srt.join('\n'));
      writeFileSync(path.join(content, `${name}.yml`), `date: ${date}\n`);
    }
    site = build(content, path.join(path.dirname(content), 'dist'), '--site', 'https://example.com');
    assert.equal(site.code, 0, site.stderr + site.stdout);
  });

  it('lists everyone who speaks by name, A to Z, and nobody for a generic label', () => {
    const names = page('people').querySelectorAll('.people-list a').map((a) => a.text);
    assert.deepEqual(names, ['Ann Lee', 'Ben Ortiz', 'Rosa Diaz']);
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
        assert.equal(paragraph.getAttribute('data-speaker'), name, `${slug}: ${where}#${id}`);
        assert.ok(paragraph.querySelector('p')!.text.includes(moment.text.replace(/^\s*\d+:\d\d\s*/, '').trim()), `${slug}: the moment is said there`);
      }
    }
  });

  it('links names on the library cards to their pages, and lists the pages in the sitemap', () => {
    const links = page().querySelectorAll('.card-people a').map((a) => [a.text, a.getAttribute('href')]);
    assert.ok(links.some(([n, h]) => n === 'Rosa Diaz' && h === '/people/rosa-diaz/'));
    assert.ok(!page().text.includes('Speaker 1'));
    const sitemap = readFileSync(path.join(site.out, 'sitemap-0.xml'), 'utf8');
    for (const u of ['people/', 'people/rosa-diaz/', 'people/ann-lee/']) assert.ok(sitemap.includes(`https://example.com/${u}`), u);
  });
});
