import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { demoSpecDefaults } from '../../__testUtils__/demoSpecDefaults';
import { createRenderAction } from '../render';

/**
 * Renders an example spec (examples/specs at the monorepo root) into a
 * workspace with the real `worker-platform:render` action and the demo
 * app's `workerPlatform.defaults`, as a template's earlier step or a fetched
 * repository would have it.
 */
export async function renderIntoWorkspace(
  workspacePath: string,
  example: 'pingvasai' | 'minimal',
  targetPath?: string,
): Promise<void> {
  const specFile = path.resolve(
    resolvePackagePath(
      '@worker-platform/plugin-scaffolder-backend-module-worker-platform',
    ),
    `../../examples/specs/${example}.yaml`,
  );
  await createRenderAction({ specDefaults: demoSpecDefaults() }).handler(
    createMockActionContext({
      workspacePath,
      input: { spec: await fs.readFile(specFile, 'utf8'), targetPath },
    }),
  );
}
