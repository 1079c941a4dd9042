import { createHash } from 'node:crypto';
import type { WorkerPlatformSpec } from '@worker-platform/plugin-worker-platform-common';
import { z } from 'zod';
import { BLUEPRINT_VERSION } from '../render/blueprintVersion';
import { isCiOwnedFile } from '../render/ciOwnedFiles';

/**
 * Where a rendered repository records what was generated.
 *
 * @public
 */
export const RENDER_MANIFEST_PATH = '.worker-platform/manifest.json';

/**
 * Where the spec a repository was rendered from is kept.
 *
 * @public
 */
export const SPEC_PATH = '.worker-platform/spec.yaml';

/**
 * What a render generated, so a later re-render can tell a file that is
 * still exactly as generated (pristine) from one someone edited.
 *
 * @public
 */
export interface RenderManifest {
  /** The `apiVersion` of the spec the repository was rendered from. */
  specApiVersion: string;
  /** {@link BLUEPRINT_VERSION} of the package that rendered it. */
  blueprintVersion: string;
  /**
   * Generated files CI owns from then on (each environment's image pins, see
   * `ciOwnedFiles.ts`), sorted: a re-render writes them only when missing.
   * Absent from manifests written before blueprint 1.3.
   */
  ciOwned: string[];
  /**
   * Every other generated file (not the manifest itself) to the sha256 of
   * its content, sorted by path.
   */
  files: Record<string, string>;
}

/**
 * A path a re-render may read, write or delete: relative, normalized and
 * inside the repository, since the manifest is a file anyone can edit.
 */
const repositoryPath = z
  .string()
  .refine(
    file =>
      file !== '' &&
      !file.startsWith('/') &&
      !file.includes('\\') &&
      !file.includes('\0') &&
      file.split('/').every(s => s !== '' && s !== '.' && s !== '..'),
    { error: 'must be a relative path inside the repository' },
  );

const manifestSchema = z.strictObject({
  specApiVersion: z.string(),
  blueprintVersion: z.string(),
  ciOwned: z.array(repositoryPath).default([]),
  files: z.record(
    repositoryPath,
    z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a sha256 in hex' }),
  ),
});

/**
 * Thrown when a repository's manifest cannot be read as one.
 *
 * @public
 */
export class RenderManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RenderManifestError';
  }
}

/**
 * The sha256 (hex) of a file's content, as the manifest records it.
 *
 * @public
 */
export function contentHash(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

/**
 * The manifest of a rendered repository.
 *
 * @public
 */
export function createRenderManifest(
  files: ReadonlyMap<string, string>,
  spec: WorkerPlatformSpec,
): RenderManifest {
  const paths = [...files.keys()]
    .filter(file => file !== RENDER_MANIFEST_PATH)
    .sort();
  return {
    specApiVersion: spec.apiVersion,
    blueprintVersion: BLUEPRINT_VERSION,
    ciOwned: paths.filter(isCiOwnedFile),
    files: Object.fromEntries(
      paths
        .filter(file => !isCiOwnedFile(file))
        .map(file => [file, contentHash(files.get(file)!)]),
    ),
  };
}

/**
 * The manifest as written: keys in a fixed order and paths sorted, so the
 * same render always gives the same bytes and a re-render diffs cleanly.
 *
 * @public
 */
export function stringifyRenderManifest(manifest: RenderManifest): string {
  const files = Object.keys(manifest.files)
    .sort()
    .map(file => [file, manifest.files[file]]);
  const ordered = {
    specApiVersion: manifest.specApiVersion,
    blueprintVersion: manifest.blueprintVersion,
    ciOwned: [...manifest.ciOwned].sort(),
    files: Object.fromEntries(files),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/**
 * Reads a manifest's text.
 *
 * @throws {@link RenderManifestError} naming the field that is wrong.
 * @public
 */
export function parseRenderManifest(text: string): RenderManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RenderManifestError(
      `${RENDER_MANIFEST_PATH} is not JSON: ${(error as Error).message}`,
    );
  }
  const result = manifestSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    // A bad record key reports its own schema's message one level down.
    const message =
      issue.code === 'invalid_key'
        ? issue.issues[0]?.message ?? issue.message
        : issue.message;
    throw new RenderManifestError(
      `${RENDER_MANIFEST_PATH}: ${
        issue.path.join('.') || '(document)'
      }: ${message}`,
    );
  }
  return result.data;
}

/**
 * A rendered repository with its manifest added: what every path that
 * writes a render to disk applies to `renderRepository`'s output. The input
 * is left as it is.
 *
 * @public
 */
export function withRenderManifest(
  files: ReadonlyMap<string, string>,
  spec: WorkerPlatformSpec,
): Map<string, string> {
  const manifest = stringifyRenderManifest(createRenderManifest(files, spec));
  const entries = new Map([...files, [RENDER_MANIFEST_PATH, manifest]]);
  return new Map(
    [...entries.keys()].sort().map(file => [file, entries.get(file)!]),
  );
}
