/** Sound tags: what is one, and what the words of a text are without them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { soundTags, spokenCount } from '../src/domain/sound-tags.ts';

describe('sound tags', () => {
  it('are one to three words of letters in square brackets, in any case', () => {
    const text = '[Music] so we began [laughter] then [Music playing softly] and [APPLAUSE]';
    assert.deepEqual(soundTags(text).map(([s, e]) => text.slice(s, e)), ['[Music]', '[laughter]', '[Music playing softly]', '[APPLAUSE]']);
    assert.equal(spokenCount(text), 5);
  });

  it('leave other brackets as words: numbers, longer insertions, links', () => {
    for (const text of ['see [1] above', '[the company we talked about earlier]', '[a](https://example.com)', 'x[y']) {
      assert.deepEqual(soundTags(text), [], text);
    }
    assert.equal(spokenCount('[the company we talked about earlier]'), 6);
  });
});
