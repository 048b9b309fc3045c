/**
 * Which files in the content folder make up which episode. The files of one episode share a stem:
 * the file name without its extension, a language code and a known marker
 * (`talk.en.vtt`, `talk.info.json`, `talk.chapters.json`, `talk.wav.json` and `talk.yml` are all `talk`).
 * Plain rules over names, no file access, so they are tested on their own.
 */
import { TranscriptError } from './errors.ts';

export const TRANSCRIPT_EXTS = ['.txt', '.vtt', '.srt', '.json'] as const;
export const SIDECAR_EXTS = ['.yml', '.yaml'] as const;

export type FileRole = 'transcript' | 'sidecar' | 'metadata' | 'chapters' | 'ignored' | 'other';

export interface NamedFile {
  /** The file name, without folders. */
  name: string;
  stem: string;
  role: FileRole;
  /** The language code in the name (`talk.en.vtt` → `en`), for transcripts. */
  language?: string;
}

/** Names yt-dlp and this project add before the extension, that are not part of the episode's name. */
const MARKERS: Record<string, FileRole> = {
  'info.json': 'metadata',
  'chapters.json': 'chapters',
  // yt-dlp's chat replay of a live stream: a record of comments, not a transcript.
  'live_chat.json': 'ignored',
};

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** A language code as yt-dlp and caption tools put it in file names: `en`, `de`, `pt-BR`, `en-orig`, `zh-Hans`. */
export function isLanguageCode(code: string): boolean {
  const m = /^([a-z]{2,3})(?:-[A-Za-z0-9]{2,8})*$/.exec(code);
  return m !== null && languageNames.of(m[1]!) !== undefined;
}

export function nameFile(name: string): NamedFile {
  const lower = name.toLowerCase();
  for (const [marker, role] of Object.entries(MARKERS)) {
    if (lower.endsWith(`.${marker}`) && lower.length > marker.length + 1) return { name, stem: name.slice(0, -marker.length - 1), role };
  }
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? lower.slice(dot) : '';
  let stem = dot > 0 ? name.slice(0, dot) : name;
  if ((SIDECAR_EXTS as readonly string[]).includes(ext)) return { name, stem, role: 'sidecar' };
  if (!(TRANSCRIPT_EXTS as readonly string[]).includes(ext)) return { name, stem, role: 'other' };
  // `talk.youtldr.txt`, and whisper.cpp's `talk.wav.json` (it adds its extension to the audio's name).
  const marker = /\.(?:youtldr|wav|mp3|m4a|aac|flac|ogg|opus|mp4|m4v|mkv|webm|mov)$/i.exec(stem);
  if (marker && marker.index > 0) stem = stem.slice(0, marker.index);
  const inner = stem.lastIndexOf('.');
  const code = inner > 0 ? stem.slice(inner + 1) : '';
  if (isLanguageCode(code)) return { name, stem: stem.slice(0, inner), role: 'transcript', language: code };
  return { name, stem, role: 'transcript' };
}

/** The episode name of a file: its stem (`talk.en.vtt` → `talk`). */
export const episodeName = (file: string): string => nameFile(file.replace(/^.*[\\/]/, '')).stem;

export interface EpisodeFiles {
  /** The shared stem. */
  name: string;
  transcript: string;
  /** The transcript's language code from its name, if it has one. */
  language?: string;
  sidecar?: string;
  metadata?: string;
  chapters?: string;
  /** Transcripts in other languages that were not used, with their language. */
  skipped: Array<{ file: string; language: string }>;
}

export interface Grouping {
  episodes: EpisodeFiles[];
  /** Files that belong to no episode (a sidecar or metadata without a transcript), to mention. */
  orphans: string[];
}

/**
 * Group file names into episodes. `language(stem)` is the language the episode should be read in
 * (its sidecar's, else the site's); `exclude` are files that play another part (a chapters file a
 * sidecar names). Names come back sorted, so output never depends on directory order.
 */
export function groupFiles(names: readonly string[], language: (stem: string) => string, exclude: ReadonlySet<string> = new Set()): Grouping {
  const byStem = new Map<string, NamedFile[]>();
  for (const name of [...names].sort()) {
    if (exclude.has(name)) continue;
    const named = nameFile(name);
    if (named.role === 'other' || named.role === 'ignored') continue;
    byStem.set(named.stem, [...(byStem.get(named.stem) ?? []), named]);
  }
  const episodes: EpisodeFiles[] = [];
  const orphans: string[] = [];
  for (const [stem, files] of byStem) {
    const one = (role: FileRole) => files.find((f) => f.role === role)?.name;
    const transcripts = files.filter((f) => f.role === 'transcript');
    if (transcripts.length === 0) {
      orphans.push(...files.map((f) => f.name));
      continue;
    }
    const chosen = choose(stem, transcripts, language(stem));
    const sidecar = one('sidecar');
    const metadata = one('metadata');
    const chapters = one('chapters');
    episodes.push({
      name: stem,
      transcript: chosen.name,
      ...(chosen.language ? { language: chosen.language } : {}),
      ...(sidecar ? { sidecar } : {}),
      ...(metadata ? { metadata } : {}),
      ...(chapters ? { chapters } : {}),
      skipped: transcripts.filter((t) => t !== chosen).map((t) => ({ file: t.name, language: t.language! })),
    });
  }
  return { episodes, orphans };
}

/**
 * One transcript per episode. Several are fine when they are the same episode in different
 * languages (`talk.en.vtt`, `talk.de.vtt`): the one in `wanted` is read (exactly, then by its
 * main language: `en-US` and `en-orig` for `en`), else the first. Two that are not told apart by
 * a language (`talk.srt` and `talk.json`) are a mistake only the user can resolve.
 */
function choose(stem: string, transcripts: NamedFile[], wanted: string): NamedFile {
  if (transcripts.length === 1) return transcripts[0]!;
  const plain = transcripts.filter((t) => !t.language);
  const languages = transcripts.map((t) => t.language);
  const repeated = languages.find((l, i) => l !== undefined && languages.indexOf(l) !== i);
  if (plain.length > 0 || repeated) {
    const clash = plain.length > 1 ? plain : plain.length === 1 ? [plain[0]!, transcripts.find((t) => t.language)!] : transcripts.filter((t) => t.language === repeated);
    throw new TranscriptError(clash[1]!.name, undefined,
      `is a second transcript of the episode "${stem}" (${clash[0]!.name} is one too); an episode is read from one transcript`,
      `rename one of them: the files of one episode share the name before their extension, so ${clash[1]!.name.replace(stem, `${stem}-2`)} would be an episode of its own`);
  }
  const main = (code: string) => code.split('-')[0]!.toLowerCase();
  return transcripts.find((t) => t.language!.toLowerCase() === wanted.toLowerCase())
    ?? transcripts.find((t) => main(t.language!) === main(wanted))
    ?? transcripts[0]!;
}
