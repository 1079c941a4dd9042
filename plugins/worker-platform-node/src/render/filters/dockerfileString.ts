/**
 * A value as a double-quoted Dockerfile word (for `LABEL`): `\` and `"` are
 * escaped, `$` is escaped because `LABEL` expands variables, and line breaks
 * become spaces because an instruction ends at the first unescaped newline.
 */
export function dockerfileString(value: unknown): string {
  const escaped = String(value)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\"$]/g, match => `\\${match}`);
  return `"${escaped}"`;
}
