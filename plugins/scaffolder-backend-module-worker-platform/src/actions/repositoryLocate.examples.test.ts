import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { createRepositoryLocateAction } from './repositoryLocate';
import { examples } from './repositoryLocate.examples';

describe('worker-platform:repository:locate examples', () => {
  const action = createRepositoryLocateAction({
    directory: '/tmp/worker-platform-repos',
  });

  it.each([
    [examples[0], { publisher: 'local', repoName: 'imagegen' }],
    [
      examples[1],
      { publisher: 'github', repoUrl: 'github.com?owner=acme&repo=imagegen' },
    ],
    [
      examples[2],
      { publisher: 'github', repoUrl: 'github.com?owner=acme&repo=imagegen' },
    ],
  ])('$description', async (example, expected) => {
    const [step] = yaml.parse(example.example).steps;
    const ctx = createMockActionContext({ input: step.input });
    await action.handler(ctx);
    for (const [key, value] of Object.entries(expected)) {
      expect(ctx.output).toHaveBeenCalledWith(key, value);
    }
  });
});
