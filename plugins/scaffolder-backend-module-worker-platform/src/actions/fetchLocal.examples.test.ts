import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { createFetchLocalAction } from './fetchLocal';
import { examples } from './fetchLocal.examples';
import { publishTestRepository } from './__testUtils__/localRepository';

describe('worker-platform:fetch:local examples', () => {
  const mockDir = createMockDirectory();
  const action = createFetchLocalAction({
    directory: mockDir.resolve('repos'),
  });

  beforeEach(async () => {
    mockDir.setContent({
      source: { 'catalog-info.yaml': 'kind: Component\n' },
      workspace: {},
    });
    await publishTestRepository(
      mockDir.resolve('source'),
      mockDir.resolve('repos/imagegen'),
    );
  });

  it.each(examples.map(example => [example.description, example]))(
    '%s',
    async (_description, example) => {
      const [step] = yaml.parse(example.example).steps;
      const workspacePath = mockDir.resolve('workspace');
      const ctx = createMockActionContext({ workspacePath, input: step.input });
      await action.handler(ctx);

      await expect(
        fs.readFile(
          path.join(
            workspacePath,
            step.input.targetPath ?? '.',
            'catalog-info.yaml',
          ),
          'utf8',
        ),
      ).resolves.toBe('kind: Component\n');
    },
  );
});
