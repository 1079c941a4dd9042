import { stringify } from 'yaml';

/**
 * A value as a one-line YAML scalar that reads back as the same string in a
 * block context: the `yaml` library decides when quoting is needed (`:`,
 * `#`, leading `&`, `*`, `!`, strings that would read as numbers or
 * booleans…), and `blockQuote: false` keeps multi-line text on one line as
 * an escaped double-quoted scalar, so it cannot break the template's
 * indentation.
 */
export function yamlString(value: unknown): string {
  return stringify(String(value), {
    blockQuote: false,
    lineWidth: 0,
  }).trimEnd();
}
