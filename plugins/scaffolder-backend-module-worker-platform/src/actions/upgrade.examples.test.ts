import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { renderIntoWorkspace } from './__testUtils__/renderedWorkspace';
import { createUpgradeAction } from './upgrade';
import { examples } from './upgrade.examples';

describe('worker-platform:upgrade examples', () => {
  const mockDir = createMockDirectory();
  const workspacePath = mockDir.resolve('workspace');
  const action = createUpgradeAction();

  beforeEach(() => mockDir.setContent({ workspace: {} }));

  it.each(examples.map(example => [example.description, example]))(
    '%s',
    async (_description, example) => {
      const [step] = yaml.parse(example.example).steps;
      const input = step.input ?? {};
      await renderIntoWorkspace(workspacePath, 'minimal', input.targetPath);
      const ctx = createMockActionContext({ workspacePath, input });
      await action.handler(ctx);

      expect(ctx.output).toHaveBeenCalledWith(
        'summary',
        expect.objectContaining({
          added: [],
          removed: [],
          conflicts: [],
          unchanged: expect.arrayContaining(['catalog-info.yaml']),
        }),
      );
    },
  );
});
