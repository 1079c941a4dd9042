import { stringify } from 'yaml';

/** Characters that end a line or are invisible: only safe escaped. */
const NEEDS_ESCAPES = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

/**
 * A value as a one-line YAML scalar that reads back as the same string in a
 * block context. Text with line breaks or control characters becomes a
 * double-quoted scalar with escapes (a JSON string is one); other text is
 * left to the `yaml` library, which quotes whatever would not read back as
 * the same string (`: `, ` #`, leading `&`, `*`, `!`, `-`, numbers,
 * booleans…).
 */
export function yamlString(value: unknown): string {
  const text = String(value);
  if (NEEDS_ESCAPES.test(text)) {
    return JSON.stringify(text).replace(
      /[\u007f-\u009f\u2028\u2029\ufeff]/g,
      char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  }
  // Stringified as a mapping value, the position blueprints put it in: at
  // the top of a document the library would use a block scalar for `---`.
  return stringify({ v: text }, { lineWidth: 0, blockQuote: false })
    .slice('v: '.length)
    .trimEnd();
}
