import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { createEnvironmentAddAction } from './environmentAdd';
import { examples } from './environmentAdd.examples';
import { renderIntoWorkspace } from './__testUtils__/renderedWorkspace';

describe('worker-platform:environment:add examples', () => {
  const mockDir = createMockDirectory();
  const workspacePath = mockDir.resolve('workspace');
  const action = createEnvironmentAddAction();

  beforeEach(() => mockDir.setContent({ workspace: {} }));

  it.each(examples.map(example => [example.description, example]))(
    '%s',
    async (_description, example) => {
      const [step] = yaml.parse(example.example).steps;
      await renderIntoWorkspace(
        workspacePath,
        'pingvasai',
        step.input.targetPath,
      );
      const ctx = createMockActionContext({ workspacePath, input: step.input });
      await action.handler(ctx);

      expect(ctx.output).toHaveBeenCalledWith('applications', [
        `pingvasai-${step.input.name}-api`,
        `pingvasai-${step.input.name}-workers`,
      ]);
      expect(ctx.output).toHaveBeenCalledWith(
        'summary',
        expect.objectContaining({ conflicts: [] }),
      );
    },
  );
});
