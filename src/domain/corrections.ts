/**
 * Corrections of recognition errors ("Akopi" → "Jakub Pachocki"), from `corrections.yml` beside the
 * transcripts. Applied to the fragments before anything else, so the site, search and downloads all
 * show the corrected words; each corrected span remembers its original for the reader.
 */
import { z } from 'zod';
import { validate } from './validate.ts';
import { tokens } from './invariants.ts';
import { readYaml } from './yaml.ts';
import type { Fragment } from './types.ts';

export const CORRECTIONS_FILE = 'corrections.yml';

const Rule = z.strictObject({
  /** A word or phrase as the transcript has it; matched as whole words, ignoring case and punctuation. */
  from: z.string().trim().min(1, { error: 'must not be empty' }),
  to: z.string().trim().min(1, { error: 'must not be empty' }),
  /** Episodes it applies to (file names without extension, or slugs); all when absent. */
  episodes: z.array(z.string().min(1)).min(1).optional(),
});
const Rules = z.array(Rule, { error: 'must be a list of { from, to, episodes? } entries' });

export interface CorrectionRule extends z.infer<typeof Rule> {
  line: number | undefined;
}

export function parseCorrections(source: string, file: string): CorrectionRule[] {
  const yaml = readYaml(source, file);
  const lineOf = yaml.lineOf;
  const rules = validate(Rules, yaml.data ?? [], { file, lineOf, hint: 'each entry is { from: words as transcribed, to: the right words, episodes: [optional list] }' });
  return rules.map((rule, i) => ({ ...rule, line: lineOf([i]) }));
}

/** A corrected span in the corrected token stream of an episode. */
export interface Correction {
  /** Index of the first corrected token among all the episode's (corrected) tokens. */
  token: number;
  /** How many tokens the correction spans. */
  tokens: number;
  original: string;
  rule: number;
}

interface Token {
  fragment: number;
  raw: string;
  /** The word without leading/trailing punctuation, lower-cased, for matching. */
  core: string;
  /** When it is said, where the source times its words. */
  time: number | undefined;
}

const EDGE = /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}]*)$/u;
const coreOf = (raw: string) => EDGE.exec(raw)![2]!.toLowerCase();

/**
 * The words of `fragments` as rules match them (lower-cased, without edge punctuation), joined by
 * spaces: what an episode says, for deciding which rules can change it (ruleOccurs).
 */
export const wordCores = (fragments: readonly Fragment[]): string => fragments.flatMap((f) => tokens(f.text).map(coreOf)).join(' ');

/**
 * Whether `rule` can make a replacement in an episode whose words are `cores` (wordCores): its
 * words occur there together. Necessary for a replacement, since rules match the uncorrected
 * words; a longer rule may still take the place first, so it is not sufficient.
 */
/** Whether a rule may change an episode known by `names` (its file stem and its slug): its `episodes:` name one, or it has none. */
export const ruleAppliesTo = (rule: Pick<CorrectionRule, 'episodes'>, names: readonly string[]): boolean => !rule.episodes || rule.episodes.some((e) => names.includes(e));

export function ruleOccurs(cores: string, rule: Pick<CorrectionRule, 'from'>): boolean {
  return ` ${cores} `.includes(` ${rule.from.split(/\s+/).map(coreOf).join(' ')} `);
}

/**
 * Apply `rules` (in order of length, longest first, so phrases win over their words) to the
 * fragments. Returns new fragments, the corrections made, and how many each rule made.
 */
export function applyCorrections(fragments: readonly Fragment[], rules: readonly CorrectionRule[]): { fragments: Fragment[]; corrections: Correction[]; counts: number[] } {
  const counts = rules.map(() => 0);
  if (rules.length === 0) return { fragments: [...fragments], corrections: [], counts };
  const stream: Token[] = fragments.flatMap((f, fragment) => tokens(f.text).map((raw, k) => ({ fragment, raw, core: coreOf(raw), time: f.words?.[k] })));
  const order = rules.map((r, i) => ({ i, words: r.from.split(/\s+/).map(coreOf) })).sort((a, b) => b.words.length - a.words.length);
  const out: Token[] = [];
  const corrections: Correction[] = [];
  for (let t = 0; t < stream.length; ) {
    const hit = order.find(({ words }) => words.every((w, k) => stream[t + k]?.core === w));
    if (!hit) {
      out.push(stream[t++]!);
      continue;
    }
    const matched = stream.slice(t, t + hit.words.length);
    const lead = EDGE.exec(matched[0]!.raw)![1]!;
    const trail = EDGE.exec(matched.at(-1)!.raw)![3]!;
    const replacement = rules[hit.i]!.to.split(/\s+/);
    replacement[0] = lead + replacement[0];
    replacement[replacement.length - 1] += trail;
    corrections.push({ token: out.length, tokens: replacement.length, original: matched.map((m) => m.raw).join(' '), rule: hit.i });
    // The corrected words belong to the fragment where the original began.
    // …and are said when it began.
    for (const raw of replacement) out.push({ fragment: matched[0]!.fragment, raw, core: coreOf(raw), time: matched[0]!.time });
    counts[hit.i]!++;
    t += hit.words.length;
  }
  const texts = fragments.map(() => [] as Token[]);
  for (const token of out) texts[token.fragment]!.push(token);
  const touched = new Set(corrections.flatMap((c) => out.slice(c.token, c.token + c.tokens).map((tk) => tk.fragment)));
  const corrected = fragments.map((f, i) => {
    if (!touched.has(i) && texts[i]!.length === tokens(f.text).length) return f;
    const text = texts[i]!.map((tk) => tk.raw).join(' ');
    return f.words ? { ...f, text, words: texts[i]!.map((tk) => tk.time!) } : { ...f, text };
  });
  return { fragments: corrected, corrections, counts };
}

/**
 * Where the corrections landed in the episode's paragraphs: `[paragraph index, start, end, n]`
 * with n the index into `originals`. Paragraph words are the fragments' words in order (the invariant
 * the build checks), so a correction's token index finds its place.
 */
export function locateCorrections(paragraphs: ReadonlyArray<{ text: string }>, corrections: readonly Correction[]): Array<[number, number, number, number]> {
  if (corrections.length === 0) return [];
  const places: Array<[number, number, number]> = [];
  paragraphs.forEach((p, i) => {
    for (const m of p.text.matchAll(/\S+/g)) places.push([i, m.index, m.index + m[0].length]);
  });
  const out: Array<[number, number, number, number]> = [];
  corrections.forEach((c, n) => {
    // A correction split across two paragraphs is marked in each part.
    for (let k = c.token; k < c.token + c.tokens; k++) {
      const [paragraph, start, end] = places[k]!;
      const last = out.at(-1);
      if (last && last[0] === paragraph && last[3] === n) last[2] = end;
      else out.push([paragraph, start, end, n]);
    }
  });
  return out;
}
