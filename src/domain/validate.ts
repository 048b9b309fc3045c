/**
 * Every file a user writes or exports (sidecars, corrections, site settings, JSON transcripts,
 * chapters, yt-dlp metadata) is checked against a zod schema here, so a mistake reads the same
 * whichever file it is in: `file:line: path: what is wrong`, with the keys allowed where a key is
 * unknown, and a hint on the file's expected shape.
 */
import { z } from 'zod';
import { TranscriptError } from './errors.ts';

export interface SourceOf {
  /** The file's name as the user knows it. */
  file: string;
  /** Line of the value at `path` (of `key`'s name inside it, if given), where the format can tell. */
  lineOf?: (path: ReadonlyArray<PropertyKey>, key?: string) => number | undefined;
  /** What a valid file looks like, shown when no more specific hint applies. */
  hint?: string;
}

const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys to values',
  date: 'a date',
};

/** Messages in the project's words for the issues a schema gives without its own message. */
const friendly: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${KINDS[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return issue.origin === 'array' ? `needs at least ${issue.minimum} entr${issue.minimum === 1 ? 'y' : 'ies'}` : issue.origin === 'string' ? 'must not be empty' : `must be at least ${issue.minimum}`;
    case 'too_big':
      return `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    default:
      return undefined;
  }
};

/** The data if it fits `schema`; otherwise a TranscriptError about its first problem. */
export function validate<S extends z.ZodType>(schema: S, data: unknown, source: SourceOf): z.output<S> {
  const parsed = schema.safeParse(data, { error: friendly });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = (path: ReadonlyArray<PropertyKey>) => path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const allowed = keysAt(schema, issue.path);
    throw new TranscriptError(source.file, source.lineOf?.(issue.path, key), `unknown key "${where([...issue.path, key])}"`,
      allowed.length ? `allowed here: ${allowed.join(', ')}` : source.hint);
  }
  const line = source.lineOf?.(issue.path);
  const path = where(issue.path);
  if (path === '') throw new TranscriptError(source.file, line, `the file ${issue.message}`, source.hint);
  const missing = valueAt(data, issue.path) === undefined;
  throw new TranscriptError(source.file, line, missing ? `${path} is missing: it ${issue.message}` : `${path}: ${issue.message}`, source.hint);
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  return path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);
}

/** The keys an object schema allows at `path`, looking through optional, default, array and pipe wrappers. */
function keysAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  let node: z.core.$ZodType | undefined = schema;
  const unwrap = (n: z.core.$ZodType | undefined): z.core.$ZodType | undefined => {
    const def = n?._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType } | undefined;
    if (!def) return undefined;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') return unwrap(def.innerType);
    if (def.type === 'pipe') return unwrap(def.in);
    return n;
  };
  for (const step of path) {
    const def = unwrap(node)?._zod.def as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType } | undefined;
    node = def?.type === 'object' ? def.shape?.[String(step)] : def?.type === 'array' ? def.element : undefined;
  }
  const def = unwrap(node)?._zod.def as { type: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}
