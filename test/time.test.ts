import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatClock, formatDuration, isoDuration, parseClock } from '../src/domain/time.ts';

describe('clock times', () => {
  it('parses m:ss, mm:ss and h:mm:ss', () => {
    assert.equal(parseClock('0:00'), 0);
    assert.equal(parseClock('1:53'), 113);
    assert.equal(parseClock('58:47'), 3527);
    assert.equal(parseClock('1:02:03'), 3723);
    assert.equal(parseClock(' 12:34 '), 754);
  });

  it('rejects what is not a clock', () => {
    for (const bad of ['', '1:5', '1:60', '12', 'a:bc', '1:02:3', '1:2:03', '-1:00', '1:00:60']) {
      assert.equal(parseClock(bad), undefined, bad);
    }
  });

  it('formats as players do and round-trips', () => {
    assert.equal(formatClock(113), '1:53');
    assert.equal(formatClock(3723), '1:02:03');
    assert.equal(formatClock(0), '0:00');
    for (const s of [0, 59, 60, 599, 3599, 3600, 36_000, 86_399]) assert.equal(parseClock(formatClock(s)), s);
  });

  it('describes durations', () => {
    assert.equal(formatDuration(568), '9 min');
    assert.equal(formatDuration(45), '45 s');
    assert.equal(formatDuration(3900), '1 h 05 min');
    assert.equal(isoDuration(3527), 'PT58M47S');
    assert.equal(isoDuration(3600), 'PT1H');
  });
});
