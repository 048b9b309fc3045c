/**
 * The order search results are shown in (src/browser/search/rank.ts), on Pagefind result data
 * written by hand: which paragraph comes first is decided by the rules the reader is promised.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXCERPT_WORDS, firstToRank, parseQuery, rankPages, type Anchor, type ResultData, type SubResult } from '../src/browser/search/rank.ts';

/**
 * A page as Pagefind's `data()` gives it: its text, and per paragraph (sub-result) the positions
 * of the words that matched. `paragraphs` are [anchor id, title, text]; `matched` lists the words
 * Pagefind matched (by stem, as its index does), whose positions are then found in the text.
 */
function page(url: string, paragraphs: Array<[string, string, string]>, matched: string[], meta: Record<string, string> = {}): ResultData {
  const words: string[] = [];
  const subs: SubResult[] = [];
  const anchors: Anchor[] = [];
  for (const [id, title, text] of paragraphs) {
    const start = words.length;
    anchors.push({ element: 'div', id, location: start, title });
    const own = text.split(/\s+/);
    words.push(...own);
    const locations = own.flatMap((w, i) => (matched.some((m) => w.toLowerCase().replace(/[^a-z]/g, '').startsWith(m)) ? [start + i] : []));
    if (locations.length) subs.push({ title, url: `${url}#${id}`, excerpt: text, anchor: { id }, locations, weighted_locations: locations.map((location) => ({ location, balanced_score: 1 })) });
  }
  return { url, excerpt: '', content: words.join(' '), meta: { title: url, ...meta }, anchors, sub_results: subs };
}

const firstHit = (pages: ReturnType<typeof rankPages>) => pages[0]?.hits[0]?.sub.url;

describe('search ranking', () => {
  it('the word as typed beats its stem relatives, even when Pagefind ranked the relative first', () => {
    // Pagefind's index holds stems, so "reflective" also finds "reflect" and "reflecting".
    const relatives = page('/a/', [['t-10', '0:10', 'we reflect back on it and keep reflecting on it']], ['reflect']);
    const exact = page('/b/', [['t-1294', '21:34', 'a quite reflective kind of answer']], ['reflect']);
    const ranked = rankPages([relatives, exact], parseQuery('reflective'));
    assert.equal(firstHit(ranked), '/b/#t-1294');
    assert.deepEqual(ranked.map((p) => p.data.url), ['/b/', '/a/']);
  });

  it('what was said comes before a summary of it, on one page and across pages', () => {
    const overview = page('/ep/', [['key-points', 'Key points', 'Chain of thought keeps models honest']], ['chain', 'of', 'thought'], { summary: 'ai' });
    const section = page('/ep/safety/', [
      ['summary', 'Summary', 'They discuss chain of thought monitoring'],
      ['t-600', '10:00', 'the chain of thought is where we see what it thinks'],
    ], ['chain', 'of', 'thought']);
    const ranked = rankPages([overview, section], parseQuery('chain of thought'));
    assert.equal(firstHit(ranked), '/ep/safety/#t-600');
    assert.deepEqual(ranked[0]!.hits.map((h) => h.sub.anchor?.id), ['t-600', 'summary']);
    // The summaries stay findable, after the paragraph.
    assert.ok(ranked.some((p) => p.data.url === '/ep/'));
  });

  it('more of the query’s words beat fewer, whatever Pagefind scored', () => {
    const one = page('/a/', [['t-1', '0:01', 'explosive explosive explosive']], ['explosive', 'growth']);
    const both = page('/b/', [['t-2', '0:02', 'a period of explosive growth']], ['explosive', 'growth']);
    assert.equal(firstHit(rankPages([one, both], parseQuery('explosive growth'))), '/b/#t-2');
  });

  it('a query in quotes keeps only the hits that hold the phrase, in order', () => {
    const scattered = page('/a/', [['t-1', '0:01', 'into the forests we go making plans']], ['making', 'forests', 'into']);
    const phrase = page('/b/', [['t-358', '5:58', 'like making forests into paper']], ['making', 'forests', 'into']);
    const quoted = rankPages([scattered, phrase], parseQuery('"making forests into"'));
    assert.deepEqual(quoted.flatMap((p) => p.hits.map((h) => h.sub.url)), ['/b/#t-358']);
    // Unquoted, both are found; the phrase still comes first.
    const plain = rankPages([scattered, phrase], parseQuery('making forests into'));
    assert.deepEqual(plain.flatMap((p) => p.hits.map((h) => h.sub.url)), ['/b/#t-358', '/a/#t-1']);
  });

  it('a phrase said as typed beats the same words said as relatives, however often those are said', () => {
    const relatives = page('/a/', [['t-1618', '26:58', 'are the models actually you know can they actually use the model they have']], ['model', 'actually']);
    const asTyped = page('/b/', [['t-2536', '42:16', 'the model actually talk to you']], ['model', 'actually']);
    assert.equal(firstHit(rankPages([relatives, asTyped], parseQuery('model actually'))), '/b/#t-2536');
    // In quotes, only the phrase as typed counts.
    assert.deepEqual(rankPages([relatives, asTyped], parseQuery('"model actually"')).flatMap((p) => p.hits.map((h) => h.sub.url)), ['/b/#t-2536']);
  });

  it('a speaker’s name counts for the paragraphs they said', () => {
    const host = page('/a/', [['t-5', '0:05 · Jacob Efron', 'what about complexity']], ['complexity']);
    const guest = page('/b/', [['t-9', '0:09 · Jakub Pachocki', 'complexity is the hard part']], ['complexity']);
    const ranked = rankPages([host, guest], parseQuery('Jakub complexity'));
    assert.equal(firstHit(ranked), '/b/#t-9');
    assert.equal(ranked[0]!.hits[0]!.speaker, 'Jakub Pachocki');
  });

  it('reads queries as typed: quotes (straight or curly) make a phrase, punctuation and case do not count', () => {
    assert.deepEqual(parseQuery('  “Chain of Thought” '), { words: ['chain', 'of', 'thought'], phrase: true });
    assert.deepEqual(parseQuery('"RL," beyond code!'), { words: ['rl', 'beyond', 'code'], phrase: false });
    assert.deepEqual(parseQuery('it’s'), { words: ["it's"], phrase: false });
    assert.deepEqual(parseQuery('""'), { words: [], phrase: false });
  });

  it('an excerpt shows the word that decided the hit, marked, from the hit’s own paragraph only', () => {
    const filler = (n: number, word: string) => Array.from({ length: n }, () => word).join(' ');
    const text = `Sarah ${filler(40, 'talk')} even in the closet ${filler(40, 'more')}`;
    const data = page('/a/', [['t-1', '0:53 · Sarah', text], ['t-2', '1:32 · Sarah', 'closet closet next paragraph']], ['sarah', 'closet']);
    const [hit] = rankPages([data], parseQuery('Sarah closet'))[0]!.hits.filter((h) => h.sub.anchor?.id === 't-1');
    const shown = hit!.excerpt.map((p) => p.text).join('');
    assert.equal(hit!.excerpt.filter((p) => p.marked).map((p) => p.text).join(' '), 'closet');
    // A third of the way in: 8 words before it, 15 after.
    assert.match(shown, /^… (talk ){4}talk even in the closet (more ){14}more …$/);
    assert.equal(shown.replace(/…/g, '').trim().split(/\s+/).length, EXCERPT_WORDS);
    assert.doesNotMatch(shown, /next paragraph/);
  });

  it('an excerpt shows the most of the query it can, not the first common word of it', () => {
    const filler = Array.from({ length: 30 }, () => 'so').join(' ');
    const data = page('/a/', [['t-1', '37:40', `a lot of work ${filler} we focused on chain of thought monitoring`]], ['chain', 'of', 'thought']);
    const hit = rankPages([data], parseQuery('chain of thought'))[0]!.hits[0]!;
    assert.deepEqual(hit.excerpt.filter((p) => p.marked).map((p) => p.text), ['chain', 'of', 'thought']);
  });

  it('an excerpt is text, whatever the transcript says', () => {
    const data = page('/a/', [['t-1', '0:01', 'she typed <img src=x onerror=alert(1)> into the chat']], ['typed']);
    const hit = rankPages([data], parseQuery('typed'))[0]!.hits[0]!;
    assert.deepEqual(hit.excerpt, [{ text: 'she ', marked: false }, { text: 'typed', marked: true }, { text: ' <img src=x onerror=alert(1)> into the chat', marked: false }]);
  });

  it('loads pages of different scores before copies that score alike, so a rarer page is not crowded out', () => {
    const results = [{ score: 5, id: 'copy1' }, { score: 5, id: 'copy2' }, { score: 5, id: 'copy3' }, { score: 3, id: 'other' }, { score: 1, id: 'last' }];
    assert.deepEqual(firstToRank(results, 3).map((r) => r.id), ['copy1', 'other', 'last']);
    assert.deepEqual(firstToRank(results, 4).map((r) => r.id), ['copy1', 'other', 'last', 'copy2']);
  });
});
