/**
 * The patch formats the API server accepts for custom resources, applied to
 * plain JSON: JSON merge patch (RFC 7386), JSON patch (RFC 6902) and a
 * server-side apply that merges the applied fields (and creates a missing
 * object); field managers and apply conflicts are kept in `fieldOwnership.ts`.
 */

/** A patch the fake server could not apply, with the HTTP status the API server answers. */
export class PatchError extends Error {
  constructor(readonly status: 409 | 415 | 422 | 400, message: string) {
    super(message);
  }
}

/** The `Content-Type` values of the three patch formats. */
export const PATCH_CONTENT_TYPES = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  apply: 'application/apply-patch+yaml',
  strategic: 'application/strategic-merge-patch+json',
} as const;

/** The format of a patch request. */
export type PatchType = 'merge' | 'json' | 'apply';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (value: unknown): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** RFC 7386: objects merge key by key, `null` deletes, anything else replaces. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[key];
    } else {
      result[key] = applyMergePatch(result[key], value);
    }
  }
  return result;
}

/** Server-side apply, simplified: the applied fields are merged in; nothing is removed. */
export function applyApplyPatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    result[key] = applyApplyPatch(result[key], value);
  }
  return result;
}

interface JsonPatchOperation {
  op: string;
  path: string;
  value?: unknown;
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) {
    throw new PatchError(
      422,
      `invalid JSON pointer ${JSON.stringify(pointer)}`,
    );
  }
  return pointer
    .slice(1)
    .split('/')
    .map(token => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** RFC 6902 `add`, `remove`, `replace` and `test`; a failing `test` refuses the whole patch. */
export function applyJsonPatch(target: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch)) {
    throw new PatchError(400, 'a JSON patch must be an array of operations');
  }
  const document = { root: structuredClone(target) as unknown };
  for (const operation of patch as JsonPatchOperation[]) {
    const tokens = ['root', ...parsePointer(String(operation?.path ?? ''))];
    const last = tokens.pop()!;
    let parent: any = document;
    for (const token of tokens) {
      parent = Array.isArray(parent) ? parent[Number(token)] : parent?.[token];
      if (typeof parent !== 'object' || parent === null) {
        throw new PatchError(
          422,
          `${operation.op} ${operation.path}: no such path`,
        );
      }
    }
    const exists = Array.isArray(parent)
      ? Number(last) < parent.length
      : Object.prototype.hasOwnProperty.call(parent, last);
    switch (operation.op) {
      case 'test':
        if (
          !exists ||
          JSON.stringify(parent[last]) !== JSON.stringify(operation.value)
        ) {
          throw new PatchError(422, `testing value ${operation.path} failed`);
        }
        break;
      case 'add':
        if (Array.isArray(parent)) {
          const index = last === '-' ? parent.length : Number(last);
          parent.splice(index, 0, structuredClone(operation.value));
        } else {
          parent[last] = structuredClone(operation.value);
        }
        break;
      case 'replace':
      case 'remove':
        if (!exists) {
          throw new PatchError(
            422,
            `${operation.op} ${operation.path}: no such path`,
          );
        }
        if (operation.op === 'replace') {
          parent[last] = structuredClone(operation.value);
        } else if (Array.isArray(parent)) {
          parent.splice(Number(last), 1);
        } else {
          delete parent[last];
        }
        break;
      default:
        throw new PatchError(
          422,
          `the fake server does not apply JSON patch op ${JSON.stringify(
            operation?.op,
          )}`,
        );
    }
  }
  return document.root;
}
