/**
 * yt-dlp's folder when it is not complete: captions without their info.json, and an info.json
 * without chapters whose description lists them. Expected values come from the fixtures as
 * written here and from YouTube's rule for description chapters.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { descriptionChapters } from '../src/domain/formats/description-chapters.ts';
import { ytDlpName } from '../src/domain/formats/yt-dlp-name.ts';
import { readEpisode } from '../src/domain/read-episode.ts';

const formats = path.join(import.meta.dirname, 'fixtures', 'formats');
const captions = readFileSync(path.join(formats, 'ten-things.en.vtt'), 'utf8');
const info = JSON.parse(readFileSync(path.join(formats, 'ten-things.info.json'), 'utf8')) as Record<string, unknown>;

describe('captions whose info.json is missing', () => {
  it('take their title from yt-dlp’s file name, without the [VIDEOID] tail, and their video from the id', async () => {
    const episode = await readEpisode({ name: 'Ten Things： Before a Podcast？ [Xq3BCGa4Uog]', transcript: { name: 'Ten Things： Before a Podcast？ [Xq3BCGa4Uog].en.vtt', text: captions } });
    assert.equal(episode.source.title, 'Ten Things: Before a Podcast?');
    assert.equal(episode.slug, 'ten-things-before-a-podcast');
    assert.equal(episode.source.media, 'https://www.youtube.com/watch?v=Xq3BCGa4Uog');
  });

  it('leave other names as they were: brackets that hold no YouTube id are part of the title', () => {
    assert.equal(ytDlpName('Episode 12 [2023]'), undefined);
    assert.equal(ytDlpName('ten-things'), undefined);
    assert.equal(ytDlpName('Q&A [live from Berlin]'), undefined);
    assert.deepEqual(ytDlpName('A ⧸ B [a-b_C1d2E3f]'), { title: 'A / B', id: 'a-b_C1d2E3f' });
  });

  it('yield to the sidecar’s media when there is one', async () => {
    const episode = await readEpisode({
      name: 'Talk [Xq3BCGa4Uog]',
      transcript: { name: 'Talk [Xq3BCGa4Uog].en.vtt', text: captions },
      sidecar: { media: 'https://cdn.example.com/talk.mp3', lines: {} },
    });
    assert.equal(episode.source.media, 'https://cdn.example.com/talk.mp3');
  });
});

describe('chapters listed in a description', () => {
  const listed = ['Ten things, in order:', '', '0:00 Intro', '(2:40) - Audio quality', '7:10 | Templates and batching', 'Thanks for watching! 11:00 Outro', 'More at https://example.com'].join('\n');

  it('follow YouTube’s rule: the first at 0:00, at least three, ascending, each at least 10 seconds', () => {
    assert.deepEqual(descriptionChapters(listed, 755, 1).map((c) => [c.start, c.title]), [
      [0, 'Intro'], [160, 'Audio quality'], [430, 'Templates and batching'], [660, 'Thanks for watching! Outro'],
    ]);
    assert.deepEqual(descriptionChapters('0:00:00 Start\n0:30:00 Middle\n1:02:03 - End', 4000, 1).map((c) => c.start), [0, 1800, 3723]);
    assert.deepEqual(descriptionChapters('0:00 - 1:30 Intro\n1:30 - 4:00 Body\n4:00 End', 300, 1).map((c) => c.title), ['Intro', 'Body', 'End']);
  });

  it('give none when the list breaks the rule', () => {
    assert.deepEqual(descriptionChapters('0:05 Intro\n2:40 Audio\n7:10 Templates', 755, 1), [], 'the first is not at 0:00');
    assert.deepEqual(descriptionChapters('0:00 Intro\n2:40 Audio', 755, 1), [], 'two are not enough');
    assert.deepEqual(descriptionChapters('0:00 Intro\n0:05 Audio\n7:10 Templates', 755, 1), [], 'one is shorter than 10 seconds');
    assert.deepEqual(descriptionChapters('0:00 Intro\n7:10 Templates\n2:40 Audio', 755, 1), [], 'not ascending');
    assert.deepEqual(descriptionChapters('0:00 Intro\n2:40 Audio\n12:30 Templates', 755, 1), [], 'the last starts after the video ends');
    assert.deepEqual(descriptionChapters('Recorded on 12.10.2023 at 10:00am, v1:2:30', 755, 1), []);
  });

  it('become the sections of an info.json without chapters; YouTube’s own chapters win over them', async () => {
    const read = (data: Record<string, unknown>) => readEpisode({
      name: 'ten-things',
      transcript: { name: 'ten-things.en.vtt', text: captions },
      metadata: { name: 'ten-things.info.json', text: JSON.stringify(data) },
    });
    const fromDescription = await read({ ...info, chapters: null, description: listed });
    assert.deepEqual(fromDescription.sections.map((s) => [s.start, s.title]), [
      [0, 'Intro'], [160, 'Audio quality'], [430, 'Templates and batching'], [660, 'Thanks for watching! Outro'],
    ]);
    const own = await read({ ...info, description: listed });
    assert.deepEqual(own.sections.map((s) => s.title), ['Why we made this', 'Audio quality', 'Templates and batching']);
    const none = await read({ ...info, chapters: [], description: 'No times here.' });
    assert.equal(none.sections[0]!.origin, 'topics', 'without chapters anywhere, sections are found by topic');
  });

  it('give every section a summary extracted from its own words', async () => {
    const episode = await readEpisode({
      name: 'ten-things',
      transcript: { name: 'ten-things.en.vtt', text: captions },
      metadata: { name: 'ten-things.info.json', text: JSON.stringify(info) },
    });
    for (const section of episode.sections) {
      assert.ok(section.summary.length > 20, `${section.title}: "${section.summary}"`);
      const own = section.paragraphs.map((p) => p.text).join(' ');
      for (const m of section.extracted!.summary) assert.ok(own.includes(m.text), m.text);
      assert.equal(section.extracted!.title, false, 'the chapter’s title is the author’s');
    }
  });
});
