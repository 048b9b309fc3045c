/** The player's arithmetic: which paragraph is being said, and which page a moment is heard on. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anchorId, anchorTime } from '../src/domain/anchor.ts';
import { resolveMoment, sectionMoments } from '../src/domain/moment-ref.ts';
import { indexAt, placeOf, playHref, resolveHref, RUN_ON_SECONDS } from '../src/browser/player/timing.ts';

describe('where playback is', () => {
  it('is in the last paragraph that started at or before the moment', () => {
    const starts = [3, 10, 10.5, 20];
    // By the rule, checked against a linear scan for every tenth of a second.
    for (let t = 0; t < 25; t += 0.1) {
      const expected = starts.reduce((found, s, i) => (s <= t ? i : found), -1);
      assert.equal(indexAt(starts, t), expected, `t=${t}`);
    }
    assert.equal(indexAt([], 5), -1);
  });

  it('is heard on this page within [start, end), runs on into the next just past the end, else is elsewhere', () => {
    assert.equal(placeOf(95, 95, 300, true), 'here');
    assert.equal(placeOf(299.9, 95, 300, true), 'here');
    assert.equal(placeOf(300, 95, 300, true), 'next');
    assert.equal(placeOf(300 + RUN_ON_SECONDS - 0.1, 95, 300, true), 'next');
    assert.equal(placeOf(300 + RUN_ON_SECONDS, 95, 300, true), 'elsewhere', 'a jump, not a run-on');
    assert.equal(placeOf(300, 95, 300, false), 'elsewhere', 'the last section has no next');
    assert.equal(placeOf(12, 95, 300, true), 'elsewhere');
  });

  it('asks the next page, or the resolver, to play from the whole second', () => {
    assert.equal(playHref('/ep/gear/', 300.7), '/ep/gear/?play=300');
    assert.equal(resolveHref('/ep/at/', 400.2), '/ep/at/?t=400&play');
  });

  it('reads a paragraph’s second back from its anchor', () => {
    for (const [second, n] of [[0, 1], [754, 1], [754, 2], [3600, 11]] as const) assert.equal(anchorTime(anchorId(second, n)), second);
    assert.equal(anchorId(681, 2), 't-681-2');
    assert.equal(anchorTime('transcript'), undefined);
    assert.equal(anchorTime('t-1x'), undefined);
  });
});

describe('the pages moments are played on', () => {
  it('agree with the resolver: a section page plays exactly the moments the resolver sends to it', () => {
    // Three sections; the second's first paragraph starts after its section would, and two share a second.
    const paragraphs: Array<Array<[number, string]>> = [[[0, 't-0'], [40, 't-40']], [[100, 't-100'], [100, 't-100-2'], [150, 't-150']], [[300, 't-300']]];
    for (let t = -5; t < 400; t += 0.5) {
      const resolved = resolveMoment(t, paragraphs)!.section;
      const playing = paragraphs.map((_, s) => sectionMoments(paragraphs, s)).findIndex(({ from = -Infinity, until = Infinity }) => placeOf(t, from, until, false) === 'here');
      assert.equal(playing, resolved, `t=${t}`);
    }
  });
});
