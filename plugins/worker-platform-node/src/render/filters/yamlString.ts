import { stringify } from 'yaml';

/** Line breaks and invisible characters: only safe as escapes. */
function needsEscapes(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0xfeff
  );
}

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
  if ([...text].some(char => needsEscapes(char.charCodeAt(0)))) {
    return [...JSON.stringify(text)]
      .map(char => {
        const code = char.charCodeAt(0);
        return code >= 0x7f && needsEscapes(code)
          ? `\\u${code.toString(16).padStart(4, '0')}`
          : char;
      })
      .join('');
  }
  // Stringified as a mapping value, the position blueprints put it in: at
  // the top of a document the library would use a block scalar for `---`.
  // YAML 1.1 rules quote what 1.1 readers (go-yaml v2 inside kubectl and
  // kustomize's patches) would take for a boolean: `y`, `no`, `on`, `off`.
  return stringify(
    { v: text },
    { lineWidth: 0, blockQuote: false, version: '1.1' },
  )
    .slice('v: '.length)
    .trimEnd();
}
