/** The mdast trees (frontmatter + body) of an episode's overview and section pages. */
import type { Root, RootContent } from 'mdast';
import { stringify as toYaml } from 'yaml';
import type { Episode, KeyPoint, Section } from '../../src/domain/types.ts';
import { sentenceSpans } from '../../src/domain/nlp.ts';
import { element, heading, paragraph, text } from './mdast.ts';

function root(frontmatter: Record<string, unknown>, body: RootContent[]): Root {
  return { type: 'root', children: [{ type: 'yaml', value: toYaml(frontmatter).trimEnd() }, ...body] };
}

function keyPointList(points: readonly KeyPoint[], linkSections: boolean): RootContent[] {
  if (points.length === 0) return [];
  return [
    heading(2, 'Key points'),
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

export function overviewTree(episode: Episode): Root {
  const { source } = episode;
  const body: RootContent[] = [];
  if (source.summary.length) {
    body.push(heading(2, 'Summary'), element('Ai', {}, source.summary.map((p) => paragraph(text(p)))));
  }
  body.push(...keyPointList(episode.keyPoints, true));
  if (source.quotes.length) {
    body.push(
      heading(2, 'Quotes'),
      ...source.quotes.map((q) =>
        element('Quote', {}, [element('QuoteText', {}, [paragraph(text(q.text))]), element('QuoteBy', {}, [paragraph(text(q.speaker))])]),
      ),
    );
  }
  return root(
    {
      slug: episode.slug,
      title: source.title,
      format: source.format,
      file: source.file,
      duration: source.metadata.duration,
      words: source.metadata.words - source.turnMarkers,
      readingMinutes: source.metadata.readingMinutes,
      language: source.metadata.language,
      date: source.metadata.transcribed,
      description: firstSentence(source.summary[0] ?? ''),
      disclaimer: source.disclaimer,
      sections: episode.sections.length,
    },
    body,
  );
}

export function sectionTree(episode: Episode, section: Section): Root {
  const body: RootContent[] = [];
  if (section.summary) body.push(heading(2, 'Summary'), element('Ai', {}, [paragraph(text(section.summary))]));
  body.push(...keyPointList(section.keyPoints, false));
  body.push(
    heading(2, 'Transcript'),
    ...section.paragraphs.map((p) =>
      element('Para', { id: p.id, t: p.time, ...(p.turn ? { turn: true } : {}) }, [paragraph(text(p.text))]),
    ),
  );
  return root(
    {
      episode: episode.slug,
      section: section.slug,
      index: section.index,
      title: section.title,
      start: section.start,
      end: section.end,
      tag: section.tag,
      summary: section.summary,
      words: section.paragraphs.reduce((n, p) => n + p.text.split(/\s+/).filter(Boolean).length, 0),
    },
    body,
  );
}

function firstSentence(paragraph: string): string {
  const [first] = sentenceSpans(paragraph);
  return first ? paragraph.slice(...first).trim() : paragraph;
}
