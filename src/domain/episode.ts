/** From a parsed transcript to the episode the site shows: sections, paragraphs, key points. */
import { bestSections } from './keypoints.ts';
import { checkEpisode } from './invariants.ts';
import { reflow } from './reflow.ts';
import { assignFragments, slugs } from './sections.ts';
import { autoSections } from './auto-sections.ts';
import { episodeEnd } from './episode-end.ts';
import { locateCorrections, type Correction } from './corrections.ts';
import { keyMoments } from './key-moments.ts';
import { forgetTexts } from './nlp.ts';
import { locateQuote, transcriptWords } from './quotes.ts';
import type { Episode, ParsedTranscript, Quote, Section, SectionSource, TranscriptWarning } from './types.ts';
import GithubSlugger from 'github-slugger';
import { SITE_ROUTES } from './routes.ts';

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
  const sources: SectionSource[] = source.sections.length ? source.sections : autoSections(source.fragments, episodeEnd(source));
  const ranges = assignFragments(sources, source.fragments);
  const sectionSlugs = slugs(sources.map((s) => s.title));
  const sections: Section[] = sources.map((s, index) => ({
    ...s,
    slug: sectionSlugs[index]!,
    index,
    fragmentRange: ranges[index]!,
    paragraphs: reflow(source.fragments.slice(...ranges[index]!)),
    keyPoints: [],
    moments: [],
  }));
  for (const section of sections) section.moments = keyMoments(section.paragraphs);

  const homes = bestSections(
    source.keyPoints.map((k) => `${k.title} ${k.explanation}`),
    sections.map((s) => ({ slug: s.slug, title: s.title, summary: s.summary, text: s.paragraphs.map((p) => p.text).join(' ') })),
  );
  const keyPoints = source.keyPoints.map((k, i) => ({ ...k, section: homes[i]! }));
  for (const point of keyPoints) sections.find((s) => s.slug === point.section)!.keyPoints.push(point);

  const warnings: TranscriptWarning[] = [...source.warnings];
  const quotes = groundQuotes(source, sections, warnings);
  const episode: Episode = { slug: source.slug ?? episodeSlug(source.title), source, sections, keyPoints, quotes, warnings, corrections: corrections.map((c) => c.original) };
  checkEpisode(episode, corrections.reduce((n, c) => n + c.tokens - c.original.split(/\s+/).length, 0));
  const paragraphs = sections.flatMap((s) => s.paragraphs);
  for (const [i, start, end, n] of locateCorrections(paragraphs, corrections)) (paragraphs[i]!.fixes ??= []).push([start, end, n]);
  return episode;
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
