/**
 * Text placed in a GitHub Actions workflow value: Actions evaluates `${{`
 * anywhere in a string, so each occurrence is replaced by an expression
 * that evaluates to the literal characters. Still needs YAML quoting on
 * top (see `yamlString`).
 */
export function actionsText(value: unknown): string {
  return String(value).replace(/\$\{\{/g, "${{ '${{' }}");
}
