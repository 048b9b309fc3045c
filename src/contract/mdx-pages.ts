/** The mdast trees (frontmatter + body) of an episode's overview and section pages. */
import type { Root, RootContent } from 'mdast';
import { stringify as toYaml } from 'yaml';
import type { Episode, KeyPoint, Paragraph, Section } from '../domain/types.ts';
import { episodeEnd } from '../domain/episode-end.ts';
import { soundTags, spokenCount } from '../domain/sound-tags.ts';
import { episodeWords, readingMinutes } from '../domain/reading.ts';
import type { EpisodeFrontmatter, SectionFrontmatter } from './frontmatter.ts';
import { sentenceSpans } from '../domain/nlp.ts';
import { personSlug } from '../domain/people.ts';
import { element, heading, inline, paragraph, text } from './mdast.ts';
import type { PhrasingContent } from 'mdast';

function root(frontmatter: EpisodeFrontmatter | SectionFrontmatter, body: RootContent[]): Root {
  return { type: 'root', children: [{ type: 'yaml', value: toYaml(frontmatter).trimEnd() }, ...body] };
}

function keyPointList(points: readonly KeyPoint[], linkSections: boolean): RootContent[] {
  if (points.length === 0) return [];
  return [
    element('Ai', {}, [
      element(
        'KeyPoints',
        {},
        points.map((p) =>
          element('KeyPoint', linkSections ? { section: p.section } : {}, [
            paragraph({ type: 'strong', children: [text(p.title)] }, text(` — ${p.explanation}`)),
          ]),
        ),
      ),
    ]),
  ];
}

/** `frontmatter`: overviewFrontmatter(episode), when the caller has it already. */
export function overviewTree(episode: Episode, frontmatter: EpisodeFrontmatter = overviewFrontmatter(episode)): Root {
  const { source } = episode;
  const body: RootContent[] = [];
  if (source.summary.length) {
    body.push(heading(2, 'Summary'), element('Ai', {}, source.summary.map((p) => paragraph(text(p)))));
  } else if (episode.summary?.length) {
    body.push(heading(2, 'Summary'), said(episode.summary));
  }
  if (episode.keyPoints.length) body.push(heading(2, 'Key points'), ...keyPointList(episode.keyPoints, true));
  if (source.quotes.length) {
    body.push(
      heading(2, 'Quotes'),
      ...episode.quotes.map((q) =>
        element('Quote', q.at ? { section: q.at.section, at: q.at.id } : {}, [element('QuoteText', {}, [paragraph(text(q.text))]), element('QuoteBy', {}, [paragraph(text(q.speaker))])]),
      ),
    );
  }
  return root(frontmatter, body);
}

/** What the overview says of its episode: also what the catalog (catalog.ts) lists. */
export function overviewFrontmatter(episode: Episode): EpisodeFrontmatter {
  const { source } = episode;
  const words = episodeWords(episode);
  return {
    slug: episode.slug,
    title: source.title,
    format: source.format,
    file: source.file,
    duration: episodeEnd(source),
    words,
    readingMinutes: source.metadata.readingMinutes ?? readingMinutes(words),
    ...(source.metadata.language ? { language: source.metadata.language } : {}),
    ...(source.metadata.date ? { date: source.metadata.date } : {}),
    ...(source.channel ? { channel: source.channel } : {}),
    // The author's own words where the sidecar or yt-dlp's metadata gives them; else the AI
    // summary's first sentence; else the summary extracted from the transcript.
    description: source.description ?? (source.summary.length ? firstSentence(source.summary[0]!) : (episode.summary ?? []).map((m) => m.text).join(' ')),
    descriptionSource: source.description ? 'author' : source.summary.length ? 'ai' : episode.summary?.length ? 'extracted' : 'author',
    ...(source.disclaimer ? { disclaimer: source.disclaimer } : {}),
    ...(source.media ? { media: source.media } : {}),
    sections: episode.sections.length,
    sectionOrigin: episode.sections[0]!.origin,
  };
}

/**
 * One page of a section: `page` 1 has its summary, key points and the first part of its
 * transcript; a later page, its part of the transcript (`section.pageStarts`: src/domain/section-pages.ts).
 */
export function sectionTree(episode: Episode, section: Section, speakers: readonly string[] = [], page = 1): Root {
  const starts = section.pageStarts;
  const sectionWords = section.paragraphs.reduce((n, p) => n + spokenCount(p.text), 0);
  const body: RootContent[] = [];
  const source = summarySource(section);
  if (page === 1) {
    if (source === 'extracted') body.push(heading(2, 'Summary'), said(section.extracted!.summary));
    else if (section.summary) body.push(heading(2, 'Summary'), source === 'ai' ? element('Ai', {}, [paragraph(text(section.summary))]) : paragraph(text(section.summary)));
    if (section.keyPoints.length || section.moments.length) {
      body.push(heading(2, 'Key points'), ...keyPointList(section.keyPoints, false));
      if (section.moments.length) {
        body.push(
          element(
            'Moments',
            {},
            section.moments.map((m) => element('Moment', { at: m.id, t: m.time }, [paragraph(text(m.text))])),
          ),
        );
      }
    }
  }
  const shown = section.paragraphs.slice(page > 1 ? starts[page - 2] : 0, starts[page - 1]);
  // A speaker's name links to their page once a page, where it is first shown (as encyclopedias
  // link a term once): the other labels are plain, which keeps a turn-dense page light. Once a
  // person, not a spelling: "Ada Lovelace" and "ada lovelace" have one page.
  const linked = new Set<string>();
  body.push(
    heading(2, page > 1 ? 'Transcript, continued' : 'Transcript'),
    ...shown.map((p, i) => {
      // A later page that opens inside a turn says whose it is.
      const named = page > 1 && i === 0 && !p.turn && !!p.speaker;
      const person = p.speaker ? personSlug(p.speaker) : undefined;
      const link = (p.turn || named) && person !== undefined && !linked.has(person);
      if (link) linked.add(person!);
      return element('Para', {
        id: p.id,
        t: p.time,
        ...(p.turn ? { turn: true } : {}),
        ...(named ? { named: true } : {}),
        // Names are text, so they travel as an index into the episode's speaker list (timeline.json).
        ...(p.speaker ? { speaker: speakers.indexOf(p.speaker) } : {}),
        ...(link ? { link: true } : {}),
      }, [paragraph(...marked(p))]);
    }),
  );
  const frontmatter: SectionFrontmatter = {
    episode: episode.slug,
    section: section.slug,
    index: section.index,
    title: section.title,
    start: section.start,
    end: section.end,
    ...(section.tag ? { tag: section.tag } : {}),
    summary: section.summary,
    origin: section.origin,
    titleExtracted: section.extracted?.title ?? false,
    summarySource: source,
    words: sectionWords,
    readingMinutes: readingMinutes(sectionWords),
    page,
    pages: starts.length + 1,
  };
  return root(frontmatter, body);
}

/** Whose words a section's summary is: extracted when the section came without one, else its origin's. */
function summarySource(section: Section): SectionFrontmatter['summarySource'] {
  if (section.extracted?.summary.length) return 'extracted';
  return section.origin === 'ai' ? 'ai' : 'author';
}

/**
 * Sentences extracted from the transcript, each linked to where it was said (on another section's
 * page when `section` is given), in a block labelled as extracted.
 */
function said(sentences: ReadonlyArray<{ text: string; id: string; time: number; section?: string }>): RootContent {
  return element('Moments', { kind: 'summary' }, sentences.map((m) => element('Moment', { at: m.id, t: m.time, ...(m.section ? { section: m.section } : {}) }, [paragraph(text(m.text))])));
}

function firstSentence(paragraph: string): string {
  const [first] = sentenceSpans(paragraph);
  return first ? paragraph.slice(...first).trim() : paragraph;
}

/**
 * A paragraph's text with quoted ranges in `<Mark>`, corrected ones in `<Fix n>` and sound tags in
 * `<Sound>`. The text is cut at every boundary of any, so overlapping ranges nest cleanly.
 */
function marked(p: Paragraph): PhrasingContent[] {
  const marks = p.marks ?? [];
  const fixes = p.fixes ?? [];
  const sounds = soundTags(p.text);
  const cuts = [...new Set([0, p.text.length, ...marks.flat(), ...fixes.flatMap(([s, e]) => [s, e]), ...sounds.flat()])].sort((a, b) => a - b);
  const out: PhrasingContent[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [from, to] = [cuts[k]!, cuts[k + 1]!];
    if (from >= to) continue;
    let node: PhrasingContent = text(p.text.slice(from, to));
    if (sounds.some(([s, e]) => s <= from && to <= e)) node = inline('Sound', [node]);
    const fix = fixes.find(([s, e]) => s <= from && to <= e);
    if (fix) node = inline('Fix', [node], { n: fix[2] });
    if (marks.some(([s, e]) => s <= from && to <= e)) node = inline('Mark', [node]);
    const last = out.at(-1);
    // Neighbouring pieces of the same mark read as one.
    if (last && node.type === 'mdxJsxTextElement' && last.type === 'mdxJsxTextElement' && node.name === 'Mark' && last.name === 'Mark') {
      last.children.push(...node.children);
    } else if (last && node.type === 'text' && last.type === 'text') {
      last.value += node.value;
    } else {
      out.push(node);
    }
  }
  return out;
}
