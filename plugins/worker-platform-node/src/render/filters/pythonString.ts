/**
 * A value as a Python string literal. A JSON string literal is one: Python
 * accepts every escape JSON produces (`\"`, `\\`, `\n`, `\uXXXX`), and the
 * double quotes keep `{}` out of any f-string interpretation because the
 * generated code never prefixes it with `f`.
 */
export function pythonString(value: unknown): string {
  return JSON.stringify(String(value));
}
