/**
 * A title for each automatic section, from its own words: the noun phrase that sets the section
 * apart from the rest of the episode, 2–6 words, in title case. A phrase scores by how often the
 * section says it times how much more often than the episode as a whole (its count times the log
 * of that ratio: TF-IDF's idea, measured in words rather than in sections, so a word every section
 * uses often scores nothing). Phrases are runs of adjectives and nouns ending in a noun ("chain of
 * thought" included), as wink-nlp tags them; phrases that say nothing of a subject ("a lot", "the
 * thing") are left out. Where the best phrase is one word, the next best joins it: "Compute and
 * Alignment".
 */
import { taggedTokens } from '../nlp.ts';
import { terms } from './terms.ts';

/** Nouns that name no subject, however often they are said. */
export const VAGUE = new Set([
  'thing', 'things', 'lot', 'lots', 'way', 'ways', 'kind', 'kinds', 'sort', 'sorts', 'stuff', 'people', 'person', 'time', 'times',
  'guy', 'guys', 'bit', 'point', 'points', 'question', 'questions', 'answer', 'one', 'ones', 'something', 'anything', 'everything',
  'nothing', 'fact', 'sense', 'part', 'parts', 'yeah', 'okay', 'ok', 'um', 'uh', 'day', 'days', 'today', 'moment', 'example',
  'case', 'cases', 'place', 'bunch', 'number', 'end', 'side', 'level', 'levels', 'aspect', 'aspects', 'idea', 'ideas', 'year',
  'years', 'term', 'terms', 'world', 'reason', 'reasons', 'story', 'stories', 'lol', 'hey', 'gonna',
  'percent', 'couple', 'others', 'anyone', 'someone', 'everyone', 'folks', 'man', 'right', 'yes', 'no', 'wow', 'stage', 'step', 'steps',
  'area', 'areas', 'type', 'types', 'piece', 'pieces', 'job', 'version', 'start', 'beginning', 'front', 'half', 'like', 'lots',
  'mean', 'sorta', 'kinda', 'dude', 'gosh', 'hmm', 'mhm', 'uh-huh', 'ah', 'oh', 'huh', 'word', 'words', 'deal', 'shot', 'ton',
  'tons', 'month', 'months', 'week', 'weeks', 'hour', 'hours', 'minute', 'minutes', 'second', 'seconds', 'problem', 'problems',
  'work', 'change', 'changes', 'direction', 'solution', 'solutions', 'challenge', 'challenges', 'decision', 'decisions', 'matter',
  'issue', 'issues', 'situation', 'approach', 'perspective', 'option', 'options', 'chance', 'difference', 'set', 'course', 'phase',
  'moments', 'sentence', 'thought', 'thoughts', 'opinion', 'view', 'feeling', 'feelings', 'lack', 'result', 'results',
  'extent', 'instance', 'instances', 'ability', 'abilities', 'regard', 'respect', 'manner', 'means', 'name', 'names',
]);
/** Adjectives that only qualify ("good ideas", "other things"): dropped from a phrase's start. */
const WEAK_ADJECTIVES = new Set([
  'good', 'great', 'big', 'small', 'other', 'certain', 'different', 'same', 'whole', 'new', 'old', 'little', 'real', 'really',
  'many', 'much', 'more', 'most', 'few', 'own', 'sure', 'able', 'last', 'next', 'first', 'second', 'third', 'best', 'better',
  'bad', 'huge', 'high', 'low', 'long', 'short', 'important', 'interesting', 'main', 'specific', 'particular', 'general', 'actual',
  'possible', 'right', 'wrong', 'hard', 'easy', 'nice', 'cool', 'amazing', 'crazy', 'entire', 'various', 'several', 'such', 'kind',
]);
const PHRASE_POS = new Set(['ADJ', 'NOUN', 'PROPN']);
/** Gerunds that are the names of fields and activities, as the heads of compounds. */
const NOMINAL_GERUNDS = new Set([
  'learning', 'computing', 'engineering', 'training', 'reasoning', 'programming', 'modeling', 'modelling', 'marketing',
  'scaling', 'testing', 'coding', 'processing', 'planning', 'writing', 'funding', 'hiring', 'pricing', 'accounting',
  'banking', 'farming', 'gardening', 'cooking', 'baking', 'teaching', 'nursing', 'publishing', 'recording', 'mixing',
  'editing', 'mastering', 'printing', 'shipping', 'manufacturing', 'fundraising', 'fine-tuning', 'pretraining',
  'pre-training', 'prompting', 'sampling', 'forecasting', 'monitoring', 'debugging', 'benchmarking', 'onboarding',
  'branding', 'advertising', 'podcasting', 'streaming', 'broadcasting', 'parenting', 'housing', 'healthcare',
]);
const HEAD_POS = new Set(['NOUN', 'PROPN']);
const MAX_PHRASE = 4;
const WORD = /^[\p{L}][\p{L}\p{N}'’-]*$/u;
/** Contractions the tagger may take for nouns ("I'm", "that's"). */
const CONTRACTION = /['’](?:m|s|re|ve|ll|d|t)$/i;
/** Words title case leaves small, unless they come first. */
const SMALL = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'for', 'to', 'with', 'at', 'by', 'vs', 'via']);

export interface Phrase {
  key: string;
  words: number;
  count: number;
  /** How often it was a whole phrase, not the end of a longer one ("learning" in "machine learning"). */
  whole: number;
  /** The surface forms met, and how often, to show the commonest. */
  forms: Map<string, number>;
}

/** The stem key of each phrase form met, or null where one of its words is a stop word. */
const keys = new Map<string, string | null>();

function keyOf(tokens: readonly string[]): string | null {
  const form = tokens.join(' ');
  let key = keys.get(form);
  if (key === undefined) {
    const stems = terms(form);
    key = stems.length === tokens.filter((t) => t !== 'of').length ? stems.join(' ') : null;
    if (keys.size > 100_000) keys.clear();
    keys.set(form, key);
  }
  return key;
}

/** The candidate phrases of a section's texts, by stem key: every run's last 1–4 words. */
export function phrasesOf(texts: readonly string[]): Map<string, Phrase> {
  const found = new Map<string, Phrase>();
  const add = (tokens: readonly string[], whole: boolean) => {
    // A phrase never starts or ends with "of".
    if (tokens[0] === 'of' || tokens.at(-1) === 'of') return;
    const key = keyOf(tokens);
    if (key === null) return;
    const form = tokens.join(' ');
    const phrase = found.get(key) ?? { key, words: tokens.length, count: 0, whole: 0, forms: new Map<string, number>() };
    phrase.count++;
    if (whole) phrase.whole++;
    phrase.forms.set(form, (phrase.forms.get(form) ?? 0) + 1);
    found.set(key, phrase);
  };
  for (const text of texts) {
    const { values, pos } = taggedTokens(text);
    let run: string[] = [];
    let runPos: string[] = [];
    const close = () => {
      // Trim to a noun at the end and a meaningful word at the start.
      while (runPos.length && !HEAD_POS.has(runPos.at(-1)!)) run.pop(), runPos.pop();
      while (run.length && (WEAK_ADJECTIVES.has(run[0]!.toLowerCase()) || VAGUE.has(run[0]!.toLowerCase()))) run.shift(), runPos.shift();
      if (run.length && !VAGUE.has(run.at(-1)!.toLowerCase())) {
        for (let n = 1; n <= Math.min(MAX_PHRASE, run.length); n++) add(run.slice(run.length - n), n === run.length);
      }
      run = [];
      runPos = [];
    };
    values.forEach((value, t) => {
      // The gerunds that name fields and activities end a compound ("reinforcement learning", "deep
      // learning"), though the tagger calls them verbs; any other "-ing" after a noun is a verb
      // ("a lab pursuing…").
      const tag = pos[t] === 'VERB' && runPos.length && NOMINAL_GERUNDS.has(value.toLowerCase()) ? 'NOUN' : pos[t]!;
      if (PHRASE_POS.has(tag) && WORD.test(value) && value.length > 1 && !CONTRACTION.test(value)) {
        run.push(value);
        runPos.push(tag);
      } else if (value.toLowerCase() === 'of' && runPos.length && HEAD_POS.has(runPos.at(-1)!) && HEAD_POS.has(pos[t + 1] ?? '')) {
        // "chain of thought": a noun of a noun is one phrase.
        run.push('of');
        runPos.push('ADP');
      } else close();
    });
    close();
  }
  return found;
}

/** "reinforcement learning" → "Reinforcement Learning"; "OpenAI" and "GPU" stay as they are. */
export function titleCase(words: readonly string[]): string {
  return words
    .map((w, i) => (i > 0 && SMALL.has(w.toLowerCase()) ? w.toLowerCase() : w.replace(/^\p{Ll}/u, (c) => c.toUpperCase())))
    .join(' ');
}

/** The commonest way a phrase was said. */
const shown = (p: Phrase) => [...p.forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];

/**
 * Titles for sections, each given as the texts of its speaker turns (the texts reflow reads, so
 * each is tagged once). Titles differ from each other; `undefined` where a section has no phrase.
 */
export function sectionTitles(sections: ReadonlyArray<readonly string[]>): Array<string | undefined> {
  const found = sections.map(phrasesOf);
  const everywhere = new Map<string, number>();
  for (const phrases of found) for (const p of phrases.values()) everywhere.set(p.key, (everywhere.get(p.key) ?? 0) + p.count);
  const words = sections.map((texts) => texts.reduce((n, t) => n + t.split(/\s+/).length, 0));
  const total = words.reduce((a, b) => a + b, 0);
  const used = new Set<string>();
  return found.map((phrases, s) => {
    // With one section there is nothing to set it apart from: the commonest phrases say what it is about.
    const share = words[s]! / total;
    const ranked = [...phrases.values()]
      // A phrase said once names no subject of the section.
      .filter((p) => p.count >= 2 || phrases.size < 20)
      .map((p) => {
        const ratio = sections.length === 1 ? Math.E : p.count / (everywhere.get(p.key)! * share);
        return { p, score: p.count * Math.log(Math.max(ratio, 1)) * (p.words > 1 ? 1.5 : 1) };
      })
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || a.p.key.localeCompare(b.p.key));
    for (const [k, { p }] of ranked.entries()) {
      let words = shown(p).split(' ');
      if (words.length === 1) {
        // One word is a subject, not yet a title: the next subject said apart from it joins it.
        const other = ranked.slice(k + 1).find(({ p: q, score }) => score >= 0.4 * ranked[k]!.score && !q.key.split(' ').some((s) => p.key.split(' ').includes(s)));
        if (other) words = [...words, 'and', ...shown(other.p).split(' ')];
      }
      const title = titleCase(words.slice(0, 6));
      if (words.length < 2 || used.has(title.toLowerCase())) continue;
      used.add(title.toLowerCase());
      return title;
    }
    return undefined;
  });
}
