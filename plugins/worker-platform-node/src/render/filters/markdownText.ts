/**
 * A value as inline Markdown text: on one line, with the characters that
 * start emphasis, links, code, HTML or headings escaped, so a description
 * reads as written and cannot add sections or links to a generated page.
 */
export function markdownText(value: unknown): string {
  return String(value)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+!|~-]/g, match => `\\${match}`);
}
