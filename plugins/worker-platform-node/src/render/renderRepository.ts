import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { WorkerPlatformSpec } from '@worker-platform/plugin-worker-platform-common';
import { BlueprintSet } from './blueprints/BlueprintSet';
import { deriveModel } from './model/deriveModel';
import { postProcess } from './postProcess';

let shippedBlueprints: BlueprintSet | undefined;

/**
 * The blueprints shipped in this package, compiled on first use and kept:
 * compiling is most of the cost of a render.
 */
export function loadShippedBlueprints(): BlueprintSet {
  shippedBlueprints ??= BlueprintSet.load(
    resolvePackagePath(
      '@worker-platform/plugin-worker-platform-node',
      'blueprints',
    ),
  );
  return shippedBlueprints;
}

/**
 * Renders the deployment repository of a validated spec (from `parseSpec`
 * or `validateSpec`): derive the model, render the blueprints, then
 * normalize and parse back every YAML/JSON file. Pure: returns repository
 * paths (posix, relative) to file contents, sorted by path; writing them is
 * the caller's job.
 *
 * @throws {@link RenderError} when a generated file does not parse back.
 * @public
 */
export function renderRepository(
  spec: WorkerPlatformSpec,
): Map<string, string> {
  return postProcess(loadShippedBlueprints().render(deriveModel(spec)));
}
