import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  parseSpec,
  WorkerPlatformSpec,
} from '@worker-platform/plugin-worker-platform-common';
import {
  demoSpecDefaults,
  repositoryRootPath,
} from '../../render/__testUtils__/testSpecs';
import { renderRepository } from '../../render/renderRepository';
import { writeRepository } from '../../write';
import { withRenderManifest } from '../renderManifest';

/** The example specs every lifecycle test runs over. */
export const exampleSpecNames = ['pingvasai', 'minimal', 'large'] as const;

/** An example spec from examples/specs, parsed with the demo app's defaults. */
export async function loadExampleSpec(
  name: (typeof exampleSpecNames)[number],
): Promise<WorkerPlatformSpec> {
  // The examples live at the monorepo root, outside any package.
  const file = repositoryRootPath('examples/specs', `${name}.yaml`);
  const result = parseSpec(await fs.readFile(file, 'utf8'), demoSpecDefaults());
  if (!result.ok) throw new Error(`${file} is invalid`);
  return result.spec;
}

/** What the render command writes for a spec: the render plus its manifest. */
export function renderWithManifest(spec: WorkerPlatformSpec) {
  return withRenderManifest(renderRepository(spec), spec);
}

/** Renders a spec into a new temporary directory, as `worker-platform render` does. */
export async function renderToTempDir(
  spec: WorkerPlatformSpec,
): Promise<string> {
  const parent = await fs.mkdtemp(
    path.join(os.tmpdir(), 'worker-platform-lifecycle-'),
  );
  const dir = path.join(parent, 'repo');
  await writeRepository(dir, renderWithManifest(spec));
  return dir;
}

/** Every file under `dir` (posix paths), with its content. */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const entries = await fs.readdir(dir, {
    recursive: true,
    withFileTypes: true,
  });
  const files = entries
    .filter(entry => entry.isFile())
    .map(entry =>
      path
        .relative(dir, path.join(entry.parentPath, entry.name))
        .split(path.sep)
        .join('/'),
    )
    .sort();
  return new Map(
    await Promise.all(
      files.map(
        async file =>
          [file, await fs.readFile(path.join(dir, file), 'utf8')] as const,
      ),
    ),
  );
}
