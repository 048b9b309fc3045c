/**
 * YAML files people write (sidecars, corrections, site settings), read so that any later message
 * can name the line a value sits on.
 */
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import { TranscriptError } from './errors.ts';

export interface YamlSource {
  /** The document as plain data; `undefined` for an empty file. */
  data: unknown;
  /** Line of the value at `path` (of `key`'s name inside it, if given), else of the nearest parent. */
  lineOf(path: ReadonlyArray<PropertyKey>, key?: string): number | undefined;
}

export function readYaml(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false });
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  if (doc.errors.length) {
    const error = doc.errors[0]!;
    throw new TranscriptError(file, lineAt(error.pos[0]), `not valid YAML: ${error.message.split('\n')[0]}`);
  }
  const lineOf = (path: ReadonlyArray<PropertyKey>, key?: string): number | undefined => {
    const node = doc.getIn(path as unknown[], true) as Node | undefined;
    if (key && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      return lineAt((pair?.key as Node | undefined)?.range?.[0]);
    }
    return lineAt(node?.range?.[0]) ?? (path.length ? lineOf(path.slice(0, -1)) : undefined);
  };
  return { data: doc.toJS() ?? undefined, lineOf };
}
