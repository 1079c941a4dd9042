import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import {
  gitOutput,
  publishTestRepository,
  testAuthor,
} from './__testUtils__/localRepository';
import { createPublishLocalBranchAction } from './publishLocalBranch';
import { examples } from './publishLocalBranch.examples';

describe('worker-platform:publish:local:branch examples', () => {
  const mockDir = createMockDirectory();
  const repoDir = mockDir.resolve('repos/imagegen');
  const action = createPublishLocalBranchAction({
    directory: mockDir.resolve('repos'),
    defaultAuthor: testAuthor,
  });
  let initialCommit: string;

  beforeEach(async () => {
    mockDir.setContent({
      source: { 'catalog-info.yaml': 'kind: Component\n' },
      workspace: {
        'catalog-info.yaml': 'kind: Component\n',
        'qa.yaml': 'qa',
        repo: { 'catalog-info.yaml': 'kind: Component\n', 'qa.yaml': 'qa' },
      },
    });
    initialCommit = await publishTestRepository(
      mockDir.resolve('source'),
      repoDir,
    );
  });

  it.each(examples.map(example => [example.description, example]))(
    '%s',
    async (_description, example) => {
      const [step] = yaml.parse(example.example).steps;
      // The template would have rendered the fetch step's output here.
      const input = {
        ...step.input,
        ...(step.input.baseCommit ? { baseCommit: initialCommit } : {}),
      };
      const ctx = createMockActionContext({
        workspacePath: mockDir.resolve('workspace'),
        input,
      });
      await action.handler(ctx);

      expect(gitOutput(repoDir, 'show', `${input.branchName}:qa.yaml`)).toBe(
        'qa',
      );
    },
  );
});
