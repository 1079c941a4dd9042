// Set by the API server, never by the applied configuration.
const SERVER_METADATA = new Set([
  'resourceVersion',
  'generation',
  'managedFields',
  'uid',
  'creationTimestamp',
  'selfLink',
]);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The fields that differ between the live object and what the dry run says
 * it would become, as dotted paths (`spec.source.targetRevision`); lists
 * compare whole. Server-set metadata and `status` are ignored. Pure.
 *
 * @public
 */
export function changedFields(before: unknown, after: unknown): string[] {
  const changes: string[] = [];
  const walk = (a: unknown, b: unknown, path: string[]) => {
    if (path.length === 1 && path[0] === 'status') return;
    if (
      path.length === 2 &&
      path[0] === 'metadata' &&
      SERVER_METADATA.has(path[1])
    ) {
      return;
    }
    if (isPlainObject(a) && isPlainObject(b)) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const key of [...keys].sort()) walk(a[key], b[key], [...path, key]);
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push(path.join('.'));
  };
  walk(before, after, []);
  return changes;
}
