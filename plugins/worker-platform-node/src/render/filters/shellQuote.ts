/**
 * A value as one POSIX shell word: single-quoted, so `$(…)`, backticks,
 * `$VAR` and globs stay literal; an embedded `'` closes the quote, adds an
 * escaped quote and reopens.
 */
export function shellQuote(value: unknown): string {
  return `'${String(value).replace(/'/g, `'\\''`)}'`;
}
