/**
 * A value as a GitHub Actions expression string literal: expressions only
 * accept single quotes, and a quote inside is written twice.
 */
export function expressionString(value: unknown): string {
  return `'${String(value).replace(/'/g, "''")}'`;
}
