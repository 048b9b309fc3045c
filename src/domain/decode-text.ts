/** A file's bytes as text: UTF-8 only, with a clear message, at its true line, for anything else. */
import { TranscriptError } from './errors.ts';

export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new TranscriptError(file, 1, 'the file is empty');
  const zero = bytes.indexOf(0);
  if (zero >= 0) throw new TranscriptError(file, lineOfByte(bytes, zero), 'this is a binary file, not a transcript', 'transcripts are UTF-8 text files');
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    throw new TranscriptError(file, lineOfByte(bytes, bad), 'the file is not valid UTF-8 text', 'save it as UTF-8 (most editors have an "encoding" option)');
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/** 1-based line of the byte at `offset`. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(10); i >= 0 && i < offset; i = bytes.indexOf(10, i + 1)) line++;
  return line;
}

/**
 * Offset of the first byte that is not well-formed UTF-8 (Unicode 15, table 3-7), or -1. One pass:
 * TextDecoder can say that a text is invalid but not where, and finding it by decoding ever longer
 * prefixes takes time that grows with the square of the file's size.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}
