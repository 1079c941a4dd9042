import { isChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import path from 'node:path';

/**
 * Resolves a workspace-relative path from action input, refusing any that
 * would leave the workspace (`..`, absolute paths).
 */
export function resolveWorkspacePath(
  workspacePath: string,
  relativePath: string | undefined,
  field: string,
): string {
  const resolved = path.resolve(workspacePath, relativePath ?? '.');
  if (!isChildPath(workspacePath, resolved)) {
    throw new InputError(
      `${field} "${relativePath}" points outside the workspace; use a path inside it`,
    );
  }
  return resolved;
}
