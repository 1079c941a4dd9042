import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import yaml from 'yaml';
import { createPublishLocalAction } from './publishLocal';
import { examples } from './publishLocal.examples';

describe('worker-platform:publish:local examples', () => {
  const mockDir = createMockDirectory();
  const reposDir = mockDir.resolve('repos');
  const action = createPublishLocalAction({
    directory: reposDir,
    defaultAuthor: { name: 'Scaffolder', email: 'scaffolder@backstage.io' },
    defaultCommitMessage: 'Initial commit',
  });

  beforeEach(() => {
    mockDir.setContent({
      workspace: {
        'catalog-info.yaml': 'kind: Component\n',
        repo: { 'catalog-info.yaml': 'kind: Component\n' },
      },
    });
  });

  it.each(examples.map(example => [example.description, example]))(
    '%s',
    async (_description, example) => {
      const [step] = yaml.parse(example.example).steps;
      const ctx = createMockActionContext({
        workspacePath: mockDir.resolve('workspace'),
        input: step.input,
      });
      await action.handler(ctx);

      const repo = path.join(reposDir, step.input.repoName);
      const files = execFileSync('git', ['ls-files'], {
        cwd: repo,
        encoding: 'utf8',
      });
      expect(files).toContain('catalog-info.yaml');
      expect(ctx.output).toHaveBeenCalledWith('remoteUrl', repo);
    },
  );
});
