/** From a parsed transcript to the episode the site shows: sections, paragraphs, key points. */
import { bestSections } from './keypoints.ts';
import { checkEpisode } from './invariants.ts';
import { reflow, turnTexts } from './reflow.ts';
import { assignFragments, slugs } from './sections.ts';
import { autoSections } from './auto-sections.ts';
import { episodeEnd } from './episode-end.ts';
import { formatRange } from './time.ts';
import { topicSections } from './topics/sections.ts';
import { extractSummaries } from './topics/summaries.ts';
import { sectionTitles } from './topics/titles.ts';
import { locateCorrections, type Correction } from './corrections.ts';
import { keyMoments } from './key-moments.ts';
import { forgetTexts } from './nlp.ts';
import { locateQuote, transcriptWords } from './quotes.ts';
import { pageStarts } from './section-pages.ts';
import { episodeTerms } from './topic-index/episode-terms.ts';
import { withSentences } from './sentences/punctuate.ts';
import type { Episode, Fragment, ParsedTranscript, Quote, Section, SectionSource, TranscriptWarning } from './types.ts';
import GithubSlugger from 'github-slugger';
import { SITE_ROUTES } from './routes.ts';

/**
 * Paragraphs of sentences the build found: shorter than the default, since a found sentence end
 * is less certain than a written one and captions give no other place to break.
 */
const FOUND_SENTENCE_PARAGRAPHS = { targetWords: 60, maxWords: 120 };

/** Longest episode slug; longer titles are cut at a word boundary. */
const MAX_SLUG = 50;

export function episodeSlug(title: string): string {
  const full = new GithubSlugger().slug(title).replace(/-+/g, '-').replace(/^-|-$/g, '');
  const cut = full.slice(0, MAX_SLUG + 1);
  const slug = full.length <= MAX_SLUG ? full || 'episode' : cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : MAX_SLUG);
  // The site's own pages keep their names (routes.ts); a title that would take one gets its next form.
  return SITE_ROUTES.includes(slug) ? `${slug}-1` : slug;
}

export function buildEpisode(source: ParsedTranscript, corrections: readonly Correction[] = []): Episode {
  forgetTexts();
  // Captions without punctuation are read as sentences; everything after reads the shown words.
  // Sections are found on the sentences, then each section's start ends the sentence before it.
  const shown = withSentences(source.fragments, source.metadata.language);
  const { sources, ranges } = findSections(source, shown.fragments);
  const fragments = shown.found ? shown.breakingAt(new Set(ranges.slice(1).map(([first]) => first))) : shown.fragments;
  const sectionSlugs = slugs(sources.map((s) => s.title));
  const sections: Section[] = sources.map((s, index) => {
    const paragraphs = reflow(fragments.slice(...ranges[index]!), shown.found ? FOUND_SENTENCE_PARAGRAPHS : undefined);
    return { ...s, slug: sectionSlugs[index]!, index, fragmentRange: ranges[index]!, paragraphs, pageStarts: pageStarts(paragraphs), keyPoints: [], moments: [] };
  });
  const summary = summarize(sections, source.automatic?.titles);
  for (const section of sections) {
    const said = new Set(section.extracted?.summary.map((s) => s.text));
    section.moments = keyMoments(section.paragraphs, 3, said);
  }

  const homes = bestSections(
    source.keyPoints.map((k) => `${k.title} ${k.explanation}`),
    sections.map((s) => ({ slug: s.slug, title: s.title, summary: s.summary, text: s.paragraphs.map((p) => p.text).join(' ') })),
  );
  const keyPoints = source.keyPoints.map((k, i) => ({ ...k, section: homes[i]! }));
  for (const point of keyPoints) sections.find((s) => s.slug === point.section)!.keyPoints.push(point);

  const warnings: TranscriptWarning[] = [...source.warnings];
  const quotes = groundQuotes(source, sections, warnings);
  const episode: Episode = {
    slug: source.slug ?? episodeSlug(source.title),
    source,
    sections,
    keyPoints,
    quotes,
    warnings,
    corrections: corrections.map((c) => c.original),
    ...(shown.found ? { sentencesFound: true } : {}),
    ...(summary ? { summary } : {}),
    // Read while the turns' readings are still at hand (nlp.ts keeps one episode's).
    terms: episodeTerms(sections, ranges.map((r) => turnTexts(fragments.slice(...r))), { names: !shown.found }),
  };
  checkEpisode(episode, corrections.reduce((n, c) => n + c.tokens - c.original.split(/\s+/).length, 0));
  const paragraphs = sections.flatMap((s) => s.paragraphs);
  for (const [i, start, end, n] of locateCorrections(paragraphs, corrections)) (paragraphs[i]!.fixes ??= []).push([start, end, n]);
  return episode;
}

/**
 * The episode's sections as its sources give them or, without any, found automatically: topics
 * (titled by their key phrase, or by the sidecar's `autoTitles`) or plain parts of 8–10 minutes.
 */
function findSections(source: ParsedTranscript, fragments: readonly Fragment[]): { sources: SectionSource[]; ranges: Array<[number, number]> } {
  if (source.sections.length) return { sources: source.sections, ranges: assignFragments(source.sections, fragments) };
  const end = episodeEnd(source);
  const titles = source.automatic?.titles ?? [];
  if (source.automatic?.mode === 'parts') {
    const parts = autoSections(fragments, end).map((s, i) => (titles[i] ? { ...s, title: titles[i] } : s));
    return { sources: parts, ranges: assignFragments(parts, fragments) };
  }
  const topics = topicSections(fragments, end);
  const ranges = assignFragments(topics, fragments);
  // The titles read each turn's text as reflow will, so wink-nlp reads it once for both.
  const extracted = sectionTitles(ranges.map((r) => turnTexts(fragments.slice(...r))));
  return { sources: topics.map((s, i) => ({ ...s, title: titles[i] ?? extracted[i] ?? formatRange(s.start, s.end) })), ranges };
}

/**
 * Summaries, from their own sentences, of the sections that came without one: topics found
 * automatically, plain parts, and chapters (yt-dlp's, Podcasting 2.0's, a sidecar's without
 * summaries). The episode's summary comes from theirs. An author's or an AI tool's summary stays.
 */
function summarize(sections: Section[], authorTitles: readonly string[] = []): Episode['summary'] {
  const bare = sections.filter((s) => !s.summary.trim());
  if (bare.length === 0) return undefined;
  const found = extractSummaries(bare.map((s) => s.paragraphs));
  bare.forEach((s, i) => {
    s.extracted = { title: s.origin === 'topics' && authorTitles[s.index] === undefined, summary: found.sections[i]! };
    s.summary = found.sections[i]!.map((m) => m.text).join(' ');
  });
  return found.episode.map(({ section, ...m }) => ({ ...m, section: bare[section]!.slug }));
}

/** Link each pull quote to the paragraph where it was said and mark its words there. */
function groundQuotes(source: ParsedTranscript, sections: Section[], warnings: TranscriptWarning[]): Quote[] {
  if (source.quotes.length === 0) return [];
  // Paragraph ids are unique within a section only; the episode's paragraphs go by index.
  const paragraphs = sections.flatMap((s) => s.paragraphs);
  const sectionOf = sections.flatMap((s) => s.paragraphs.map(() => s));
  const words = transcriptWords(paragraphs);
  return source.quotes.map((quote) => {
    const spans = locateQuote(quote.text, paragraphs, words);
    if (!spans) {
      warnings.push({ file: source.file, line: quote.line, message: `quote not found in the transcript, shown unlinked: "${quote.text}"` });
      return { ...quote };
    }
    for (const span of spans) {
      const paragraph = paragraphs[span.paragraph]!;
      (paragraph.marks ??= []).push([span.start, span.end]);
      paragraph.marks.sort((a, b) => a[0] - b[0]);
    }
    const first = spans[0]!.paragraph;
    return { ...quote, at: { section: sectionOf[first]!.slug, id: paragraphs[first]!.id } };
  });
}
