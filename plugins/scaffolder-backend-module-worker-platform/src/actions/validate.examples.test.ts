import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parseSpec } from '@worker-platform/plugin-worker-platform-common';
import {
  renderRepository,
  writeRepository,
} from '@worker-platform/plugin-worker-platform-node';
import path from 'node:path';
import yaml from 'yaml';
import { demoSpecDefaults } from '../__testUtils__/demoSpecDefaults';
import { createValidateAction } from './validate';
import { examples } from './validate.examples';

const spec = parseSpec(
  'apiVersion: worker-platform.io/v1alpha1\nkind: WorkerPlatform\nmetadata:\n  name: relay\nspec:\n  workers: [{ name: relay, queues: [{ name: relay }] }]\n  environments: [{ name: staging }]\n',
  demoSpecDefaults(),
);

describe('worker-platform:validate examples', () => {
  jest.setTimeout(120_000);
  const mockDir = createMockDirectory();
  const workspacePath = mockDir.resolve('workspace');
  const action = createValidateAction();

  it.each(examples.map(example => [example.description, example]))(
    '%s',
    async (_description, example) => {
      if (!spec.ok) throw new Error('test spec is invalid');
      const [step] = yaml.parse(example.example).steps;
      mockDir.setContent({ workspace: {} });
      await writeRepository(
        path.join(workspacePath, step.input?.path ?? '.'),
        renderRepository(spec.spec),
        { force: true },
      );
      const ctx = createMockActionContext({
        workspacePath,
        input: step.input ?? {},
      });
      await action.handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith('findings', expect.any(Array));
    },
  );
});
