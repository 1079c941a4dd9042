import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { createArgoCdRegisterAction } from './argocdRegister';
import { examples } from './argocdRegister.examples';
import { addEnvironmentToWorkspace } from './__testUtils__/environmentWorkspace';
import { fakeArgoCdRegistrations } from './__testUtils__/fakeArgoCdRegistrations';
import { renderIntoWorkspace } from './__testUtils__/renderedWorkspace';

describe('worker-platform:argocd:register examples', () => {
  const mockDir = createMockDirectory();
  const workspacePath = mockDir.resolve('workspace');

  it.each(examples.map(example => [example.description, example]))(
    '%s',
    async (_description, example) => {
      mockDir.setContent({ workspace: {} });
      const [step] = yaml.parse(example.example).steps;
      await renderIntoWorkspace(
        workspacePath,
        'pingvasai',
        step.input.targetPath,
      );
      if (step.input.environment) {
        await addEnvironmentToWorkspace(
          workspacePath,
          step.input.targetPath,
          step.input.environment,
        );
      }
      const registrations = fakeArgoCdRegistrations();
      const ctx = createMockActionContext({ workspacePath, input: step.input });
      await createArgoCdRegisterAction({ registrations }).handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith('result', 'applied');
      expect(registrations.calls[0].cluster).toBe(step.input.cluster);
    },
  );
});
