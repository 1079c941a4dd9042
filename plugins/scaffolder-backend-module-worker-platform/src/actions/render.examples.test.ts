import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { demoSpecDefaults } from '../__testUtils__/demoSpecDefaults';
import { createRenderAction } from './render';
import { examples } from './render.examples';

describe('worker-platform:render examples', () => {
  const mockDir = createMockDirectory();
  const workspacePath = mockDir.resolve('workspace');
  // The examples leave the registry and API host to workerPlatform.defaults,
  // as the demo app sets them.
  const action = createRenderAction({ specDefaults: demoSpecDefaults() });

  beforeEach(() => mockDir.setContent({ workspace: {} }));

  it.each(examples.map(example => [example.description, example]))(
    '%s',
    async (_description, example) => {
      const [step] = yaml.parse(example.example).steps;
      const ctx = createMockActionContext({ workspacePath, input: step.input });
      await action.handler(ctx);

      const target = path.join(workspacePath, step.input.targetPath ?? '.');
      const descriptor = await fs.readFile(
        path.join(target, 'catalog-info.yaml'),
        'utf8',
      );
      const name = yaml.parse(
        typeof step.input.spec === 'string'
          ? step.input.spec
          : yaml.stringify(step.input.spec),
      ).metadata.name;
      expect(descriptor).toContain(`name: ${name}`);
      expect(ctx.output).toHaveBeenCalledWith('entityName', name);
    },
  );
});
