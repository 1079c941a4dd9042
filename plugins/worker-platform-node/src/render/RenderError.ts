/**
 * Thrown when a rendered file fails its own parse-back check. The spec was
 * valid, so this is always a blueprint bug; the message names the file.
 *
 * @public
 */
export class RenderError extends Error {
  /** The generated file that failed, relative to the repository root. */
  readonly file: string;

  constructor(file: string, reason: string) {
    super(`rendered file ${file} is invalid: ${reason}`);
    this.name = 'RenderError';
    this.file = file;
  }
}
