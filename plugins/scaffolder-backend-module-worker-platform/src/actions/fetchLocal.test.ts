import { createMockDirectory } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { promises as fs } from 'node:fs';
import { createFetchLocalAction } from './fetchLocal';
import { publishTestRepository } from './__testUtils__/localRepository';

describe('worker-platform:fetch:local', () => {
  const mockDir = createMockDirectory();
  const action = createFetchLocalAction({
    directory: mockDir.resolve('repos'),
  });
  let initialCommit: string;

  beforeEach(async () => {
    mockDir.setContent({
      source: {
        'catalog-info.yaml': 'kind: Component\n',
        k8s: { 'a.yaml': 'a' },
      },
      workspace: {},
    });
    initialCommit = await publishTestRepository(
      mockDir.resolve('source'),
      mockDir.resolve('repos/imagegen'),
    );
  });

  it('copies the branch into the workspace without .git and names the commit', async () => {
    const ctx = createMockActionContext({
      workspacePath: mockDir.resolve('workspace'),
      input: { repoName: 'imagegen', targetPath: 'repo' },
    });
    await action.handler(ctx);

    expect(
      (await fs.readdir(mockDir.resolve('workspace/repo'))).sort(),
    ).toEqual(['catalog-info.yaml', 'k8s']);
    expect(ctx.output).toHaveBeenCalledWith('commitHash', initialCommit);
    expect(ctx.output).toHaveBeenCalledWith('branch', 'main');
    expect(ctx.output).toHaveBeenCalledWith(
      'remoteUrl',
      mockDir.resolve('repos/imagegen'),
    );
  });

  it.each([
    [
      { repoName: 'missing' },
      /repoName "missing": .* is not a local git repository/,
    ],
    [{ repoName: 'imagegen', branch: 'nope' }, /nope/],
  ])('fails %j', async (input, message) => {
    const ctx = createMockActionContext({
      workspacePath: mockDir.resolve('workspace'),
      input,
    });
    await expect(action.handler(ctx)).rejects.toThrow(message);
  });

  it('refuses a target that has files', async () => {
    await fs.writeFile(mockDir.resolve('workspace/notes.md'), 'mine');
    const ctx = createMockActionContext({
      workspacePath: mockDir.resolve('workspace'),
      input: { repoName: 'imagegen' },
    });
    await expect(action.handler(ctx)).rejects.toThrow(InputError);
  });
});
