/**
 * An episode's candidates for the archive's index of names and topics: the noun phrases it says
 * more than once (the phrases section titles are scored on, titles.ts), and the names it says,
 * each with the paragraphs that say it. Which of them become entries is decided for the whole
 * library (entries.ts): each episode only says what it holds, so that the index comes out the
 * same however the build is split over machines.
 */
import { phrasesOf, VAGUE } from '../topics/titles.ts';
import { pageOf } from '../section-pages.ts';
import type { Paragraph, Section } from '../types.ts';

/**
 * Candidates kept per episode, the strongest first: enough for every subject an episode keeps
 * coming back to, few enough that the catalog of a thousand episodes (which every site-wide page
 * reads) stays small.
 */
export const TERMS_PER_EPISODE = 24;
/**
 * Paragraphs kept per section for one term: the first that says it. It leads to the moment the
 * section takes the term up, and the section's page has the rest; the catalog (which the build
 * holds in memory and in manifests) and every entry page hold no more.
 */
export const MENTIONS_PER_SECTION = 1;
/**
 * Characters of context around the words in an excerpt, cut at spaces: two fifths before them,
 * the rest after (a reader reads on).
 */
export const EXCERPT_CONTEXT = 80;
const BEFORE = Math.round(EXCERPT_CONTEXT * 0.4);
const AFTER = EXCERPT_CONTEXT - BEFORE;

/** One paragraph that says a term: where it is, who says it, and a few words around it. */
export interface Mention {
  id: string;
  time: number;
  /** The section page that holds the paragraph (section-pages.ts). */
  page: number;
  speaker?: string | undefined;
  excerpt: string;
  /** Where the term's words are in the excerpt: `[start, end)`. */
  mark: [number, number];
}

export interface EpisodeTerm {
  /** The stems of its words (topics/terms.ts), run together: "models" and "Model", "OpenAI" and "open AI" are one term. */
  key: string;
  /** The ways it was said, and how often. */
  forms: Record<string, number>;
  /** A proper noun or an acronym, as punctuated text writes it. */
  name: boolean;
  count: number;
  /** Every section whose paragraphs say it, with how often it says it and its first MENTIONS_PER_SECTION such paragraphs. */
  sections: Array<{ section: string; count: number; mentions: Mention[] }>;
}

/** A form said in a text: its words, whole, with spaces or punctuation between them. */
const patterns = new Map<string, RegExp>();
function formPattern(form: string): RegExp {
  let pattern = patterns.get(form);
  if (!pattern) {
    const words = form.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[\\s\\p{P}]+')}(?![\\p{L}\\p{N}])`, 'u');
    if (patterns.size > 10_000) patterns.clear();
    patterns.set(form, pattern);
  }
  return pattern;
}

const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}]+s?$/u;
const SMALL = new Set(['of', 'and', 'the']);
/** Every word written with a capital (leaving "of" aside), or an acronym: how punctuated text writes a name. */
const looksLikeName = (form: string) => form.split(' ').every((w) => SMALL.has(w) || /^\p{Lu}/u.test(w)) || ACRONYM.test(form);
/** Said inside a sentence, where a capital is the word's own and not the sentence's ("Welcome to…"). */
const MID_SENTENCE = /[\p{Ll}\p{N},;:]["'”’)]?\s+$/u;
/** Single words other than names are entries only when said this often in an episode: a phrase or a name says more. */
const MIN_SINGLE_WORD = 3;

/**
 * `turns`: each section's speaker turns as reflow read them (reflow.ts `turnTexts`): the phrases are
 * found in those readings, which the build has already tagged, and only the chosen terms are then
 * looked for in the paragraphs, by their words. `names`: whether capitals say anything (false for
 * captions whose capitals the build added, sentences/display.ts, where every sentence starts with one).
 */
export function episodeTerms(sections: readonly Section[], turns: ReadonlyArray<readonly string[]>, { names }: { names: boolean }): EpisodeTerm[] {
  const terms = new Map<string, { key: string; words: number; whole: number; forms: Map<string, number>; count: number; sections: Array<{ section: Section; count: number }> }>();
  sections.forEach((section, s) => {
    for (const phrase of phrasesOf(turns[s] ?? []).values()) {
      // "OpenAI" and "open AI", "dataset" and "data set" are one term.
      const key = phrase.key.replaceAll(' ', '');
      const term = terms.get(key) ?? { key, words: phrase.words, whole: 0, forms: new Map<string, number>(), count: 0, sections: [] };
      term.count += phrase.count;
      term.whole += phrase.whole;
      for (const [form, n] of phrase.forms) term.forms.set(form, (term.forms.get(form) ?? 0) + n);
      const listed = term.sections.at(-1)?.section === section ? term.sections.at(-1)! : term.sections[term.sections.push({ section, count: 0 }) - 1]!;
      listed.count += phrase.count;
      terms.set(key, term);
    }
  });
  const chosen = [...terms.values()]
    .map((t) => ({ ...t, forms: [...t.forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])) }))
    .map((t) => ({ ...t, capitals: names && looksLikeName(t.forms[0]![0]) }))
    // Said more than once (a name may be said once: another episode may say it too), and said on
    // its own at least once: "learning" only ever said in "machine learning" is not a subject.
    .filter((t) => (t.capitals || t.count >= (t.words > 1 ? 2 : MIN_SINGLE_WORD)) && t.whole > 0 && !VAGUE.has(t.key))
    // A phrase or a name says more than a single common noun said as often.
    .map((t) => ({ t, score: t.count * Math.sqrt(t.sections.length) * (t.words > 1 || t.capitals ? 3 : 1) }))
    .sort((a, b) => b.score - a.score || a.t.key.localeCompare(b.t.key))
    .slice(0, TERMS_PER_EPISODE);
  const out: EpisodeTerm[] = [];
  for (const { t } of chosen) {
    const forms = t.forms.map(([form]) => form);
    let inside = 0;
    const listed: EpisodeTerm['sections'] = [];
    for (const { section, count } of t.sections) {
      const mentions: Mention[] = [];
      for (const [index, paragraph] of section.paragraphs.entries()) {
        // Past the paragraphs kept, read on only while a capitalised term has yet to be said
        // inside a sentence: whether it is a name does not depend on how many are kept.
        if (mentions.length === MENTIONS_PER_SECTION && !(t.capitals && inside === 0)) break;
        const said = mention(paragraph, pageOf(section.pageStarts, index), forms);
        if (!said) continue;
        if (MID_SENTENCE.test(paragraph.text.slice(0, said.at))) inside++;
        if (mentions.length < MENTIONS_PER_SECTION) mentions.push(said.mention);
      }
      // Only where a paragraph says it in so many words: every link of the index is grounded.
      if (mentions.length) listed.push({ section: section.slug, count, mentions });
    }
    const name = t.capitals && (inside > 0 || ACRONYM.test(forms[0]!));
    if (!listed.length || (!name && t.count < (t.words > 1 ? 2 : MIN_SINGLE_WORD))) continue;
    out.push({ key: t.key, forms: Object.fromEntries(t.forms), name, count: t.count, sections: listed });
  }
  return out;
}

/** The paragraph, with the first of `forms` it says and the words around it (`at`: where in the paragraph), or null where it says none. */
function mention(paragraph: Paragraph, page: number, forms: readonly string[]): { mention: Mention; at: number } | null {
  const { text } = paragraph;
  let at: [number, number] | undefined;
  for (const form of forms) {
    const found = formPattern(form).exec(text);
    if (found) {
      at = [found.index, found.index + found[0].length];
      break;
    }
  }
  if (!at) return null;
  // Cut at spaces, so that no word is shown in part.
  let start = Math.max(0, at[0] - BEFORE);
  if (start > 0) start = text.indexOf(' ', start) + 1 || at[0];
  if (start > at[0]) start = at[0];
  let end = Math.min(text.length, at[1] + AFTER);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > at[1] ? space : at[1];
  }
  const lead = start > 0 ? '…' : '';
  const excerpt = `${lead}${text.slice(start, end).trimEnd()}${end < text.length ? '…' : ''}`;
  const shift = lead.length - start;
  return {
    mention: {
      id: paragraph.id,
      time: paragraph.time,
      page,
      ...(paragraph.speaker ? { speaker: paragraph.speaker } : {}),
      excerpt,
      mark: [at[0] + shift, at[1] + shift],
    },
    at: at[0],
  };
}
