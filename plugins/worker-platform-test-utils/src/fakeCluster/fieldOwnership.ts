/**
 * Field ownership as server-side apply keeps it, simplified: a field is a
 * path to a scalar or a list (lists are atomic, as they are for custom
 * resources without list-type markers), and each field manager owns the
 * fields it last set. An apply without `force` that would change a field
 * another manager owns is a conflict; a field a manager applied before and
 * leaves out of its next apply is removed, unless another manager owns it
 * too.
 */

/** Fields by manager, each field a JSON-encoded path. */
export type FieldOwners = Map<string, Set<string>>;

/** One field another manager owns with a different value. */
export interface FieldConflict {
  manager: string;
  path: string[];
}

// Identity fields every manager sets to the same value; never in conflict.
const IDENTITY = new Set(
  [
    ['apiVersion'],
    ['kind'],
    ['metadata', 'name'],
    ['metadata', 'namespace'],
  ].map(path => JSON.stringify(path)),
);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The fields a patch body sets: paths to its scalars and lists. */
export function fieldsOf(body: unknown, prefix: string[] = []): string[][] {
  if (!isPlainObject(body)) return prefix.length > 0 ? [prefix] : [];
  const fields: string[][] = [];
  for (const [key, value] of Object.entries(body)) {
    const path = [...prefix, key];
    if (isPlainObject(value) && Object.keys(value).length > 0) {
      fields.push(...fieldsOf(value, path));
    } else {
      fields.push(path);
    }
  }
  return fields.filter(path => !IDENTITY.has(JSON.stringify(path)));
}

function valueAt(value: unknown, path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isPlainObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/**
 * The fields `body` would change that another manager owns: what a real
 * API server refuses with 409 for an apply without `force`.
 */
export function findConflicts(
  owners: FieldOwners | undefined,
  manager: string,
  stored: unknown,
  body: unknown,
): FieldConflict[] {
  if (!owners) return [];
  const conflicts: FieldConflict[] = [];
  for (const path of fieldsOf(body)) {
    const key = JSON.stringify(path);
    const same =
      JSON.stringify(valueAt(stored, path)) ===
      JSON.stringify(valueAt(body, path));
    if (same) continue;
    for (const [other, fields] of owners) {
      if (other !== manager && fields.has(key)) {
        conflicts.push({ manager: other, path });
      }
    }
  }
  return conflicts;
}

/**
 * The fields `manager` applied before and `body`, its new apply, leaves out,
 * that no other manager owns: server-side apply removes them from the object.
 */
export function abandonedFields(
  owners: FieldOwners | undefined,
  manager: string,
  body: unknown,
): string[][] {
  const before = owners?.get(manager);
  if (!before) return [];
  const now = new Set(fieldsOf(body).map(path => JSON.stringify(path)));
  return [...before]
    .filter(key => !now.has(key))
    .filter(key =>
      [...owners!].every(
        ([other, fields]) => other === manager || !fields.has(key),
      ),
    )
    .map(key => JSON.parse(key) as string[]);
}

/** A copy of `object` without the fields at `paths`. */
export function withoutFields<T>(object: T, paths: string[][]): T {
  const copy = structuredClone(object);
  for (const path of paths) {
    let parent: unknown = copy;
    for (const key of path.slice(0, -1)) {
      parent = isPlainObject(parent) ? parent[key] : undefined;
    }
    if (isPlainObject(parent)) delete parent[path[path.length - 1]];
  }
  return copy;
}

/**
 * Records that `manager` now owns the fields of `body`. An apply shares a
 * field it set to the value another manager set; any other change (or a
 * forced apply) takes it over. An apply (`replace`) is the manager's whole
 * intent: it owns exactly the fields of `body` afterwards.
 */
export function takeOwnership(
  owners: FieldOwners,
  manager: string,
  body: unknown,
  options: { share: boolean; replace?: boolean },
): void {
  const mine = options.replace
    ? new Set<string>()
    : owners.get(manager) ?? new Set<string>();
  owners.set(manager, mine);
  for (const path of fieldsOf(body)) {
    const key = JSON.stringify(path);
    mine.add(key);
    if (options.share) continue;
    for (const [other, fields] of owners) {
      if (other !== manager) fields.delete(key);
    }
  }
}

/** The API server's wording: `Apply failed with 1 conflict: conflict with "kubectl-edit" using argoproj.io/v1alpha1: .spec.project`. */
export function describeConflicts(
  conflicts: FieldConflict[],
  apiVersion: string,
): string {
  const lines = conflicts.map(
    conflict =>
      `conflict with "${
        conflict.manager
      }" using ${apiVersion}: .${conflict.path.join('.')}`,
  );
  const count = `${conflicts.length} conflict${
    conflicts.length === 1 ? '' : 's'
  }`;
  return conflicts.length === 1
    ? `Apply failed with ${count}: ${lines[0]}`
    : `Apply failed with ${count}: ${lines.join('\n')}`;
}
