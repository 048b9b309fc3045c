declare module 'wink-bm25-text-search' {
  interface BM25Engine {
    defineConfig(config: { fldWeights: Record<string, number>; bm25Params?: Record<string, number> }): boolean;
    definePrepTasks(tasks: Array<(text: string) => string[]>, field?: string): number;
    addDoc(doc: Record<string, string>, id: number | string): number;
    consolidate(fp?: number): boolean;
    search(query: string, limit?: number): Array<[number | string, number]>;
  }
  export default function bm25(): BM25Engine;
}
