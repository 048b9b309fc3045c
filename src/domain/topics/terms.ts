/**
 * The terms of a text, for telling subjects apart: its words, lower-cased, without stop words, each
 * stemmed by Porter's English stemmer (Porter2, as wink-nlp itself stems). Read with a regular
 * expression, not a full wink-nlp reading: segmenting an hour of speech needs the terms of every
 * sentence, and a word's stem never changes, so each distinct word is stemmed once per process.
 */
import { createRequire } from 'node:module';
import { withoutSoundTags } from '../sound-tags.ts';

const require = createRequire(import.meta.url);
const stem = require('wink-porter2-stemmer') as (word: string) => string;
// The stop words wink-nlp's utilities use (English function words: "the", "and", "which", …).
const STOP = new Set(require('wink-nlp-utils/src/dictionaries/stop_words.json') as string[]);

const WORD = /\p{L}[\p{L}\p{N}]*(?:['’-]\p{L}+)*/gu;
const stems = new Map<string, string | null>();

export function terms(text: string): string[] {
  const out: string[] = [];
  // `[Music]` says nothing of the subject.
  for (const [raw] of withoutSoundTags(text).toLowerCase().matchAll(WORD)) {
    let known = stems.get(raw);
    if (known === undefined) {
      // Contractions ("don't", "we'll") are function words as much as their parts are.
      const bare = raw.replace(/['’]/g, '');
      known = STOP.has(raw) || STOP.has(bare) || /['’](?:s|t|ll|re|ve|d|m)$/.test(raw) || raw.length < 2 ? null : stem(raw);
      if (stems.size > 200_000) stems.clear();
      stems.set(raw, known);
    }
    if (known) out.push(known);
  }
  return out;
}
