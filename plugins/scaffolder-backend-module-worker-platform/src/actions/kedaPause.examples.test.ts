import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { fakeDeployOperations } from './__testUtils__/fakeDeployOperations';
import { createKedaPauseAction } from './kedaPause';
import { examples } from './kedaPause.examples';

describe('worker-platform:keda:pause examples', () => {
  it.each(examples.map(example => [example.description, example]))(
    '%s',
    async (_description, example) => {
      const operations = fakeDeployOperations();
      const [step] = yaml.parse(example.example).steps;
      const ctx = createMockActionContext({ input: step.input });
      await createKedaPauseAction({ operations }).handler(ctx);
      const { entityRef, ...request } = step.input;
      expect(operations.calls).toEqual([
        {
          entityRef,
          request: { ...request, operation: 'pause' },
        },
      ]);
      expect(ctx.output).toHaveBeenCalledWith('message', 'pause done');
    },
  );
});
