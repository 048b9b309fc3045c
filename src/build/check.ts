/**
 * `transcript-site check FILE…`: parse and validate files without building, each by the same
 * rules the build uses: a file's role by its name (src/domain/episode-files.ts), a transcript read
 * with the files beside it that share its stem, grouped as the build groups them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseChapters } from '../domain/formats/chapters.ts';
import { FORMAT_LIST, readerFor } from '../domain/formats/index.ts';
import { readJson } from '../domain/formats/json.ts';
import { parseYtDlpInfo } from '../domain/formats/yt-dlp-info.ts';
import { CORRECTIONS_FILE, parseCorrections } from '../domain/corrections.ts';
import { decodeText } from '../domain/decode-text.ts';
import { nameFile } from '../domain/episode-files.ts';
import { TranscriptError } from '../domain/errors.ts';
import { correctedEpisode, readSource } from '../domain/read-episode.ts';
import { episodeWords } from '../domain/reading.ts';
import { parseSidecar } from '../domain/sidecar.ts';
import type { Episode } from '../domain/types.ts';
import { readInputs, readLibrary, shown, type Library } from './library/library.ts';
import { shownError } from './prepare/prepare-library.ts';

/** Parses every file given; reports every problem; exit code 1 on errors. */
export async function check(files: readonly string[], language: string): Promise<number> {
  if (files.length === 0) {
    console.error('error: name the files to check, e.g. transcript-site check content/*');
    return 1;
  }
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const name = path.relative(process.cwd(), path.resolve(file)) || file;
    try {
      const text = () => readFile(file).then((bytes) => decodeText(bytes, name));
      const base = path.basename(file);
      const role = base === CORRECTIONS_FILE ? 'corrections' : nameFile(base).role;
      if (role === 'corrections') {
        console.log(`${name}: ok (${parseCorrections(await text(), name).length} corrections)`);
      } else if (role === 'sidecar') {
        parseSidecar(await text(), name);
        console.log(`${name}: ok (sidecar)`);
      } else if (role === 'metadata') {
        const info = parseYtDlpInfo(readJson(await text(), name), name);
        console.log(`${name}: ok (yt-dlp metadata${info.title ? `: "${info.title}"` : ''}, ${info.chapters?.length ?? 0} chapters)`);
      } else if (role === 'chapters') {
        console.log(`${name}: ok (chapters, ${parseChapters(readJson(await text(), name), name).length} listed)`);
      } else if (role === 'ignored') {
        console.log(`${name}: not used (yt-dlp's live chat replay, not a transcript)`);
      } else if (role === 'transcript') {
        warnings += await checkTranscript(file, name, language, text);
      } else {
        throw new TranscriptError(name, undefined, 'not a transcript in a format this site reads', `the formats read, and how each starts:\n    ${FORMAT_LIST}`);
      }
    } catch (error) {
      if (!(error instanceof TranscriptError)) throw error;
      errors++;
      console.log(error.format());
    }
  }
  console.log(`${files.length} file(s) checked: ${errors} with errors, ${warnings} warning(s)`);
  return errors > 0 ? 1 : 0;
}

/** A transcript-named file, as the build would read it; returns how many warnings it printed. */
async function checkTranscript(file: string, name: string, language: string, text: () => Promise<string>): Promise<number> {
  const dir = path.dirname(path.resolve(file));
  const base = path.basename(file);
  const stem = nameFile(base).stem;
  // The whole folder tells whether a sidecar claims this file as its chapters; a problem elsewhere
  // in the folder is not this file's, so then only its own episode is read.
  const library: Library = await readLibrary(dir, language).catch(() => readLibrary(dir, language, stem));
  if (library.episodes.some((e) => e.chaptersFile && path.resolve(dir, e.chaptersFile) === path.resolve(file))) {
    console.log(`${name}: ok (chapters, ${parseChapters(readJson(await text(), name), name).length} listed)`);
    return 0;
  }
  const own = library.episodes.find((e) => e.name === stem) ?? (await readLibrary(dir, language, stem)).episodes.find((e) => e.name === stem);
  if (!own) throw new TranscriptError(name, undefined, 'belongs to no episode the build reads');
  if (own.transcript !== base) {
    const skipped = own.skipped.find((s) => s.file === base);
    console.log(`${name}: not read (the episode "${stem}" is read from ${own.transcript}${skipped ? `; this is its ${skipped.language} version` : ''})`);
    return 0;
  }
  const { inputs } = await readInputs(dir, own);
  // The domain names files relative to the content folder; messages name them as the user sees them.
  let episode: Episode;
  try {
    episode = correctedEpisode(await readSource(inputs), library.corrections.rules);
  } catch (error) {
    throw error instanceof TranscriptError ? shownError(dir, error) : error;
  }
  for (const w of episode.warnings) console.log(`${shown(dir, w.file)}${w.line ? `:${w.line}` : ''}: warning: ${w.message}`);
  console.log(`${name}: ok (${readerFor(episode.source.format).name}, ${episode.sections.length} sections, ${episode.source.fragments.length} fragments, ${episodeWords(episode)} words)`);
  return episode.warnings.length;
}
