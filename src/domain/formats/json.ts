/**
 * JSON files as the readers need them: the data, and the line any value sits on, so a message
 * about `segments.41.start` can name the line of that segment. The syntax tree that knows the
 * lines is only built when a message needs one.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { TranscriptError } from '../errors.ts';
import { lineStarts, lineAt } from '../lines.ts';

export interface JsonSource {
  data: unknown;
  /** Line of the value at `path` (of `key` inside it, if given), else of its nearest parent. */
  lineOf(path: ReadonlyArray<PropertyKey>, key?: string): number | undefined;
}

export function readJson(source: string, file: string): JsonSource {
  const text = source.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const errors: ParseError[] = [];
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    const line = first ? lineAt(lineStarts(text), first.offset) : undefined;
    const what = first ? printParseErrorCode(first.error) : (error as Error).message;
    throw new TranscriptError(file, line, `not valid JSON (${what})`, 'check the file with a JSON validator');
  }
  let tree: { root: Node | undefined; starts: number[] } | undefined;
  const lineOf = (path: ReadonlyArray<PropertyKey>, key?: string): number | undefined => {
    tree ??= { root: parseTree(text), starts: lineStarts(text) };
    if (!tree.root) return undefined;
    const full = key === undefined ? path : [...path, key];
    for (let n = full.length; n >= 0; n--) {
      const node = findNodeAtLocation(tree.root, full.slice(0, n).map((k) => (typeof k === 'number' ? k : String(k))));
      // A key's line is where its name is written, which is where its property starts.
      if (node) return lineAt(tree.starts, node.parent?.type === 'property' ? node.parent.offset : node.offset);
    }
    return undefined;
  };
  return { data, lineOf };
}
