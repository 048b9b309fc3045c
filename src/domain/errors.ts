/**
 * A problem with a user's input. The CLI prints these as `file:line: message` plus a hint and
 * exits 1 without a stack trace; anything else that is thrown is a bug in this project.
 */
export class TranscriptError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly hint: string | undefined;

  constructor(file: string, line: number | undefined, message: string, hint?: string) {
    super(message);
    this.name = 'TranscriptError';
    this.file = file;
    this.line = line;
    this.hint = hint;
  }

  /** `file:line: message` followed by the hint on its own line. */
  format(): string {
    const where = this.line === undefined ? this.file : `${this.file}:${this.line}`;
    return `${where}: ${this.message}${this.hint ? `\n  hint: ${this.hint}` : ''}`;
  }
}
