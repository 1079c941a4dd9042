/** A value as a JSON string literal, quotes included. */
export function jsonString(value: unknown): string {
  return JSON.stringify(String(value));
}
