import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createPublishLocalAction } from './publishLocal';

describe('worker-platform:publish:local', () => {
  const mockDir = createMockDirectory();
  const workspacePath = mockDir.resolve('workspace');
  const reposDir = mockDir.resolve('repos');
  const action = createPublishLocalAction({
    directory: reposDir,
    defaultAuthor: { name: 'Scaffolder', email: 'scaffolder@backstage.io' },
    defaultCommitMessage: 'Initial commit',
  });

  const git = (repo: string, ...args: string[]) =>
    execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();

  beforeEach(() => {
    mockDir.setContent({
      workspace: {
        'catalog-info.yaml': 'kind: Component\n',
        'README.md': '# svc\n',
        repo: {
          'catalog-info.yaml': 'kind: Component\n',
          Dockerfile: 'FROM x\n',
        },
        '.git': { HEAD: 'ref: refs/heads/other\n' },
      },
    });
  });

  it('commits the workspace into a new repository and outputs where it is', async () => {
    const ctx = createMockActionContext({
      workspacePath,
      input: { repoName: 'thumbnailer' },
    });
    await action.handler(ctx);

    const repo = path.join(reposDir, 'thumbnailer');
    expect(git(repo, 'log', '--format=%an <%ae> %cn|%s')).toBe(
      'Scaffolder <scaffolder@backstage.io> Scaffolder|Initial commit',
    );
    expect(git(repo, 'branch', '--show-current')).toBe('main');
    expect(git(repo, 'ls-files').split('\n')).toEqual([
      'README.md',
      'catalog-info.yaml',
      'repo/Dockerfile',
      'repo/catalog-info.yaml',
    ]);
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(ctx.output).toHaveBeenCalledWith('remoteUrl', repo);
    expect(ctx.output).toHaveBeenCalledWith(
      'repoContentsUrl',
      `file://${repo}`,
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoUrl',
      `file://${repo}/catalog-info.yaml`,
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'commitHash',
      git(repo, 'rev-parse', 'HEAD'),
    );
    // No staging directory is left beside the repository.
    expect(await fs.readdir(reposDir)).toEqual(['thumbnailer']);
  });

  it('commits only sourcePath, on the given branch, as the given author', async () => {
    await action.handler(
      createMockActionContext({
        workspacePath,
        input: {
          repoName: 'imagegen',
          sourcePath: 'repo',
          defaultBranch: 'develop',
          gitCommitMessage: 'Render imagegen',
          gitAuthorName: 'Platform Team',
          gitAuthorEmail: 'platform@example.com',
        },
      }),
    );
    const repo = path.join(reposDir, 'imagegen');
    expect(git(repo, 'log', '--format=%an <%ae>|%s')).toBe(
      'Platform Team <platform@example.com>|Render imagegen',
    );
    expect(git(repo, 'branch', '--show-current')).toBe('develop');
    expect(git(repo, 'ls-files').split('\n')).toEqual([
      'Dockerfile',
      'catalog-info.yaml',
    ]);
  });

  it('refuses to overwrite an existing repository and leaves it as it was', async () => {
    mockDir.addContent({ 'repos/thumbnailer/keep.txt': 'mine' });
    await expect(
      action.handler(
        createMockActionContext({
          workspacePath,
          input: { repoName: 'thumbnailer' },
        }),
      ),
    ).rejects.toThrow(
      /repoName "thumbnailer": .* already exists; refusing to overwrite/,
    );
    expect(await fs.readdir(path.join(reposDir, 'thumbnailer'))).toEqual([
      'keep.txt',
    ]);
    expect(await fs.readdir(reposDir)).toEqual(['thumbnailer']);
  });

  it('refuses a sourcePath outside the workspace', async () => {
    await expect(
      action.handler(
        createMockActionContext({
          workspacePath,
          input: { repoName: 'x', sourcePath: '../repos' },
        }),
      ),
    ).rejects.toThrow(/sourcePath "..\/repos" points outside the workspace/);
  });

  it('creates nothing in a dry run but still tells where the repository would be', async () => {
    const ctx = {
      ...createMockActionContext({ workspacePath, input: { repoName: 'dry' } }),
      isDryRun: true,
    };
    await action.handler(ctx);
    await expect(fs.readdir(reposDir)).rejects.toThrow(/ENOENT/);
    expect(ctx.output).toHaveBeenCalledWith(
      'remoteUrl',
      path.join(reposDir, 'dry'),
    );
    expect(ctx.output).not.toHaveBeenCalledWith(
      'commitHash',
      expect.anything(),
    );
  });

  it('runs the commit inside a checkpoint so a recovered task does not repeat it', async () => {
    const ctx = createMockActionContext({
      workspacePath,
      input: { repoName: 'checkpointed' },
    });
    const checkpoint = jest.fn(async () => ({ commitHash: 'abc123' }));
    await action.handler({ ...ctx, checkpoint } as typeof ctx);

    expect(checkpoint).toHaveBeenCalledWith(
      expect.objectContaining({
        key: 'worker-platform.publish.local.checkpointed',
      }),
    );
    expect(ctx.output).toHaveBeenCalledWith('commitHash', 'abc123');
    await expect(fs.readdir(reposDir)).rejects.toThrow(/ENOENT/);
  });
});
