import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { fakeDeployOperations } from './__testUtils__/fakeDeployOperations';
import { createKedaResumeAction } from './kedaResume';
import { examples } from './kedaResume.examples';

describe('worker-platform:keda:resume examples', () => {
  it.each(examples.map(example => [example.description, example]))(
    '%s',
    async (_description, example) => {
      const operations = fakeDeployOperations();
      const [step] = yaml.parse(example.example).steps;
      const ctx = createMockActionContext({ input: step.input });
      await createKedaResumeAction({ operations }).handler(ctx);
      const { entityRef, ...request } = step.input;
      expect(operations.calls).toEqual([
        {
          entityRef,
          request: { ...request, operation: 'resume' },
        },
      ]);
      expect(ctx.output).toHaveBeenCalledWith('message', 'resume done');
    },
  );
});
