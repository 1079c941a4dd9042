import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { fakeDeployOperations } from './__testUtils__/fakeDeployOperations';
import { createArgoCdRollbackAction } from './argocdRollback';
import { examples } from './argocdRollback.examples';

describe('worker-platform:argocd:rollback examples', () => {
  it.each(examples.map(example => [example.description, example]))(
    '%s',
    async (_description, example) => {
      const operations = fakeDeployOperations();
      const [step] = yaml.parse(example.example).steps;
      const ctx = createMockActionContext({ input: step.input });
      await createArgoCdRollbackAction({ operations }).handler(ctx);
      const { entityRef, ...request } = step.input;
      expect(operations.calls).toEqual([
        {
          entityRef,
          request: { ...request, operation: 'rollback' },
        },
      ]);
      expect(ctx.output).toHaveBeenCalledWith('message', 'rollback done');
    },
  );
});
