import { createMockDirectory } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { promises as fs } from 'node:fs';
import {
  gitOutput,
  publishTestRepository,
  testAuthor,
} from './__testUtils__/localRepository';
import { createPublishLocalBranchAction } from './publishLocalBranch';

describe('worker-platform:publish:local:branch', () => {
  const mockDir = createMockDirectory();
  const repoDir = mockDir.resolve('repos/imagegen');
  const action = createPublishLocalBranchAction({
    directory: mockDir.resolve('repos'),
    defaultAuthor: testAuthor,
  });
  let initialCommit: string;

  beforeEach(async () => {
    mockDir.setContent({
      source: {
        'catalog-info.yaml': 'kind: Component\n',
        'old.yaml': 'old',
        '.gitignore': '*.log\n',
      },
      workspace: {
        'catalog-info.yaml': 'kind: Component\n',
        'new.yaml': 'new',
        'debug.log': 'ignored',
        '.gitignore': '*.log\n',
      },
    });
    initialCommit = await publishTestRepository(
      mockDir.resolve('source'),
      repoDir,
    );
  });

  function run(
    input: { branchName: string; baseCommit?: string },
    isDryRun = false,
  ) {
    const ctx = {
      ...createMockActionContext({
        workspacePath: mockDir.resolve('workspace'),
        input: { repoName: 'imagegen', commitMessage: 'Add qa', ...input },
      }),
      isDryRun,
    };
    return { ctx, done: action.handler(ctx) };
  }

  it('commits the workspace as a new branch on the base commit, leaving main and the working tree alone', async () => {
    const { ctx, done } = run({
      branchName: 'add-qa',
      baseCommit: initialCommit,
    });
    await done;

    expect(
      gitOutput(repoDir, 'ls-tree', '-r', '--name-only', 'add-qa').split('\n'),
    ).toEqual(['.gitignore', 'catalog-info.yaml', 'new.yaml', '']);
    expect(gitOutput(repoDir, 'rev-parse', 'add-qa^')).toBe(
      `${initialCommit}\n`,
    );
    expect(
      gitOutput(repoDir, 'log', '-1', '--format=%an <%ae> %s', 'add-qa'),
    ).toBe('Tester <tester@example.com> Add qa\n');
    expect(gitOutput(repoDir, 'rev-parse', 'HEAD')).toBe(`${initialCommit}\n`);
    expect(gitOutput(repoDir, 'status', '--porcelain')).toBe('');
    expect(ctx.output).toHaveBeenCalledWith('changedFiles', [
      'new.yaml',
      'old.yaml',
    ]);
    expect(ctx.output).toHaveBeenCalledWith('branchName', 'add-qa');
  });

  it('refuses a branch that exists', async () => {
    await run({ branchName: 'add-qa' }).done;
    const again = run({ branchName: 'add-qa' }).done;
    await expect(again).rejects.toThrow(InputError);
    await expect(again).rejects.toThrow(
      /branchName "add-qa": branch "add-qa" already exists/,
    );
  });

  it('refuses a name git would not accept', async () => {
    await expect(run({ branchName: 'bad..name' }).done).rejects.toThrow(
      /"bad\.\.name" is not a valid branch name/,
    );
  });

  it('creates nothing in a dry run', async () => {
    await run({ branchName: 'add-qa' }, true).done;
    expect(gitOutput(repoDir, 'branch', '--list')).toBe('* main\n');
    await expect(fs.stat(repoDir)).resolves.toBeTruthy();
  });
});
