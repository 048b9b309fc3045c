/**
 * Each episode key point goes to the section whose words match it best, scored with BM25 over the
 * sections' titles, summaries and transcript text.
 */
import bm25 from 'wink-bm25-text-search';
import { contentStems } from './nlp.ts';

export interface SectionText {
  slug: string;
  title: string;
  summary: string;
  text: string;
}

/** The slug of the best-matching section for each query, in order. */
export function bestSections(queries: readonly string[], sections: readonly SectionText[]): string[] {
  if (sections.length === 0) return [];
  if (sections.length < 3) {
    // BM25 needs a corpus to weigh terms against; with so few sections, overlap decides.
    const stems = new Map(sections.map((s) => [s, contentStems(`${s.title} ${s.summary} ${s.text}`)]));
    return queries.map((q) => {
      const words = new Set(contentStems(q));
      const overlap = (s: SectionText) => stems.get(s)!.filter((w) => words.has(w)).length;
      return sections.reduce((best, s) => (overlap(s) > overlap(best) ? s : best)).slug;
    });
  }
  const engine = bm25();
  engine.defineConfig({ fldWeights: { title: 3, summary: 2, text: 1 } });
  engine.definePrepTasks([contentStems]);
  sections.forEach((s, i) => engine.addDoc({ title: s.title, summary: s.summary, text: s.text }, i));
  engine.consolidate();
  return queries.map((q) => {
    const [top] = engine.search(q, 1) as Array<[number, number]>;
    return sections[top ? top[0] : 0]!.slug;
  });
}
