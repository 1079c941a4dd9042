import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { WorkerPlatformSpec } from '@worker-platform/plugin-worker-platform-common';
import { imagesComponentPath } from '../render/ciOwnedFiles';
import { renderRepository } from '../render/renderRepository';
import { Finding } from '../validate/types';
import {
  formatFinding,
  validateRepository,
} from '../validate/validateRepository';
import { writeRepository } from '../write';
import {
  ChangeSummary,
  CONFLICTS_DIRECTORY,
  planReRender,
} from './planReRender';
import {
  parseRenderManifest,
  RENDER_MANIFEST_PATH,
  RenderManifest,
  withRenderManifest,
} from './renderManifest';

/**
 * Options of {@link reRenderRepository}.
 *
 * @public
 */
export interface ReRenderRepositoryOptions {
  /** Decide and report, but write nothing. */
  dryRun?: boolean;
  /**
   * Checks the new render before anything is written; `validateRepository`
   * with kustomize builds by default.
   */
  validate?: (files: Map<string, string>) => Promise<Finding[]>;
}

/**
 * What {@link reRenderRepository} did.
 *
 * @public
 */
export interface ReRenderResult {
  summary: ChangeSummary;
  /** The warnings validation found in the new render (errors abort). */
  warnings: Finding[];
}

/**
 * Thrown, with nothing written, when the new render has error findings.
 *
 * @public
 */
export class ReRenderValidationError extends Error {
  constructor(readonly findings: Finding[]) {
    super(
      `the new render has ${
        findings.length
      } error finding(s); nothing was written:\n${findings
        .map(formatFinding)
        .join('\n')}`,
    );
    this.name = 'ReRenderValidationError';
  }
}

/**
 * Moves a rendered repository to the render of `spec` without losing hand
 * edits: pristine generated files are updated or removed, new ones added,
 * and a file someone changed is left alone while its new version goes to
 * `.worker-platform/conflicts/<path>`. Everything is rendered, validated
 * and decided before the first write; the writes themselves are staged
 * (see `writeRepository`).
 *
 * @throws {@link ReRenderValidationError} when the new render has error findings
 * @throws `RenderManifestError` when the repository's manifest is unreadable
 * @public
 */
export async function reRenderRepository(
  dir: string,
  spec: WorkerPlatformSpec,
  options: ReRenderRepositoryOptions = {},
): Promise<ReRenderResult> {
  const rendered = renderRepository(spec);
  const validate =
    options.validate ??
    ((files: Map<string, string>) => validateRepository(files));
  const findings = await validate(rendered);
  const errors = findings.filter(f => f.severity === 'error');
  if (errors.length > 0) {
    throw new ReRenderValidationError(errors);
  }

  const previous = await readManifest(dir);
  const paths = new Set([
    ...rendered.keys(),
    RENDER_MANIFEST_PATH,
    ...Object.keys(previous?.files ?? {}),
    ...(previous?.ciOwned ?? []),
  ]);
  const current = new Map<string, string | undefined>();
  for (const file of paths) {
    current.set(file, await readIfPresent(path.join(dir, file)));
  }
  const next = withRenderManifest(seedImagePins(rendered, current, spec), spec);
  const plan = planReRender({
    next,
    previous,
    current,
    existingProposals: await listFiles(dir, CONFLICTS_DIRECTORY),
  });

  if (!options.dryRun) {
    await writeRepository(dir, plan.writes, { force: true });
    for (const file of plan.removals) {
      await fs.rm(path.join(dir, file), { force: true });
      await removeEmptyParents(dir, path.dirname(file));
    }
  }
  return {
    summary: plan.summary,
    warnings: findings.filter(f => f.severity === 'warning'),
  };
}

/**
 * A new environment starts on the digests the environment before it runs
 * (as a promotion would give it) rather than on the bootstrap tag, which
 * names the first build the repository ever made.
 */
function seedImagePins(
  rendered: Map<string, string>,
  current: ReadonlyMap<string, string | undefined>,
  spec: WorkerPlatformSpec,
): Map<string, string> {
  const seeded = new Map(rendered);
  const environments = spec.spec.environments.map(env => env.name);
  environments.forEach((environment, index) => {
    const file = imagesComponentPath(environment);
    if (!rendered.has(file) || current.get(file) !== undefined) return;
    for (const earlier of environments.slice(0, index).reverse()) {
      const pins = current.get(imagesComponentPath(earlier));
      if (pins !== undefined) {
        seeded.set(file, pins);
        return;
      }
    }
  });
  return seeded;
}

async function readManifest(dir: string): Promise<RenderManifest | undefined> {
  const text = await readIfPresent(path.join(dir, RENDER_MANIFEST_PATH));
  return text === undefined ? undefined : parseRenderManifest(text);
}

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Every file under `relativeDir` of `dir`, as repository paths. */
async function listFiles(dir: string, relativeDir: string): Promise<string[]> {
  const entries = await fs
    .readdir(path.join(dir, relativeDir), {
      recursive: true,
      withFileTypes: true,
    })
    .catch(() => []);
  return entries
    .filter(entry => entry.isFile())
    .map(entry =>
      path
        .relative(dir, path.join(entry.parentPath, entry.name))
        .split(path.sep)
        .join('/'),
    );
}

/** Deletes the directories a removal left empty, up to the repository root. */
async function removeEmptyParents(dir: string, relativeDir: string) {
  for (
    let current = relativeDir;
    current !== '.' && current !== '';
    current = path.posix.dirname(current)
  ) {
    const absolute = path.join(dir, current);
    const entries = await fs.readdir(absolute).catch(() => undefined);
    if (!entries || entries.length > 0) return;
    await fs.rmdir(absolute);
  }
}
