import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  formatSpecErrors,
  parseSpec,
  SpecDefaults,
  SpecError,
  WorkerPlatformSpec,
} from '@worker-platform/plugin-worker-platform-common';
import { SPEC_PATH } from './renderManifest';

/**
 * Thrown when a repository's `.worker-platform/spec.yaml` is missing or
 * invalid: without it there is nothing to re-render from.
 *
 * @public
 */
export class StoredSpecError extends Error {
  constructor(message: string, readonly errors: SpecError[] = []) {
    super(message);
    this.name = 'StoredSpecError';
  }
}

/**
 * Reads the spec a repository was rendered from. A render records every
 * value it resolved, so `defaults` only fill what someone removed from the
 * file by hand (an error without them names the field and the key to set).
 *
 * @throws {@link StoredSpecError} when it is missing or invalid
 * @public
 */
export async function readStoredSpec(
  dir: string,
  defaults: SpecDefaults = {},
): Promise<WorkerPlatformSpec> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, SPEC_PATH), 'utf8');
  } catch (error) {
    throw new StoredSpecError(
      `${SPEC_PATH} cannot be read (${
        (error as NodeJS.ErrnoException).code ?? (error as Error).message
      }); is ${dir} a repository rendered by worker-platform?`,
    );
  }
  const parsed = parseSpec(text, defaults);
  if (!parsed.ok) {
    throw new StoredSpecError(
      `${SPEC_PATH} has ${parsed.errors.length} error(s):\n${formatSpecErrors(
        parsed.errors,
        SPEC_PATH,
      )}`,
      parsed.errors,
    );
  }
  return parsed.spec;
}
