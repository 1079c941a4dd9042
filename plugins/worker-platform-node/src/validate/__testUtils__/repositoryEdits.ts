import { Finding } from '../types';

/** A copy of rendered files to change by hand, as a platform engineer would. */
export class EditableRepository {
  readonly files: Map<string, string>;

  constructor(files: Map<string, string>) {
    this.files = new Map(files);
  }

  read(file: string): string {
    const text = this.files.get(file);
    if (text === undefined) throw new Error(`the repository has no ${file}`);
    return text;
  }

  /**
   * Replaces text that must be there: if the rendered file changes shape,
   * the edit fails loudly instead of silently mutating nothing.
   */
  replace(file: string, from: string | RegExp, to: string): this {
    const text = this.read(file);
    const next = text.replace(from, to);
    if (next === text) {
      throw new Error(`${file} does not contain ${String(from)}`);
    }
    this.files.set(file, next);
    return this;
  }

  write(file: string, text: string): this {
    this.files.set(file, text);
    return this;
  }
}

/** `file: rule` of each error, for readable expectations. */
export function errorsOf(findings: readonly Finding[]): string[] {
  return findings
    .filter(f => f.severity === 'error')
    .map(f => `${f.file}: ${f.rule}`);
}
