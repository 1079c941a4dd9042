import type { SpecDefaults } from '@worker-platform/plugin-worker-platform-common';
import {
  addEnvironment,
  EnvironmentAddition,
  EnvironmentFieldError,
} from './addEnvironment';
import { environmentNames, EnvironmentNames } from './environmentNames';
import {
  reRenderRepository,
  ReRenderRepositoryOptions,
  ReRenderResult,
} from './reRenderRepository';
import { readStoredSpec } from './storedSpec';

/**
 * Thrown, with nothing written, when the environment to add is not valid.
 *
 * @public
 */
export class EnvironmentAdditionError extends Error {
  constructor(readonly errors: EnvironmentFieldError[]) {
    super(
      `the environment cannot be added:\n${errors
        .map(e => `${e.field}: ${e.message}`)
        .join('\n')}`,
    );
    this.name = 'EnvironmentAdditionError';
  }
}

/**
 * Options of {@link addEnvironmentToRepository} and {@link upgradeRepository}.
 *
 * @public
 */
export interface RepositoryLifecycleOptions extends ReRenderRepositoryOptions {
  /** The organisation's spec defaults, for a stored spec that lacks a value (see `readStoredSpec`). */
  specDefaults?: SpecDefaults;
}

/** What {@link addEnvironmentToRepository} did. @public */
export interface AddEnvironmentToRepositoryResult extends ReRenderResult {
  /** The names the new environment is deployed under. */
  environment: EnvironmentNames;
}

/**
 * Adds an environment to a rendered repository: reads its stored spec,
 * adds the environment and re-renders (see `reRenderRepository`).
 *
 * @throws {@link EnvironmentAdditionError} for a bad addition, `StoredSpecError` for a bad stored spec
 * @public
 */
export async function addEnvironmentToRepository(
  dir: string,
  addition: EnvironmentAddition,
  options: RepositoryLifecycleOptions = {},
): Promise<AddEnvironmentToRepositoryResult> {
  const spec = await readStoredSpec(dir, options.specDefaults);
  const result = addEnvironment(spec, addition);
  if (!result.ok) {
    throw new EnvironmentAdditionError(result.errors);
  }
  const reRendered = await reRenderRepository(dir, result.spec, options);
  return {
    ...reRendered,
    environment: environmentNames(spec.metadata.name, result.environment),
  };
}

/**
 * Re-renders a repository from its stored spec with this package's
 * blueprints, e.g. after the package was updated.
 *
 * @throws `StoredSpecError` for a bad stored spec
 * @public
 */
export async function upgradeRepository(
  dir: string,
  options: RepositoryLifecycleOptions = {},
): Promise<ReRenderResult> {
  return reRenderRepository(
    dir,
    await readStoredSpec(dir, options.specDefaults),
    options,
  );
}
