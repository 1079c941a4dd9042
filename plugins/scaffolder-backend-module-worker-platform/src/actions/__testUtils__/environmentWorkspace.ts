import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createEnvironmentAddAction } from '../environmentAdd';

/** Adds an environment (copied from staging) with the real `worker-platform:environment:add` action. */
export async function addEnvironmentToWorkspace(
  workspacePath: string,
  repositoryPath: string | undefined,
  name: string,
): Promise<void> {
  await createEnvironmentAddAction().handler(
    createMockActionContext({
      workspacePath,
      input: { name, copyFrom: 'staging', targetPath: repositoryPath },
    }),
  );
}
